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
        var result = ""
        var width = 0
        for character in line.unicodeScalars {
            let octets = String(character).utf8.count
            if width + octets > foldWidth {
                result += "\r\n "
                width = 1
            }
            result.unicodeScalars.append(character)
            width += octets
        }
        return result + "\r\n"
    }

    static func quotedIfNeeded(_ value: String) -> String {
        value.contains(where: { $0 == ";" || $0 == ":" || $0 == "," }) ? "\"" + value + "\"" : value
    }
}

/// TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newline are escaped.
public enum TextValue {
    public static func escape(_ text: String) -> String {
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
