#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import SpeedscaleIstio

/// Rewrites files atomically and all together: every new content is first written to a
/// temporary file beside its target (same directory, so the rename cannot cross file systems)
/// with the target's owner, group, mode and extended attributes; only when all were written,
/// and every target is still the file that was read, are they renamed over their targets.
/// A symbolic link's target is written and the link kept. A file with other hard links is
/// refused unless links may be broken.
struct InPlaceWriter {
    /// A file that could not be rewritten, and what became of the others.
    struct Failure: Error, CustomStringConvertible {
        /// The reason, naming the file, and whether any file was changed.
        let description: String
        /// The files already rewritten when the failure happened (past the point of no return,
        /// which only a failed rename reaches); usually none.
        let rewritten: [String]
    }

    /// One file to rewrite.
    struct Rewrite {
        /// The path as the user gave it (it may be a symbolic link).
        let path: String
        /// The new content.
        let bytes: [UInt8]
        /// The file as it was read; the file is replaced only while it is still the same.
        let identity: FileIdentity?
    }

    /// Whether a file with several hard links may be replaced (its other names then keep the old content).
    let breakHardLinks: Bool

    /// A file about to be replaced: the real path and what it is like now.
    private struct Target {
        let path: String
        let info: stat
    }

    /// A temporary file written and waiting to be renamed over its target.
    private struct Staged {
        let path: String
        let target: String
        let temporary: String
    }

    /// A reason not to rewrite one file, before the message says that no file was changed.
    private struct Refusal: Error {
        let description: String
    }

    /// Rewrites every file, or none.
    /// - Throws: ``Failure`` when a file cannot or may not be replaced, or a temporary file
    ///   cannot be written (no file is changed), or, rarely, a rename fails (the message lists
    ///   the files already rewritten).
    func write(_ rewrites: [Rewrite]) throws(Failure) {
        // Writing past a file size limit must fail with EFBIG, not end the process half-way.
        signal(SIGXFSZ, SIG_IGN)
        var staged: [Staged] = []
        do throws(Refusal) {
            let targets = try rewrites.map { rewrite throws(Refusal) in try check(rewrite) }
            for (rewrite, target) in zip(rewrites, targets) {
                staged.append(try stage(rewrite, over: target))
            }
            // Again, as late as possible: a file written to while the new ones were staged is left alone.
            for rewrite in rewrites { _ = try check(rewrite) }
        } catch {
            staged.forEach { unlink($0.temporary) }
            throw Failure(description: "\(error.description); no file was changed", rewritten: [])
        }
        for (index, file) in staged.enumerated() where rename(file.temporary, file.target) != 0 {
            let reason = SystemError.describe(errno)
            staged[index...].forEach { unlink($0.temporary) }
            let done = staged[..<index].map(\.path)
            let rewritten = done.isEmpty ? "no file was changed" : "already rewritten: \(done.joined(separator: ", "))"
            throw Failure(description: "\(file.path): cannot replace it: \(reason); \(rewritten)", rewritten: done)
        }
        for directory in Set(staged.map { PathText.deletingLastComponent($0.target) }) {
            Self.synchronize(directory: directory)
        }
    }

    /// Finds the file a path names and checks that it may be replaced: a regular file, the one
    /// that was read and unchanged since, with no other hard link (unless allowed).
    private func check(_ rewrite: Rewrite) throws(Refusal) -> Target {
        guard let resolved = realpath(rewrite.path, nil) else { throw refusal(rewrite.path, "cannot resolve it") }
        let path = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(path, &info) == 0 else { throw refusal(rewrite.path, "cannot read its mode") }
        if let kind = FileKind.irregular(info.st_mode) {
            throw Refusal(description: "\(rewrite.path): \(kind), not a regular file: only regular files can be rewritten in place")
        }
        guard let identity = rewrite.identity, identity == FileIdentity(info) else {
            throw Refusal(description: "\(rewrite.path): the file changed while it was processed (its size, modification time or inode differ from when it was read); run again")
        }
        if info.st_nlink > 1 && !breakHardLinks {
            throw Refusal(description: "\(rewrite.path): has \(info.st_nlink) hard links; replacing it would leave the other names with the old content (use --break-hardlinks to rewrite it anyway)")
        }
        return Target(path: path, info: info)
    }

    /// Writes the new content of one file to a temporary file beside its target, with the
    /// target's owner, group, mode and extended attributes.
    private func stage(_ rewrite: Rewrite, over target: Target) throws(Refusal) -> Staged {
        let info = target.info
        let directory = PathText.deletingLastComponent(target.path)
        let name = PathText.lastComponent(target.path)
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { throw refusal(rewrite.path, "cannot create a temporary file in \(directory)") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = false
        defer {
            if !written { unlink(temporary) }
        }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        // The owner first: changing it clears set-user-ID bits, which fchmod then restores.
        guard fchown(descriptor, info.st_uid, info.st_gid) == 0 else {
            throw refusal(rewrite.path, "cannot keep its owner and group (uid \(info.st_uid), gid \(info.st_gid))")
        }
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0 else { throw refusal(rewrite.path, "cannot keep its mode") }
        do throws(ExtendedAttributes.Failure) {
            try ExtendedAttributes.copy(from: target.path, to: descriptor)
        } catch {
            throw Refusal(description: "\(rewrite.path): \(error.description)")
        }
        guard Descriptor.writeAll(rewrite.bytes, to: descriptor), fsync(descriptor) == 0 else {
            throw refusal(rewrite.path, "cannot write a temporary file in \(directory)")
        }
        closed = true
        guard close(descriptor) == 0 else { throw refusal(rewrite.path, "cannot write a temporary file in \(directory)") }
        written = true
        return Staged(path: rewrite.path, target: target.path, temporary: temporary)
    }

    /// Flushes a directory after renames in it, so the new names survive a crash. Best effort:
    /// the files are already replaced.
    private static func synchronize(directory: String) {
        let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// A refusal naming `path`, what could not be done, and the system's reason (`errno`).
    private func refusal(_ path: String, _ what: String) -> Refusal {
        Refusal(description: "\(path): \(what): \(SystemError.describe(errno))")
    }
}
