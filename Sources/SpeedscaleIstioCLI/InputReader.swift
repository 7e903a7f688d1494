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

/// One input: its name as the user gave it (or as found in a directory), and its bytes.
struct Input: Sendable {
    /// The path, or `-` for standard input.
    let name: String
    /// The bytes read.
    let bytes: [UInt8]
    /// When read to be rewritten in place: which regular file it was and its state after the
    /// read; nil otherwise.
    let identity: FileIdentity?
}

/// An entry of a `-f` directory that was passed over, and why.
struct SkippedInput: Sendable {
    /// The path, as the report shows it.
    let path: String
    /// Why it was not read (`a FIFO (named pipe), not a regular file`).
    let reason: String
}

/// Everything `-f` named, read.
struct InputBatch {
    /// The inputs, in the order given, directories in sorted order.
    let inputs: [Input]
    /// The directory entries with a manifest's name that were not read.
    let skipped: [SkippedInput]

    /// The inputs as the library takes them, their line tables made on up to `workers`
    /// threads (one input a thread at a time; a single input in pieces on all of them).
    func manifests(workers: Workers) -> [ManifestInput] {
        if inputs.count == 1, let only = inputs.first {
            return [ManifestInput(file: only.name, source: YAMLSource(only.bytes, workers: workers))]
        }
        return workers.map(inputs) { ManifestInput(file: $0.name, source: YAMLSource($0.bytes)) }
    }
}

/// An input that could not be read, or inputs given in a way that cannot work.
struct InputError: Error, CustomStringConvertible {
    /// The path (`-` for standard input), when the error is about one input.
    let file: String?
    /// Where in the input, when the problem is in its bytes.
    let location: SourceLocation?
    /// What went wrong.
    let problem: String

    /// An error about `file` (at `location`), or about the inputs as a whole.
    init(file: String? = nil, location: SourceLocation? = nil, _ problem: String) {
        self.file = file
        self.location = location
        self.problem = problem
    }

    /// `FILE:LINE:COL: problem`, `FILE: problem` or `problem`.
    var description: String {
        RunError.describe(file: file, location: location, problem: problem)
    }
}

/// Reads the inputs named by `-f`: files, directories and standard input, each up to a maximum
/// size, in chunks, stopping at the first sign that it is not text.
struct InputReader: Sendable {
    /// The extensions read from directories; a file named explicitly is read whatever its name.
    static let manifestExtensions: Set<String> = ["yaml", "yml", "json"]

