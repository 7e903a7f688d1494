import Foundation
import SpliceYAML
import Testing

/// Golden files: compares output with a committed file and, on a mismatch, shows the unified
/// diff. `UPDATE_GOLDENS=1 swift test` rewrites the files instead.
public enum Golden {
    /// Whether this run rewrites golden files.
    public static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1"
    }

    /// Expects `actual` to equal the bytes of `file` (or writes them there when updating).
    public static func expect(_ actual: [UInt8], matches file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if isUpdating {
            do {
                try Data(actual).write(to: file)
            } catch {
                Issue.record("could not update \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? [UInt8](Data(contentsOf: file)) else {
            Issue.record("\(file.path) is missing (run UPDATE_GOLDENS=1 swift test to create it)", sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let diff = UnifiedDiff(old: expected, new: actual, oldName: file.lastPathComponent, newName: "actual")
        Issue.record(
            "output differs from \(file.lastPathComponent) (UPDATE_GOLDENS=1 swift test rewrites it):\n\(String(decoding: diff.bytes, as: UTF8.self))",
            sourceLocation: sourceLocation)
    }

    /// Expects `actual` text to equal `file`'s.
    public static func expect(_ actual: String, matches file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expect(Array(actual.utf8), matches: file, sourceLocation: sourceLocation)
    }
}
