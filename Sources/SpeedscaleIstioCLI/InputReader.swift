import Foundation

/// One input: its name as the user gave it (or as found in a directory), and its bytes.
struct Input {
    /// The path, or `-` for standard input.
    let name: String
    /// The bytes read.
    let bytes: [UInt8]
}

/// An input that could not be read, or inputs given in a way that cannot work.
struct InputError: Error, CustomStringConvertible {
    /// What went wrong, naming the path.
    let description: String
}

/// Reads the inputs named by `-f`: files, directories and standard input.
struct InputReader {
    /// The extensions read from directories; a file named explicitly is read whatever its name.
    static let manifestExtensions: Set<String> = ["yaml", "yml", "json"]

    /// Whether directories are read with their subdirectories.
    let recursive: Bool

    /// Reads each named input (`-` is standard input); with none, reads standard input when it
    /// is not a terminal.
    func read(_ names: [String]) throws(InputError) -> [Input] {
        var names = names
        if names.isEmpty {
            guard isatty(STDIN_FILENO) == 0 else {
                throw InputError(description: "no input: give -f FILE, -f DIRECTORY or -f -, or pipe manifests into standard input")
            }
            names = ["-"]
        }
        guard names.filter({ $0 == "-" }).count <= 1 else {
            throw InputError(description: "-: standard input can be read only once")
        }
        var inputs: [Input] = []
        for name in names {
            if name == "-" {
                inputs.append(Input(name: name, bytes: try Self.readAll(STDIN_FILENO, name: name)))
                continue
            }
            var info = stat()
            guard stat(name, &info) == 0 else { throw Self.failure(name) }
            if info.st_mode & S_IFMT == S_IFDIR {
                let files = try manifests(in: name)
                guard !files.isEmpty else { throw try emptyDirectory(name) }
                inputs += try files.map { path throws(InputError) in Input(name: path, bytes: try Self.readFile(path)) }
            } else {
                inputs.append(Input(name: name, bytes: try Self.readFile(name)))
            }
        }
        return inputs
    }

    /// The manifest files of `directory`, sorted by name, with those of its subdirectories in
    /// place when recursive. Hidden entries and links to directories are passed over.
    private func manifests(in directory: String) throws(InputError) -> [String] {
        var files: [String] = []
        for entry in try Self.entries(of: directory) {
            let path = Self.path(entry, in: directory)
            var info = stat()
            var linkInfo = stat()
            guard stat(path, &info) == 0, lstat(path, &linkInfo) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                if recursive && linkInfo.st_mode & S_IFMT == S_IFDIR { files += try manifests(in: path) }
            } else if let dot = entry.lastIndex(of: "."), Self.manifestExtensions.contains(String(entry[entry.index(after: dot)...])) {
                files.append(path)
            }
        }
        return files
    }

    /// The error for a directory that holds no manifest.
    private func emptyDirectory(_ directory: String) throws(InputError) -> InputError {
        let hasSubdirectories = try Self.entries(of: directory).contains { entry in
            var info = stat()
            return stat(Self.path(entry, in: directory), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }
        let hint = hasSubdirectories && !recursive ? " (use -R to read its subdirectories)" : ""
        return InputError(description: "\(directory): no .yaml, .yml or .json file in this directory\(hint)")
    }

    /// The path of `entry` in `directory`.
    private static func path(_ entry: String, in directory: String) -> String {
        directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
    }

    /// The names in `directory` that do not start with a dot, sorted by their UTF-8 bytes.
    private static func entries(of directory: String) throws(InputError) -> [String] {
        guard let handle = opendir(directory) else { throw failure(directory) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Reads a whole file (or pipe, such as `<(helm template …)`).
    private static func readFile(_ path: String) throws(InputError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        return try readAll(descriptor, name: path)
    }

    /// Reads `descriptor` to its end.
    private static func readAll(_ descriptor: Int32, name: String) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(name)
            }
            bytes += buffer[..<count]
        }
    }

    /// An error naming `path` and the system's reason (`errno`).
    static func failure(_ path: String) -> InputError {
        InputError(description: "\(path): \(SystemError.describe(errno))")
    }
}

/// `read(2)`, under a name that the reader's own `read` does not hide.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
