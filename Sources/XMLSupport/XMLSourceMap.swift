/// Turns byte offsets in a UTF-8 source into line/column positions, and finds where a tag or
/// one of its attributes starts. libxml2 only tells us where the parser *is*; the start of the
/// construct is what a planner needs to see.
struct XMLSourceMap {
    let bytes: [UInt8]
    /// Offset of the first byte of every line.
    private let lineStarts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The last position resolved: reads go forward through a file, so counting on from here
    /// keeps a whole parse linear even when the file is one very long line.
    private var cursor = (offset: 0, line: 1, column: 1)

    /// - Complexity: amortised O(distance from the previous call) for increasing offsets on one
    ///   line; otherwise O(log lines + length of the line up to `offset`).
    mutating func position(ofOffset rawOffset: Int) -> XMLPosition {
        let offset = max(0, min(rawOffset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        if cursor.line == low + 1, cursor.offset <= offset, cursor.offset >= index {
            column = cursor.column
            index = cursor.offset
        }
        while index < offset {
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cursor = (offset, low + 1, column)
        // A UTF-8 BOM at the very start is invisible in editors.
        if low == 0, offset >= 3, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { column -= 1 }
        return XMLPosition(line: low + 1, column: column)
    }

    /// The offset of the `<` that opens the construct the parser has just read up to `offset`.
    /// Attribute values cannot hold a raw `<`, so the nearest one before is the tag's start.
    func tagStart(before offset: Int) -> Int? {
        var index = min(offset, bytes.count) - 1
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "<") { return index }
            index -= 1
        }
        return nil
    }

    /// Offsets of the attribute names inside the start tag at `tagStart`, in document order.
    func attributeNameOffsets(inTagAt tagStart: Int) -> [(name: ArraySlice<UInt8>, offset: Int)] {
        var result: [(ArraySlice<UInt8>, Int)] = []
        var index = tagStart + 1
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        // Skip the element name.
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
            bytes[index] != UInt8(ascii: "/")
        {
            index += 1
        }
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/")
            else { break }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "=") { index += 1 }
            let name = bytes[nameStart..<index]
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") {
                index += 1
            }
            guard index < bytes.count else { break }
            let quote = bytes[index]
            index += 1
            while index < bytes.count, bytes[index] != quote { index += 1 }
            index += 1
            result.append((name, nameStart))
        }
        return result
    }
}
