import Testing

@testable import WutongSolver

/// A chain's marks: a new chain starts empty, also when the stamps run out, at either width.
@Suite struct ChainMarksTests {
    @Test func aNewChainHoldsNoSessionOfTheLastOne() {
        var marks = ChainMarks<Int16>(sessions: 4)
        marks.clear()
        marks.insert(1)
        marks.insert(3)
        #expect((0..<4).map(marks.contains) == [false, true, false, true])
        marks.clear()
        #expect((0..<4).map(marks.contains) == [false, false, false, false])
        marks.insert(2)
        #expect((0..<4).map(marks.contains) == [false, false, true, false])
    }

    @Test func theStampsStartOverBeforeTheyOverflow() {
        Self.startOver(ChainMarks<Int16>.self)
        Self.startOver(ChainMarks<Int32>.self)
    }

    /// Without starting the marks over, the stamp after `Stored.max` could not be stored, and a
    /// stamp that came round again would find the sessions marked with it long ago.
    static func startOver<Stored>(_: ChainMarks<Stored>.Type) {
        var marks = ChainMarks<Stored>(sessions: 3, stamp: Int(Stored.max) - 2)
        marks.clear()
        marks.insert(0)
        marks.clear()
        #expect(marks.stamp == Int(Stored.max))
        marks.insert(1)
        #expect((0..<3).map(marks.contains) == [false, true, false])
        marks.clear()
        #expect(marks.stamp == 1)
        #expect((0..<3).map(marks.contains) == [false, false, false])
        marks.insert(2)
        #expect((0..<3).map(marks.contains) == [false, false, true])
        marks.clear()
        #expect((0..<3).map(marks.contains) == [false, false, false])
    }
}
