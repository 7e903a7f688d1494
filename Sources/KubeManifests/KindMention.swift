/// Tells, without parsing, whether manifest bytes may hold an object of some kinds.
///
/// An object's `kind` is a scalar, and a scalar spells its value out in the bytes letter for
/// letter (plain, quoted, flow, JSON, a block scalar on one line, an anchor an alias points
/// back to) unless a double-quoted scalar writes it with escapes. Bytes in which no kind's
/// name appears and no backslash does hold no such object. A NUL byte (text that is not
/// UTF-8) answers yes, as does any doubt.
public struct KindMention: Sendable {
    /// The kinds' names, as UTF-8.
    private let names: [[UInt8]]
    /// For each byte value, whether a mention can start with it (the names' first bytes, a
    /// backslash and NUL): most bytes are none of them and are passed over after one lookup.
    private let starts: [Bool]

    /// Looks for `kinds` (`Service`, `Namespace`...).
    public init(_ kinds: [String]) {
        names = kinds.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var starts = [Bool](repeating: false, count: 256)
        for byte in names.map({ $0[0] }) + [0x5C, 0] { starts[Int(byte)] = true }
        self.starts = starts
    }

    /// Whether `bytes` may hold an object of one of the kinds.
    public func mayHold(_ bytes: ArraySlice<UInt8>) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            bytes.withUnsafeBufferPointer { buffer in
                let count = buffer.count
                var offset = 0
                while offset < count {
                    let byte = buffer[offset]
                    offset += 1
                    guard starts[Int(byte)] else { continue }
                    if byte == 0x5C || byte == 0 { return true }
                    let start = offset - 1
                    for name in names where name[0] == byte && start + name.count <= count {
                        var matched = 1
                        while matched < name.count && buffer[start + matched] == name[matched] { matched += 1 }
                        if matched == name.count { return true }
                    }
                }
                return false
            }
        }
    }
}
