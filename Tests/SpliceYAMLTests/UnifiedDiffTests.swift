import Foundation
import SpliceYAML
import Testing

/// Unified diffs as `diff -u` writes them: headers, hunk ranges, context, missing final newlines, CRLF.
@Suite struct UnifiedDiffTests {
    private func diff(_ old: String, _ new: String, context: Int = 3) -> String {
        String(decoding: UnifiedDiff(old: Array(old.utf8), new: Array(new.utf8), oldName: "a/f", newName: "b/f", context: context).bytes, as: UTF8.self)
    }

    private func numbered(_ range: ClosedRange<Int>) -> String {
        range.map { "\($0)\n" }.joined()
    }

    @Test func oneChangeHasThreeLinesOfContextEachSide() {
        let new = numbered(1...4) + "five\n" + numbered(6...10)
        #expect(diff(numbered(1...10), new) == "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")
    }

    @Test func changesCloseTogetherShareAHunkAndFarApartDoNot() {
        let close = numbered(1...4) + "five\n" + numbered(6...11) + "twelve\n" + numbered(13...20)
        #expect(diff(numbered(1...20), close).contains("\n@@ -2,14 +2,14 @@\n 2\n"), "six lines between changes merge, as diff -u does")
        let far = numbered(1...4) + "five\n" + numbered(6...12) + "thirteen\n" + numbered(14...20)
        let text = diff(numbered(1...20), far)
        #expect(text.contains("@@ -2,7 +2,7 @@\n") && text.contains("\n 8\n@@ -10,7 +10,7 @@\n 10\n"), "\(text)")
    }

    @Test func addingAndRemovingAtTheEdges() {
        #expect(diff("", "a\n") == "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n")
        #expect(diff("a\nb\n", "") == "--- a/f\n+++ b/f\n@@ -1,2 +0,0 @@\n-a\n-b\n")
        #expect(diff("a\nb\n", "x\na\nb\n") == "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n+x\n a\n b\n")
        #expect(diff(numbered(1...5), numbered(1...5) + "6\n", context: 0) == "--- a/f\n+++ b/f\n@@ -5,0 +6 @@\n+6\n")
    }

    @Test func equalInputsGiveNothing() {
        #expect(UnifiedDiff(old: Array("a\n".utf8), new: Array("a\n".utf8), oldName: "a", newName: "b").isEmpty)
        #expect(diff("", "") == "")
    }

    @Test func aLastLineWithoutLineBreakIsMarked() {
        #expect(diff("a\nb", "a\nc") == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
        #expect(diff("a\nb", "a\nb\n") == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
        #expect(diff("a\nb\n", "a\nb") == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n")
        #expect(diff("x\nend", "y\nend") == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n-x\n+y\n end\n\\ No newline at end of file\n")
    }

    @Test func crlfLinesAreKeptByteForByte() {
        let old: [UInt8] = Array("a\r\nb\r\nc\r\n".utf8)
        let new: [UInt8] = Array("a\r\nB\r\nc\r\n".utf8)
        let bytes = UnifiedDiff(old: old, new: new, oldName: "a/f", newName: "b/f").bytes
        #expect(bytes == Array("--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\r\n".utf8))
        let lfOnly = UnifiedDiff(old: Array("a\r\n".utf8), new: Array("a\n".utf8), oldName: "a/f", newName: "b/f").bytes
        #expect(lfOnly == Array("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\r\n+a\n".utf8), "a changed line ending is a changed line")
    }

    @Test func lineKindsFollowThePrefixes() {
        let kinds = UnifiedDiff(old: Array("a\nb".utf8), new: Array("a\nc".utf8), oldName: "x", newName: "y").lines.map(\.kind)
        #expect(kinds == [.oldHeader, .newHeader, .hunkHeader, .context, .deletion, .noNewlineMarker, .insertion, .noNewlineMarker])
    }

    @Test func randomFilesRoundTripThroughTheHunkHeaders() throws {
        var random = LineDiffTests.SeededGenerator(state: 3)
        for _ in 0..<500 {
            let words = ["a\n", "b\n", "c\r\n", "d\n"]
            let old = (0..<Int.random(in: 0...25, using: &random)).map { _ in words.randomElement(using: &random) ?? "" }.joined()
                + (Bool.random(using: &random) ? "tail" : "")
            var new = old.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                Int.random(in: 0..<6, using: &random) == 0 ? "z" : String(line)
            }.joined(separator: "\n")
            if Bool.random(using: &random) { new += "\n" }
            let context = Int.random(in: 0...3, using: &random)
            let patch = UnifiedDiff(old: Array(old.utf8), new: Array(new.utf8), oldName: "a", newName: "b", context: context)
            #expect(try PatchApplier.apply(patch.bytes, to: Array(old.utf8)) == Array(new.utf8), "\(old.debugDescription) -> \(new.debugDescription)")
        }
    }
}

/// A strict applier of one-file unified diffs, used to check the hunk ranges: every context and
/// deleted line must be at the line its header says.
enum PatchApplier {
    struct Mismatch: Error {}

    static func apply(_ patch: [UInt8], to old: [UInt8]) throws -> [UInt8] {
        let oldLines = lines(old)
        var output: [UInt8] = []
        var next = 0
        var previous: UInt8?
        for line in lines(patch) {
            if line.starts(with: Array("---".utf8)) || line.starts(with: Array("+++".utf8)) { continue }
            if line.starts(with: Array("@@ -".utf8)) {
                let header = String(decoding: line, as: UTF8.self)
                let numbers = header.dropFirst(4).prefix { $0 != " " }.split(separator: ",").compactMap { Int($0) }
                guard let start = numbers.first else { throw Mismatch() }
                let first = numbers.count > 1 && numbers[1] == 0 ? start : start - 1
                guard first >= next, first <= oldLines.count else { throw Mismatch() }
                output += oldLines[next..<first].joined()
                next = first
                previous = nil
                continue
            }
            if line == Array("\\ No newline at end of file\n".utf8) {
                guard let previous, output.last == 0x0A || previous == 0x2D else { throw Mismatch() }
                if previous != 0x2D { output.removeLast() }
                continue
            }
            let body = Array(line.dropFirst())
            switch line.first {
            case 0x20?, 0x2D?:
                guard next < oldLines.count else { throw Mismatch() }
                let expected = oldLines[next].last == 0x0A ? oldLines[next] : oldLines[next] + [0x0A]
                guard body == expected else { throw Mismatch() }
                if line.first == 0x20 { output += body }
                next += 1
            case 0x2B?:
                output += body
            default:
                throw Mismatch()
            }
            previous = line.first
        }
        output += oldLines[next...].joined()
        return output
    }

    private static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in bytes {
            current.append(byte)
            if byte == 0x0A {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
