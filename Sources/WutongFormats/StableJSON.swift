import Foundation

/// How every JSON Wutong writes is encoded: pretty-printed, keys sorted (stable for diffs and
/// scripts), slashes left as they are, and a final newline.
public enum StableJSON {
    /// `value` encoded; `fallback` in the unlikely case that it cannot be.
    public static func bytes(_ value: some Encodable, fallback: String = "{}") -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8]((try? encoder.encode(value)) ?? Data(fallback.utf8)) + [0x0A]
    }

    /// The same, as text.
    public static func text(_ value: some Encodable, fallback: String = "{}") -> String {
        String(decoding: bytes(value, fallback: fallback), as: UTF8.self)
    }
}
