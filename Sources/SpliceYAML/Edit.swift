/// One splice on the source bytes: replace `range` with `replacement`. An empty range inserts.
public struct Edit: Sendable, Equatable {
    /// The byte range replaced.
    public var range: Range<Int>
    /// The bytes put in its place.
    public var replacement: [UInt8]
    /// For insertions of whole lines, the column they are indented to. Where several
    /// insertions meet at one offset (nested collections that end together), the deeper
    /// lines go first, so each lands inside the collection it belongs to.
    public var depth: Int

    /// Makes an edit from bytes.
    public init(range: Range<Int>, replacement: [UInt8], depth: Int = 0) {
        self.range = range
        self.replacement = replacement
        self.depth = depth
    }

    /// Makes an edit from text.
    public init(range: Range<Int>, text: String, depth: Int = 0) {
        self.init(range: range, replacement: Array(text.utf8), depth: depth)
    }

    /// An insertion of `text` at `offset`.
    public static func insert(_ text: String, at offset: Int, depth: Int = 0) -> Edit {
        Edit(range: offset..<offset, text: text, depth: depth)
    }

    /// An insertion of the bytes `replacement` at `offset`.
    public static func insert(_ replacement: [UInt8], at offset: Int, depth: Int = 0) -> Edit {
        Edit(range: offset..<offset, replacement: replacement, depth: depth)
    }
}

/// Edits that cannot be applied: two overlap, one leaves the source, or one would change how
/// the text around it is read (by joining a carriage return and a line feed into one line
/// break, or by cutting a line break or a character in two).
public struct EditConflict: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var description: String
}

extension YAMLSource {
    /// The source, or its bytes in `window`, with `edits` spliced in. Edits must not overlap;
    /// insertions at the same offset go deepest first, then in the order given.
    ///
    /// The untouched text must read as before: an edit may not start or end inside a CRLF
    /// or a multi-byte character, and may not leave a carriage return just before a line
    /// feed where they were not together (libyaml would read one line break where there were
    /// two). Such edits are refused rather than applied.
    /// - Throws: ``EditConflict`` when two edits overlap, one falls outside the source (or
    ///   the window), or one would change the line breaks or characters around it.
    public func applying(_ edits: [Edit], within window: Range<Int>? = nil) throws(EditConflict) -> [UInt8] {
        try splicing(edits, within: window).bytes
    }

    /// ``applying(_:within:)``'s bytes, with where each edit's replacement landed in them
    /// (offsets into the returned bytes, in order; empty for a removal).
    public func splicing(_ edits: [Edit], within window: Range<Int>? = nil) throws(EditConflict) -> (bytes: [UInt8], spans: [Range<Int>]) {
        let window = window ?? 0..<bytes.count
        guard !edits.isEmpty else { return (window == 0..<bytes.count ? bytes : Array(bytes[window]), []) }
        let ordered = edits.enumerated().sorted {
            ($0.element.range.lowerBound, -$0.element.depth, $0.offset) < ($1.element.range.lowerBound, -$1.element.depth, $1.offset)
        }.map(\.element)
        var output: [UInt8] = []
        output.reserveCapacity(window.count + ordered.reduce(0) { $0 + $1.replacement.count })
        var junctions: [(output: Int, edit: Range<Int>)] = []
        var spans: [Range<Int>] = []
        spans.reserveCapacity(ordered.count)
        var cursor = window.lowerBound
        for edit in ordered {
            guard edit.range.lowerBound >= cursor, edit.range.upperBound <= window.upperBound else {
                throw EditConflict(description: "edit at bytes \(edit.range) overlaps another edit or leaves the source")
            }
            guard !cutsCharacterOrLineBreak(at: edit.range.lowerBound), !cutsCharacterOrLineBreak(at: edit.range.upperBound) else {
                throw EditConflict(description: "edit at bytes \(edit.range) would cut a line break or a character in two")
            }
            output.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            let start = output.count
            junctions.append((start, edit.range))
            output.append(contentsOf: edit.replacement)
            junctions.append((output.count, edit.range))
            spans.append(start..<output.count)
            cursor = edit.range.upperBound
        }
        output.append(contentsOf: bytes[cursor..<window.upperBound])
        for junction in junctions where junction.output > 0 && junction.output < output.count {
            if output[junction.output - 1] == 0x0D && output[junction.output] == 0x0A {
                throw EditConflict(description: "edit at bytes \(junction.edit) would join a carriage return and a line feed into one line break")
            }
        }
        return (output, spans)
    }

    /// Whether `offset` falls between the CR and LF of a CRLF, or inside a multi-byte character.
    private func cutsCharacterOrLineBreak(at offset: Int) -> Bool {
        guard offset > 0 && offset < bytes.count else { return false }
        if bytes[offset - 1] == 0x0D && bytes[offset] == 0x0A { return true }
        return bytes[offset] & 0xC0 == 0x80 && bytes[offset - 1] >= 0x80
    }
}

/// Maps offsets in a spliced text back to the source the edits were applied to.
public struct EditMap: Sendable {
    /// The edits in the order they are applied.
    private let edits: [Edit]

    /// A map for `edits` (as given to ``YAMLSource/applying(_:)``).
    public init(_ edits: [Edit]) {
        self.edits = edits.enumerated().sorted {
            ($0.element.range.lowerBound, -$0.element.depth, $0.offset) < ($1.element.range.lowerBound, -$1.element.depth, $1.offset)
        }.map(\.element)
    }

    /// The source offset of `offset` in the edited text: inside a replacement, where the edit
    /// starts; elsewhere the same byte of the source.
    public func inputOffset(ofOutputOffset offset: Int) -> Int {
        var shift = 0
        for edit in edits {
            let start = edit.range.lowerBound + shift
            if offset < start { break }
            if offset < start + edit.replacement.count { return edit.range.lowerBound }
            shift += edit.replacement.count - edit.range.count
        }
        return max(0, offset - shift)
    }
}

extension YAMLSource {
    /// The byte offset of a 1-based line and column (columns count characters), clamped to the input.
    public func byteOffset(of location: SourceLocation) -> Int {
        let line = min(max(location.line - 1, 0), lineStarts.count - 1)
        var offset = lineStarts[line]
        var column = 1
        while offset < bytes.count && column < location.column && bytes[offset] != 0x0A {
            offset += 1
            while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset
    }
}
