import Foundation
import SpeedscaleIstio
import SpliceYAML

/// Unified diffs of the inputs that change, as `patch -p1` and `git apply` read them.
struct DiffWriter {
    /// Whether to colour the lines with ANSI escapes (for a terminal, not for `patch`).
    let colored: Bool
    /// The directory that relative names in the headers are relative to.
    let currentDirectory: String

    /// The diffs of every changed result, one after the other.
    func bytes(for results: [InjectionResult]) -> [UInt8] {
        results.filter(\.changed).flatMap { result -> [UInt8] in
            let path = Self.headerPath(result.file, currentDirectory: currentDirectory)
            let diff = UnifiedDiff(old: result.original, new: result.output, oldName: "a/\(path)", newName: "b/\(path)")
            return colored ? diff.lines.flatMap(Self.colored) : diff.bytes
        }
    }

    /// The path in `--- a/PATH`: relative as given (without a leading `./`); an absolute path
    /// inside the current directory is made relative to it, any other loses its leading `/`.
    static func headerPath(_ file: String, currentDirectory: String) -> String {
        var path = file
        let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        if path.hasPrefix(base) { path.removeFirst(base.count) }
        while path.hasPrefix("./") { path.removeFirst(2) }
        while path.hasPrefix("/") { path.removeFirst() }
        return path
    }

    /// A diff line with the colour `git diff` gives it, reset before the line break.
    private static func colored(_ line: UnifiedDiff.Line) -> [UInt8] {
        let code: String
        switch line.kind {
        case .oldHeader, .newHeader: code = "1"
        case .hunkHeader: code = "36"
        case .deletion: code = "31"
        case .insertion: code = "32"
        case .context, .noNewlineMarker: return line.bytes
        }
        var content = line.bytes[...]
        var ending: [UInt8] = []
        if content.last == 0x0A { ending.insert(content.removeLast(), at: 0) }
        if content.last == 0x0D { ending.insert(content.removeLast(), at: 0) }
        return Array("\u{1B}[\(code)m".utf8) + content + Array("\u{1B}[m".utf8) + ending
    }
}
