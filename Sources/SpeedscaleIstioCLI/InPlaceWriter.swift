import Foundation

/// Rewrites files atomically and all together: every new content is first written to a
/// temporary file beside its target (same directory, so the rename cannot cross file systems),
/// with the target's mode; only when all were written are they renamed over their targets.
/// A symbolic link's target is written and the link kept.
struct InPlaceWriter {
    /// A file that could not be rewritten, and what became of the others.
    struct Failure: Error, CustomStringConvertible {
        /// The reason, naming the file.
        let description: String
    }

    /// One file to rewrite.
    struct Rewrite {
        /// The path as the user gave it (it may be a symbolic link).
        let path: String
        /// The new content.
        let bytes: [UInt8]
    }

    /// A temporary file written and waiting to be renamed over its target.
    private struct Staged {
        let path: String
        let target: String
        let temporary: String
    }

    /// Rewrites every file, or none.
    /// - Throws: ``Failure`` when a temporary file cannot be written (no file is changed) or,
    ///   rarely, a rename fails (the message lists the files already rewritten).
    func write(_ rewrites: [Rewrite]) throws(Failure) {
        // Writing past a file size limit must fail with EFBIG, not end the process half-way.
        signal(SIGXFSZ, SIG_IGN)
        var staged: [Staged] = []
        for rewrite in rewrites {
            do throws(Failure) {
                staged.append(try stage(rewrite))
            } catch {
                staged.forEach { unlink($0.temporary) }
                throw Failure(description: "\(error.description); no file was changed")
            }
        }
        for (index, file) in staged.enumerated() where rename(file.temporary, file.target) != 0 {
            let reason = SystemError.describe(errno)
            staged[index...].forEach { unlink($0.temporary) }
            let done = staged[..<index].map(\.path)
            let rewritten = done.isEmpty ? "no file was changed" : "already rewritten: \(done.joined(separator: ", "))"
            throw Failure(description: "\(file.path): cannot replace it: \(reason); \(rewritten)")
        }
    }

    /// Writes the new content of one file to a temporary file beside its target.
    private func stage(_ rewrite: Rewrite) throws(Failure) -> Staged {
        guard let resolved = realpath(rewrite.path, nil) else { throw failure(rewrite.path, "cannot resolve it") }
        let target = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(target, &info) == 0 else { throw failure(rewrite.path, "cannot read its mode") }
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { throw failure(rewrite.path, "cannot create a temporary file in \(directory)") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = false
        defer {
            if !written { unlink(temporary) }
        }
        _ = fchown(descriptor, info.st_uid, info.st_gid)  // keeps the owner where allowed; before fchmod, which it could undo
        let wrote = fchmod(descriptor, info.st_mode & 0o7777) == 0 && Self.writeAll(rewrite.bytes, to: descriptor) && fsync(descriptor) == 0
        let writeError = errno
        let closed = close(descriptor) == 0
        guard wrote, closed else {
            throw Failure(description: "\(rewrite.path): cannot write a temporary file in \(directory): \(SystemError.describe(wrote ? errno : writeError))")
        }
        written = true
        return Staged(path: rewrite.path, target: target, temporary: temporary)
    }

    /// Writes all of `bytes`, retrying short writes.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    private func failure(_ path: String, _ what: String) -> Failure {
        Failure(description: "\(path): \(what): \(SystemError.describe(errno))")
    }
}
