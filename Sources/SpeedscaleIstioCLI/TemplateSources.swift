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

/// Where the documents of a rendered Helm stream came from, so that the report names
/// `templates/deploy.yaml in chart shop` instead of a line of the combined stream: the
/// `# Source: shop/templates/deploy.yaml` comment Helm writes at the top of each document, or
/// the `postrenderer.helm.sh/postrender-filename` annotation Helm 4 adds to each object.
struct TemplateSources {
    /// The annotation Helm 4 tags each object with, to put the rendered files back together.
    static let helmFilenameAnnotation = "postrenderer.helm.sh/postrender-filename"

    /// For each input, the first line of each document that names its template, and the name.
    private var documents: [String: [(firstLine: Int, source: String)]] = [:]

    /// Reads the documents of every result's input.
    init(_ results: [InjectionResult]) {
        for result in results {
            let found = Self.sources(in: result.original)
            if !found.isEmpty { documents[result.file] = found }
        }
    }

    /// The template that the object starting on `line` of `file` was rendered from, as Helm
    /// names it (`shop/templates/deploy.yaml`).
    func source(file: String, line: Int) -> String? {
        guard let list = documents[file] else { return nil }
        // Just past the last document that starts on or before `line` (the list is in line order).
        let low = list.partitioningIndex { $0.firstLine > line }
        return low > 0 ? list[low - 1].source : nil
    }

    /// `templates/deploy.yaml in chart shop`, for the object starting on `line` of `file`.
    func template(file: String, line: Int) -> String? {
        source(file: file, line: line).map(Self.describe)
    }

    /// `shop/templates/deploy.yaml` as `templates/deploy.yaml in chart shop`, and a
    /// subchart's `shop/charts/worker/templates/deploy.yaml` as
    /// `templates/deploy.yaml in subchart worker of shop`.
    static func describe(_ source: String) -> String {
        let parts = source.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1, !parts[0].isEmpty else { return source }
        var charts = [parts[0]]
        var index = 1
        while index + 2 < parts.count && parts[index] == "charts" {
            charts.append(parts[index + 1])
            index += 2
        }
        let template = parts[index...].joined(separator: "/")
        guard let chart = charts.last, charts.count > 1 else { return "\(template) in chart \(parts[0])" }
        return "\(template) in subchart \(chart) of \(charts.dropLast().joined(separator: "/"))"
    }

    /// Each document's first line and its template, for the documents that name one. A
    /// document starts at the top or after a `---` line; its template is the first
    /// `# Source:` comment or Helm 4 filename annotation in it. Reads bytes: only a line whose
    /// bytes start as one of those does (after its indentation) becomes a string.
    private static func sources(in bytes: [UInt8]) -> [(firstLine: Int, source: String)] {
        bytes.withUnsafeBufferPointer { bytes in
            var found: [(firstLine: Int, source: String)] = []
            var documentStart = 1
            var named = false
            var lineNumber = 0
            var start = 0
            let count = bytes.count
            while start <= count {
                lineNumber += 1
                var end = count
                if start < count, let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, count - start) {
                    end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                }
                let next = end + 1
                if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                let length = end - start
                if length >= 3 && bytes[start] == 0x2D && bytes[start + 1] == 0x2D && bytes[start + 2] == 0x2D
                    && (length == 3 || bytes[start + 3] == 0x20) {
                    documentStart = lineNumber
                    named = false
                } else if !named {
                    var first = start
                    while first < end && bytes[first] == 0x20 { first += 1 }
                    if Self.has(Self.sourceCommentPrefix, in: bytes, at: start, end: end)
                        || Self.has(Self.annotationPrefix, in: bytes, at: first, end: end)
                        || Self.has(Self.quotedAnnotationPrefix, in: bytes, at: first, end: end),
                       let source = Self.source(inLine: Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))) {
                        found.append((documentStart, source))
                        named = true
                    }
                }
                start = next
            }
            return found
        }
    }

    /// Whether the bytes from `offset` (up to `end`) start with `prefix`.
    private static func has(_ prefix: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> Bool {
        guard end - offset >= prefix.count else { return false }
        for index in prefix.indices where bytes[offset + index] != prefix[index] { return false }
        return true
    }

    private static let sourceCommentPrefix = Array("# Source: ".utf8)
    private static let annotationPrefix = Array((helmFilenameAnnotation + ":").utf8)
    private static let quotedAnnotationPrefix = Array("\"\(helmFilenameAnnotation)\":".utf8)

    /// The template a line names: `# Source: PATH`, or `postrenderer.helm.sh/postrender-filename: PATH`.
    private static func source(inLine line: Substring) -> String? {
        if line.hasPrefix("# Source: ") {
            let value = line.dropFirst("# Source: ".count).trimming(" \t")
            return value.isEmpty ? nil : value
        }
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix(helmFilenameAnnotation + ":") || trimmed.hasPrefix("\"\(helmFilenameAnnotation)\":") else { return nil }
        let value = trimmed.drop { $0 != ":" }.dropFirst().trimming(" \t")
        let unquoted = value.trimming("\"',")
        return unquoted.isEmpty ? nil : unquoted
    }
}

extension RunReport {
    /// Where an object is: the template it was rendered from when its document names one,
    /// else `FILE`, or `FILE:LINE` for a failure, which must be found and fixed.
    func place(of outcome: WorkloadOutcome, in sources: TemplateSources) -> String {
        sources.template(file: outcome.file, line: outcome.line) ?? place(of: outcome)
    }

    /// A note about a whole input, with a leading `FILE:LINE:` replaced by the template
    /// rendered there, when its document names one.
    func note(_ note: String, of result: InjectionResult, in sources: TemplateSources) -> String {
        let prefix = result.file + ":"
        guard note.hasPrefix(prefix) else { return note }
        let rest = note.dropFirst(prefix.count)
        guard let colon = rest.firstIndex(of: ":"), let line = Int(rest[..<colon]),
              let template = sources.template(file: result.file, line: line) else { return note }
        return template + rest[colon...]
    }
}
