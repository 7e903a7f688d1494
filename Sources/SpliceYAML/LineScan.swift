/// The line breaks and multi-byte characters of one piece of an input, read in one pass:
/// what ``YAMLSource`` joins, piece after piece, into its line table and character map.
struct LineScan: Sendable {
    /// The offsets (in the whole input) at which lines start after a break in the piece.
    private(set) var lineStarts: [Int] = []
    /// For each multi-byte character of the piece: its character index and the extra bytes
    /// up to and including it, both as if the piece's extra bytes were the input's only ones
    /// (those of the pieces before it shift both).
    private(set) var wideCharacters: [(index: Int, extraBytes: Int)] = []
    /// The extra bytes of the piece's multi-byte characters.
    private(set) var extraBytes = 0
    /// How many LF, CRLF and lone CR breaks the piece holds.
    private(set) var breaks = (lf: 0, crlf: 0, cr: 0)

    /// Reads the bytes of `bytes` in `range`, which ends at the end of the input or just after
    /// a line feed (so that no break or character crosses its ends).
    init(_ bytes: [UInt8], range: Range<Int>) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return }
            let end = range.upperBound
            var offset = range.lowerBound
            while offset < end {
                // Most bytes are printable ASCII: skip them eight at a time, and then straight
                // to the first byte that is not.
                if offset + 8 <= end {
                    let special = Self.notPrintableASCII(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                    if special == 0 {
                        offset += 8
                        continue
                    }
                    offset += special.trailingZeroBitCount >> 3
                }
                let byte = buffer[offset]
                if byte >= 0x20 && byte < 0x80 {
                    offset += 1
                    continue
                }
                let breakWidth = YAMLSource.lineBreakWidth(in: buffer, at: offset)
                if breakWidth > 0 {
                    switch byte {
                    case 0x0A: breaks.lf += 1
                    case 0x0D: if breakWidth == 2 { breaks.crlf += 1 } else { breaks.cr += 1 }
                    default: break
                    }
                    lineStarts.append(offset + breakWidth)
                }
                // A character is a lead byte and the continuation bytes after it (at most three):
                // counted so even in invalid UTF-8 (which libyaml rejects) indexes only grow.
                var width = 1
                if byte >= 0xC0 {
                    while width < 4 && offset + width < end && buffer[offset + width] & 0xC0 == 0x80 { width += 1 }
                    if width > 1 {
                        extraBytes += width - 1
                        wideCharacters.append((offset - (extraBytes - (width - 1)), extraBytes))
                    }
                }
                offset += max(width, breakWidth)
            }
        }
    }

    /// Up to `count` ranges of similar size that cover `bytes`, each but the last ending just
    /// after a line feed; one range when `bytes` is shorter than two of `minimumSize`.
    static func pieces(of bytes: [UInt8], count: Int, minimumSize: Int) -> [Range<Int>] {
        let wanted = min(count, bytes.count / max(1, minimumSize))
        guard wanted > 1 else { return [0..<bytes.count] }
        var cuts = [0]
        for piece in 1..<wanted {
            guard let feed = bytes[max(cuts[cuts.count - 1], bytes.count * piece / wanted)...].firstIndex(of: 0x0A) else { break }
            if feed + 1 < bytes.count { cuts.append(feed + 1) }
        }
        cuts.append(bytes.count)
        return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    }

    /// The bytes of `word` (read little-endian: its first byte lowest) that are not printable
    /// ASCII (0x20 to 0x7F), each marked by its high bit: those with the high bit set, and
    /// those below 0x20 (subtracting 0x20 from such a byte borrows into its high bit). Zero
    /// when all eight are printable. The lowest marked byte is always the first such byte (a
    /// borrow only reaches the bytes above it, which may then be marked too).
    private static func notPrintableASCII(_ word: UInt64) -> UInt64 {
        (word | (word &- 0x2020_2020_2020_2020)) & 0x8080_8080_8080_8080
    }
}