    /// Paths that name standard input, besides `-`.
    static let standardInputPaths: Set<String> = ["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]

    /// Whether directories are read with their subdirectories.
    let recursive: Bool
    /// The largest file (or standard input) read.
    let maximumSize: ByteCount
    /// The directory entries not read.
    let exclusions: PathExclusions
    /// Whether the files are read to be rewritten in place: only regular files are accepted,
    /// and each one's identity is recorded.
    let rewriting: Bool
    /// The threads that read the files of a directory (`--jobs`).
    var workers: Workers = .one

    /// Reads each named input (`-` is standard input); with none, reads standard input when it
    /// is not a terminal.
    func read(_ names: [String]) throws(InputError) -> InputBatch {
        var names = names
        if names.isEmpty {
            guard isatty(STDIN_FILENO) == 0 else {
                throw InputError("no input: give -f FILE, -f DIRECTORY or -f -, or pipe manifests into standard input")
            }
            names = ["-"]
        }
        let standardInputs = names.filter { $0 == "-" || Self.standardInputPaths.contains($0) }
        if rewriting, let name = standardInputs.first {
            throw InputError(file: name, "standard input cannot be rewritten in place; name the files to rewrite with -f, or leave out --in-place")
        }
        guard standardInputs.count <= 1 else {
            throw InputError(file: standardInputs[1], "standard input can be read only once")
        }
        var inputs: [Input] = []
        var skipped: [SkippedInput] = []
        for name in names {
            if name == "-" {
                var info = stat()
                guard fstat(STDIN_FILENO, &info) == 0 else { throw Self.failure(name) }
                inputs.append(Input(name: name, bytes: try readAll(STDIN_FILENO, name: name, info: info), identity: nil))
                continue
            }
            var info = stat()
            guard stat(name, &info) == 0 else { throw Self.failure(name) }
            if info.st_mode & S_IFMT == S_IFDIR {
                let listing = try manifests(in: name)
                skipped += listing.skipped
                let count = inputs.count
                // Read side by side, taken in order: the first file that cannot be read stops
                // the run, as it would read one after another.
                let read = workers.map(listing.files) { path -> Result<(input: Input?, skipped: [SkippedInput]), InputError> in
                    var passedOver: [SkippedInput] = []
                    do throws(InputError) {
                        return .success((try readFile(path, foundInDirectory: true, skipped: &passedOver), passedOver))
                    } catch {
                        return .failure(error)
                    }
                }
                for result in read {
                    let (input, passedOver) = try result.get()
                    skipped += passedOver
                    if let input { inputs.append(input) }
                }
                guard inputs.count > count else { throw emptyDirectory(name, listing) }
            } else if info.st_mode & S_IFMT == S_IFSOCK {
                throw InputError(file: name, "a socket, not a file: it cannot be read")
            } else if let input = try readFile(name, foundInDirectory: false, skipped: &skipped) {
                inputs.append(input)
            }
        }
        return InputBatch(inputs: inputs, skipped: skipped)
    }

    /// What a directory holds: the manifest files to read, in order, and what was passed over.
    private struct Listing {
        var files: [String] = []
        var skipped: [SkippedInput] = []
        var excluded = false
        var hasSubdirectories = false
    }

    /// The manifest files of `directory`, sorted by name, with those of its subdirectories in
    /// place when recursive. Hidden entries, links to directories and `--exclude` matches are
    /// passed over; entries that are not regular files are listed as skipped. Walks the tree
    /// with a stack, not recursion, however deep it is.
    private func manifests(in directory: String) throws(InputError) -> Listing {
        var listing = Listing()
        var stack: [(path: String, relative: String, type: EntryType)] = try Self.entries(of: directory).reversed().map {
            (Self.path($0.name, in: directory), $0.name, $0.type)
        }
        while let (path, relative, type) = stack.popLast() {
            let isFolder: Bool
            let isLinkedFolder: Bool
            var unresolved: String?
            var irregular: String?
            switch type {
            case .regularFile:
                // Neither a link nor a folder: what lstat and stat would say, without asking.
                isFolder = false
                isLinkedFolder = false
            case .folder:
                isFolder = true
                isLinkedFolder = false
            case .other:
                var info = stat()
                var linkInfo = stat()
                guard lstat(path, &linkInfo) == 0 else { continue }
                let resolved = stat(path, &info) == 0
                if !resolved { unresolved = SystemError.describe(errno) }
                isFolder = resolved && info.st_mode & S_IFMT == S_IFDIR
                isLinkedFolder = isFolder && linkInfo.st_mode & S_IFMT != S_IFDIR
                if resolved { irregular = FileKind.irregular(info.st_mode) }
            }
            if exclusions.excludes(relativePath: relative, displayPath: path, isFolder: isFolder) {
                listing.excluded = true
                continue
            }
            if isFolder {
                listing.hasSubdirectories = true
                if recursive && !isLinkedFolder {
                    stack += try Self.entries(of: path).reversed().map { (Self.path($0.name, in: path), relative + "/" + $0.name, $0.type) }
                }
                continue
            }
            guard let dot = relative.lastIndex(of: "."), Self.manifestExtensions.contains(String(relative[relative.index(after: dot)...])) else {
                continue
            }
            if let unresolved {
                listing.skipped.append(SkippedInput(path: path, reason: "a symbolic link that cannot be followed (\(unresolved))"))
            } else if let irregular {
                listing.skipped.append(SkippedInput(path: path, reason: "\(irregular), not a regular file"))
            } else {
                listing.files.append(path)
            }
        }
        return listing
    }

    /// The error for a directory that gave no manifest, with what may explain it.
    private func emptyDirectory(_ directory: String, _ listing: Listing) -> InputError {
        var hints: [String] = []
        if listing.hasSubdirectories && !recursive { hints.append("use -R to read its subdirectories") }
        if !listing.skipped.isEmpty { hints.append("\(listing.skipped.count) skipped: not regular files") }
        if listing.excluded { hints.append("some entries are excluded by --exclude") }
        let hint = hints.isEmpty ? "" : " (\(hints.joined(separator: "; ")))"
        return InputError(file: directory, "no .yaml, .yml or .json file in this directory\(hint)")
    }

    /// The path of `entry` in `directory`.
    private static func path(_ entry: String, in directory: String) -> String {
        directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
    }

    /// What a directory entry is, as the directory itself tells (no `stat` needed for the
    /// first two): most entries of a manifest folder are plain files.
    private enum EntryType {
        /// A regular file, not a link.
        case regularFile
        /// A folder, not a link.
        case folder
        /// A link, something other than a file or folder, or not told: `stat` says.
        case other
    }

    /// The names in `directory` that do not start with a dot, sorted by their UTF-8 bytes,
    /// with what the directory says each is.
    private static func entries(of directory: String) throws(InputError) -> [(name: String, type: EntryType)] {
        guard let handle = opendir(directory) else { throw failure(directory) }
        defer { closedir(handle) }
        var entries: [(name: String, type: EntryType)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let type: EntryType = switch Int(entry.pointee.d_type) {
            case Int(DT_REG): .regularFile
            case Int(DT_DIR): .folder
            default: .other
            }
            entries.append((name, type))
        }
        return entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// Reads the file at `path`. One found in a directory that turns out not to be a regular
    /// file (a FIFO named `a.yaml`) is not opened for reading in a way that could wait: it is
    /// passed over (nil, the reason added to `skipped`). One named with `-f` is read whatever it
    /// is (a pipe such as `<(helm template …)`), unless it is to be rewritten in place, which
    /// only a regular file can be.
    private func readFile(_ path: String, foundInDirectory: Bool, skipped: inout [SkippedInput]) throws(InputError) -> Input? {
        let guarded = foundInDirectory || rewriting
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (guarded ? O_NONBLOCK : 0))
        guard descriptor >= 0 else { throw Self.failure(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.failure(path) }
        if guarded, let kind = FileKind.irregular(info.st_mode) {
            guard foundInDirectory else {
                throw InputError(file: path, "\(kind), not a regular file: only regular files can be rewritten in place")
            }
            skipped.append(SkippedInput(path: path, reason: "\(kind), not a regular file"))
            return nil
        }
        let bytes = try readAll(descriptor, name: path, info: info)
        guard rewriting else { return Input(name: path, bytes: bytes, identity: nil) }
        var after = stat()
        guard fstat(descriptor, &after) == 0 else { throw Self.failure(path) }
        guard FileIdentity(after) == FileIdentity(info), Int(after.st_size) == bytes.count else {
            throw InputError(file: path, "changed while it was read; nothing was written (run again when nothing else is writing it)")
        }
        return Input(name: path, bytes: bytes, identity: FileIdentity(after))
    }

    /// The size of each read.
    private static let chunkSize = 1 << 16

    /// Reads `descriptor` to its end in chunks, stopping with an error as soon as it holds more
    /// than the maximum size (a regular file whose size says so is not read at all), does not
    /// start like UTF-8, or holds a NUL byte.
    private func readAll(_ descriptor: Int32, name: String, info: stat) throws(InputError) -> [UInt8] {
        let limit = maximumSize.bytes
        let isRegular = info.st_mode & S_IFMT == S_IFREG
        if isRegular && Int(info.st_size) > limit { throw tooLarge(name) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(isRegular ? Int(info.st_size) : Self.chunkSize)
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var encodingChecked = false
        while true {
            let wanted = min(buffer.count, limit + 1 - bytes.count)
            let count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&request, 1, -1)
                    continue
                }
                throw Self.failure(name)
            }
            if count == 0 { break }
            let start = bytes.count
            bytes += buffer[..<count]
            if bytes.count > limit { throw tooLarge(name) }
            if !encodingChecked && bytes.count >= 4 {
                try Self.checkEncoding(bytes, name: name)
                encodingChecked = true
            }
            let nul: Int? = buffer.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, let found = memchr(base, 0, count) else { return nil }
                return UnsafeRawPointer(found) - base
            }
            if let nul {
                if !encodingChecked { try Self.checkEncoding(bytes, name: name) }
                let offset = start + nul
                throw InputError(
                    file: name, location: YAMLSource(bytes).location(ofByte: offset),
                    "a NUL byte (byte offset \(offset)): this is not a text file; manifests are UTF-8 YAML or JSON")
            }
        }
        if !encodingChecked { try Self.checkEncoding(bytes, name: name) }
        return bytes
    }

    /// Rejects input that starts like UTF-16 or UTF-32, which YAML allows but the tool does not
    /// read: a byte-order mark, or the NUL bytes of an ASCII character in those encodings (the
    /// detection of YAML 1.2, section 5.2).
    private static func checkEncoding(_ bytes: [UInt8], name: String) throws(InputError) {
        let head = Array(bytes.prefix(4))
        func starts(_ pattern: [UInt8?]) -> Bool {
            head.count >= pattern.count && zip(head, pattern).allSatisfy { byte, expected in expected.map { $0 == byte } ?? (byte != 0) }
        }
        let encoding: String
        if starts([0, 0, 0xFE, 0xFF]) || starts([0xFF, 0xFE, 0, 0]) || starts([0, 0, 0, nil]) || starts([nil, 0, 0, 0]) {
            encoding = "UTF-32"
        } else if starts([0xFE, 0xFF]) || starts([0xFF, 0xFE]) || starts([0, nil]) || starts([nil, 0]) {
            encoding = "UTF-16"
        } else {
            return
        }
        throw InputError(
            file: name, location: SourceLocation(line: 1, column: 1),
            "\(encoding) input is not supported; convert it to UTF-8 (for example with iconv -f \(encoding) -t UTF-8)")
    }

    /// The error for an input over the maximum size.
    private func tooLarge(_ name: String) -> InputError {
        InputError(file: name, "larger than the maximum input size, \(maximumSize.spelled); nothing more was read (raise the limit with --max-input-size)")
    }

    /// An error naming `path` and the system's reason (`errno`).
    static func failure(_ path: String) -> InputError {
        InputError(file: path, SystemError.describe(errno))
    }
}
