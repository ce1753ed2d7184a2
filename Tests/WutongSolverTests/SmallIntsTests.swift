import Testing

@testable import WutongSolver

/// Numbers stored in 16 or 32 bits read back as they were written, including -1 (none); a
/// number a width cannot hold is refused when the table is built, never cut short.
@Suite struct SmallIntsTests {
    @Test func valuesReadBackAsWritten() throws {
        var wide = SmallInts<Int32>(repeating: -1, count: 5)
        #expect(Array(wide) == [-1, -1, -1, -1, -1])
        wide[0] = 0
        wide[3] = Int(Int32.max)
        wide[4] = -2_000_000_000
        #expect(Array(wide) == [0, -1, -1, Int(Int32.max), -2_000_000_000])
        #expect(Array(wide[1..<3]) == [-1, -1])
        #expect(Array(try SmallInts<Int32>([7, 0, 42, 1_000_000])) == [7, 0, 42, 1_000_000])
        var narrow = try SmallInts<Int16>([7, -1, 32_766])
        narrow[0] = -32_000
        #expect(Array(narrow) == [-32_000, -1, 32_766])
    }

    /// The largest number of a width is kept free, so a count compared after adding one fits.
    @Test func aNumberAWidthCannotHoldIsRefused() throws {
        #expect(throws: TableOverflow(value: 32_767)) { try SmallInts<Int16>([1, 32_767]) }
        #expect(throws: TableOverflow(value: 40_000)) { try SmallInts<Int16>([40_000]) }
        #expect(throws: TableOverflow(value: -32_768)) { try SmallInts<Int16>([-32_768]) }
        #expect(throws: TableOverflow(value: Int(Int32.max))) { try SmallInts<Int32>([Int(Int32.max)]) }
        #expect(throws: TableOverflow(value: 32_767)) { try SmallRange<Int16>(32_000..<32_767) }
        let range = try SmallRange<Int16>(100..<32_766)
        #expect(range.range == 100..<32_766)
    }
}
