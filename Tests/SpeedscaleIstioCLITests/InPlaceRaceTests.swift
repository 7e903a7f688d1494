import Foundation
@testable import SpeedscaleIstioCLI
import Testing
import TestSupport

/// `--in-place` replaces a file only while it is still the file that was read: what a run of the
/// binary cannot stage (a write between the read and the rename) is staged here, between the
/// reader and the writer.
@Suite struct InPlaceRaceTests {
    private let original = "kind: ConfigMap\nmetadata:\n  name: a\n"
    private let edited: [UInt8] = Array("kind: ConfigMap\nmetadata:\n  name: a\n  labels: {edited: \"true\"}\n".utf8)

    /// Reads `paths` as `--in-place` does.
    private func read(_ paths: [URL]) throws -> [Input] {
        let reader = InputReader(recursive: false, maximumSize: InputOptions.defaultMaximumSize, exclusions: PathExclusions([]), rewriting: true)
        return try reader.read(paths.map(\.path)).inputs
    }

    private func rewrites(_ inputs: [Input]) -> [InPlaceWriter.Rewrite] {
        inputs.map { InPlaceWriter.Rewrite(path: $0.name, bytes: edited, identity: $0.identity) }
    }

    @Test func anUnchangedFileIsReplaced() throws {
        try TemporaryDirectory.with { directory in
            let file = try directory.write("a.yaml", original)
            let inputs = try read([file])
            #expect(inputs.first?.identity != nil, "a regular file read for rewriting has an identity")
            try InPlaceWriter(breakHardLinks: false).write(rewrites(inputs))
            #expect(try directory.bytes("a.yaml") == edited)
        }
    }

    @Test func aFileAppendedToAfterItWasReadKeepsTheAppend() throws {
        try TemporaryDirectory.with { directory in
            let file = try directory.write("a.yaml", original)
            let inputs = try read([file])
            let appended = Array((original + "# appended by someone else\n").utf8)
            let handle = try FileHandle(forWritingTo: file)
            handle.seekToEndOfFile()
            handle.write(Data("# appended by someone else\n".utf8))
            try handle.close()
            #expect {
                try InPlaceWriter(breakHardLinks: false).write(rewrites(inputs))
            } throws: { error in
                (error as? InPlaceWriter.Failure)?.description
                    == "\(file.path): the file changed while it was processed (its size, modification time or inode differ from when it was read); run again; no file was changed"
            }
            #expect(try directory.bytes("a.yaml") == appended)
            #expect(directory.listing() == ["a.yaml"], "no temporary file left")
        }
    }

    @Test func aFileReplacedAfterItWasReadIsLeftAlone() throws {
        try TemporaryDirectory.with { directory in
            let file = try directory.write("a.yaml", original)
            let inputs = try read([file])
            // Same size, same content: only the inode tells it is another file.
            let other = try directory.write("other.yaml", original)
            #expect(rename(other.path, file.path) == 0)
            #expect(throws: InPlaceWriter.Failure.self) {
                try InPlaceWriter(breakHardLinks: false).write(rewrites(inputs))
            }
            #expect(try directory.bytes("a.yaml") == Array(original.utf8))
        }
    }

    @Test func everyFileIsCheckedBeforeAnyIsReplaced() throws {
        try TemporaryDirectory.with { directory in
            let first = try directory.write("first.yaml", original)
            let second = try directory.write("second.yaml", original)
            let inputs = try read([first, second])
            let changed = original + "data: {}\n"
            try directory.write("second.yaml", changed)
            #expect(throws: InPlaceWriter.Failure.self) {
                try InPlaceWriter(breakHardLinks: false).write(rewrites(inputs))
            }
            #expect(try directory.bytes("first.yaml") == Array(original.utf8), "the first file is not replaced either")
            #expect(try directory.bytes("second.yaml") == Array(changed.utf8))
            #expect(directory.listing() == ["first.yaml", "second.yaml"])
        }
    }

    @Test func aFileWithoutARecordedIdentityIsNotReplaced() throws {
        try TemporaryDirectory.with { directory in
            let file = try directory.write("a.yaml", original)
            #expect(throws: InPlaceWriter.Failure.self) {
                try InPlaceWriter(breakHardLinks: false).write([.init(path: file.path, bytes: edited, identity: nil)])
            }
            #expect(try directory.bytes("a.yaml") == Array(original.utf8))
        }
    }
}
