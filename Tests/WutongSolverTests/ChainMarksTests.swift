import Testing

@testable import WutongSolver

/// A chain's marks: a new chain starts empty, also when the 32-bit stamps run out.
@Suite struct ChainMarksTests {
    @Test func aNewChainHoldsNoSessionOfTheLastOne() {
        var marks = ChainMarks(sessions: 4)
        marks.clear()
        marks.insert(1)
        marks.insert(3)
        #expect((0..<4).map(marks.contains) == [false, true, false, true])
        marks.clear()
        #expect((0..<4).map(marks.contains) == [false, false, false, false])
        marks.insert(2)
        #expect((0..<4).map(marks.contains) == [false, false, true, false])
    }

    /// Without starting the marks over, the stamp after `Int32.max` could not be stored, and a
    /// stamp that came round again would find the sessions marked with it long ago.
    @Test func theStampsStartOverBeforeTheyOverflow() {
        var marks = ChainMarks(sessions: 3, stamp: Int(Int32.max) - 2)
        marks.clear()
        marks.insert(0)
        marks.clear()
        #expect(marks.stamp == Int(Int32.max))
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
