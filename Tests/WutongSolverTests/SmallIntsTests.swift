import Testing

@testable import WutongSolver

/// Numbers stored in 32 bits read back as they were written, including -1 (none).
@Suite struct SmallIntsTests {
    @Test func valuesReadBackAsWritten() {
        var numbers = SmallInts(repeating: -1, count: 5)
        #expect(Array(numbers) == [-1, -1, -1, -1, -1])
        numbers[0] = 0
        numbers[3] = Int(Int32.max)
        numbers[4] = -2_000_000_000
        #expect(Array(numbers) == [0, -1, -1, Int(Int32.max), -2_000_000_000])
        #expect(Array(numbers[1..<3]) == [-1, -1])
        #expect(Array(SmallInts([7, 0, 42])) == [7, 0, 42])
    }
}
