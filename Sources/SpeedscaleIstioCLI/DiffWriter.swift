#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
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

    /// The name standard input has in the headers (`--- a/<stdin>`): no file has it, so the
    /// diff is for review, or for `patch FILE`, which takes the file to patch from the user.
    static let standardInputName = "<stdin>"

    /// The path in `--- a/PATH`, such that `patch -p1` and `git apply` run from the current
    /// directory find the file: a file under the current directory is named relative to it
    /// (however it was given: `./x`, `sub/../x`, an absolute path, a path through `..` that
    /// comes back in); any other file by its absolute path without the leading `/`, which the
    /// same commands accept when run from `/`. Standard input is ``standardInputName``.
    static func headerPath(_ file: String, currentDirectory: String) -> String {
        if file == "-" { return standardInputName }
        let components = file.split(separator: "/", omittingEmptySubsequences: true)
        if !file.hasPrefix("/") && !components.contains("..") {
            return components.filter { $0 != "." }.joined(separator: "/")
        }
        let absolute = normalized(file.hasPrefix("/") ? file : currentDirectory + "/" + file)
        if let inside = relative(absolute, to: normalized(currentDirectory)) { return inside }
        let physical = physicalPath(absolute)
        if let inside = relative(physical, to: physicalPath(currentDirectory)) { return inside }
        return String(absolute.dropFirst())
    }

    /// `path` (absolute) without `.`, `..` and repeated slashes, read lexically.
    private static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to `directory`, when it is below it.
    private static func relative(_ path: String, to directory: String) -> String? {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(base) && path.count > base.count ? String(path.dropFirst(base.count)) : nil
    }

    /// `path` with its directory's symbolic links resolved, or as it is when that fails.
    private static func physicalPath(_ path: String) -> String {
        let directory = PathText.deletingLastComponent(path)
        guard let resolved = realpath(directory, nil) else { return path }
        defer { free(resolved) }
        let name = PathText.lastComponent(path)
        let parent = String(cString: resolved)
        return parent == "/" ? "/" + name : parent + "/" + name
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
