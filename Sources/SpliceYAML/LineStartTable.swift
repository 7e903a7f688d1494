/// The byte offsets at which an input's lines start, in order, and a coarse index over
/// them, so that finding the line of a byte looks at a few neighbouring entries instead of
/// binary-searching the whole table.
///
/// Offsets are kept in 32 bits each when the input is under 4 GiB (a stream holds about one
/// line per 10 bytes, so this halves the largest table an input has besides its bytes).
struct LineStartTable: Sendable {
    /// How many bytes one entry of the coarse index covers, as a power of two.
    private static let blockShift = 8
    /// The offsets, when every one fits in 32 bits.
    private var narrow: [UInt32] = []
    /// The offsets, for an input of 4 GiB or more.
    private var wide: [Int] = []
    /// Whether the offsets are kept in ``wide``.
    private let isWide: Bool
    /// For each block of 2^``blockShift`` bytes, the index of the line that holds its first byte.
    private var blockLines: [UInt32] = []

    /// Makes a table holding the first line's start, 0, for an input of `byteCount` bytes.
    init(byteCount: Int) {
        isWide = byteCount > Int(UInt32.max)
        append(0)
    }

    /// Adds the start of the next line.
    mutating func append(_ offset: Int) {
        if isWide { wide.append(offset) } else { narrow.append(UInt32(truncatingIfNeeded: offset)) }
    }

    /// Adds the starts of the next lines, in order.
    mutating func append(contentsOf offsets: [Int]) {
        if isWide {
            wide += offsets
        } else {
            narrow.reserveCapacity(narrow.count + offsets.count)
            for offset in offsets { narrow.append(UInt32(truncatingIfNeeded: offset)) }
        }
    }

    /// Builds the coarse index once every line is in, for an input of `byteCount` bytes.
    mutating func finish(byteCount: Int) {
        let blocks = (byteCount >> Self.blockShift) + 1
        var index: [UInt32] = []
        index.reserveCapacity(blocks)
        var line = 0
        for block in 0..<blocks {
            let offset = block << Self.blockShift
            while line + 1 < count && self[line + 1] <= offset { line += 1 }
            index.append(UInt32(truncatingIfNeeded: min(line, Int(UInt32.max))))
        }
        blockLines = index
    }

    /// How many lines the input has.
    var count: Int { isWide ? wide.count : narrow.count }

    /// The start of line `index` (0-based).
    subscript(index: Int) -> Int {
        isWide ? wide[index] : Int(narrow[index])
    }

    /// The start of the last line.
    var last: Int { self[count - 1] }

    /// The 0-based index of the line that holds `offset` (the first line for an offset
    /// before the input, the last for one past it).
    func line(holding offset: Int) -> Int {
        guard offset > 0 else { return 0 }
        var low = 0
        var high = count
        let block = offset >> Self.blockShift
        if !isWide, block < blockLines.count, Int(blockLines[block]) < count {
            // The line is the one holding the block's first byte or a later one that starts
            // before the next block's first byte.
            low = Int(blockLines[block])
            if block + 1 < blockLines.count { high = min(count, Int(blockLines[block + 1]) + 1) }
            low += 1
        }
        let past = (low..<high).partitioningIndex { self[$0] > offset }
        return max(0, past - 1)
    }
}
