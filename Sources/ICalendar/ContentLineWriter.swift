/// Writes content lines as RFC 5545 asks: CRLF line ends and lines folded at 75 octets, never
/// inside a UTF-8 sequence (a Chinese character is three octets and stays whole).
public enum ContentLineWriter {
    public static let foldWidth = 75

    public static func line(_ contentLine: ContentLine) -> String {
        var text = contentLine.name
        for parameter in contentLine.parameters {
            text += ";" + parameter.name + "=" + parameter.values.map(quotedIfNeeded).joined(separator: ",")
        }
        return fold(text + ":" + contentLine.value)
    }

    /// Folds one logical line: each physical line at most 75 octets, continuations begin with
    /// one space (which counts towards the 75).
    public static func fold(_ line: String) -> String {
        let utf8 = line.utf8
        guard utf8.count > foldWidth else { return line + "\r\n" }
        // Byte by byte: building the result scalar by scalar was most of the time of writing a
        // season's feeds. A lead byte gives its scalar's length, so a fold never splits one.
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + utf8.count / (foldWidth - 1) * 3 + 2)
        var width = 0
        var pending = 0
        for byte in utf8 {
            if pending == 0 {
                let octets = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                if width + octets > foldWidth {
                    result.append(contentsOf: [0x0D, 0x0A, 0x20])
                    width = 1
                }
                width += octets
                pending = octets
            }
            result.append(byte)
            pending -= 1
        }
        result.append(contentsOf: [0x0D, 0x0A])
        return String(decoding: result, as: UTF8.self)
    }

    static func quotedIfNeeded(_ value: String) -> String {
        value.contains(where: { $0 == ";" || $0 == ":" || $0 == "," }) ? "\"" + value + "\"" : value
    }
}

/// TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newline are escaped.
public enum TextValue {
    public static func escape(_ text: String) -> String {
        // Most values have nothing to escape; walking them character by character was slow.
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n": result += "\\n"
            case "\r": break
            default: result.append(character)
            }
        }
        return result
    }

    /// Unescapes a TEXT value; nil when it holds a backslash that escapes nothing valid.
    public static func unescape(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "\\": result.append("\\")
                case ";": result.append(";")
                case ",": result.append(",")
                case "n", "N": result.append("\n")
                default: return nil
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return escaping ? nil : result
    }

    /// Splits a multi-valued TEXT (CATEGORIES, RESOURCES) at unescaped commas.
    public static func splitList(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping {
                current.append("\\")
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "," {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
