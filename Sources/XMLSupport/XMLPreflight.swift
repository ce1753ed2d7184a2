import Foundation

/// Problems found before libxml2 sees a byte: missing or oversized files, directories, empty
/// files, bytes that are not UTF-8 and encodings other than UTF-8. Reported in plain words.
enum XMLPreflight {
    static func check(_ bytes: [UInt8], fileName: String, maximumBytes: Int) -> XMLDiagnostic? {
        if bytes.count > maximumBytes {
            return XMLDiagnostic(
                file: fileName, line: 1, column: 1,
                message: "the file is \(megabytes(bytes.count)), more than the limit of \(megabytes(maximumBytes)); "
                    + "split the season or raise the limit")
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return XMLDiagnostic(
                file: fileName, line: 1, column: 1,
                message: "the file is empty; an XML file starts with its root element, e.g. <season …>")
        }
        if let bad = firstInvalidUTF8Offset(bytes) {
            var map = XMLSourceMap(bytes: Array(bytes[..<bad]))
            let position = map.position(ofOffset: bad)
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            return XMLDiagnostic(
                file: fileName, line: position.line, column: position.column,
                message: "byte 0x\(hex) is not valid UTF-8; save the file as UTF-8 (the only encoding Wutong reads)")
        }
        if let declared = declaredEncoding(bytes), declared.lowercased() != "utf-8", declared.lowercased() != "utf8" {
            return XMLDiagnostic(
                file: fileName, line: 1, column: 1,
                message: "the file declares encoding \"\(declared)\"; Wutong reads UTF-8 only: "
                    + "save it as UTF-8 and declare encoding=\"UTF-8\"")
        }
        return nil
    }

    static func megabytes(_ count: Int) -> String {
        String(format: "%.1f MB", Double(count) / 1_048_576)
    }

    /// - Complexity: O(n), one pass.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
            default: return index
            }
            guard index + length <= count else { return index }
            for next in 1..<length {
                let byte = bytes[index + next]
                guard byte & 0xC0 == 0x80 else { return index + next }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }

    /// The `encoding` of the XML declaration, if there is one.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return nil }
        guard let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}

/// Loads a file into memory after checking what it is and how big it is, so a huge file is
/// refused before any memory is spent on it.
enum XMLFileLoader {
    struct Problem: Error {
        var message: String
    }

    static func load(path: String, maximumBytes: Int) -> Result<[UInt8], Problem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Problem(message: "no such file; check the path"))
        }
        if isDirectory.boolValue {
            return .failure(Problem(message: "this is a directory, not a file; name the XML file inside it"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(Problem(message: "the file cannot be opened (check its permissions)"))
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maximumBytes {
            return .failure(
                Problem(
                    message: "the file is \(XMLPreflight.megabytes(size)), more than the limit of "
                        + "\(XMLPreflight.megabytes(maximumBytes)); split the season or raise the limit"))
        }
        do {
            // Read one byte past the limit so a file that grew after the size check is still caught.
            let data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
            return .success([UInt8](data))
        } catch {
            return .failure(Problem(message: "the file cannot be read: \(error.localizedDescription)"))
        }
    }
}
