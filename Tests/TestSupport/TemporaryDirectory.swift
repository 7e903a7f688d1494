import Foundation

/// A directory under the system's temporary directory for one test, removed by ``with(_:)``.
public struct TemporaryDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// Makes a new, empty directory.
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("speedscale-istio-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Runs `body` with a new directory, then removes it (making its subdirectories writable first).
    public static func with<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        return try body(directory)
    }

    /// The URL of `relativePath` inside the directory.
    public func path(_ relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }

    /// Writes `bytes` to `relativePath`, creating its folders, and returns its URL.
    @discardableResult
    public func write(_ relativePath: String, _ bytes: [UInt8]) throws -> URL {
        let file = path(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    /// Writes the UTF-8 bytes of `text` to `relativePath`.
    @discardableResult
    public func write(_ relativePath: String, _ text: String) throws -> URL {
        try write(relativePath, Array(text.utf8))
    }

    /// The bytes of `relativePath`.
    public func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: path(relativePath)))
    }

    /// Every file and folder below the directory, as sorted relative paths.
    public func listing() -> [String] {
        let names = FileManager.default.enumerator(atPath: url.path)?.compactMap { $0 as? String } ?? []
        return names.sorted()
    }

    /// Removes the directory and everything in it.
    public func remove() {
        if let names = FileManager.default.enumerator(atPath: url.path)?.compactMap({ $0 as? String }) {
            for name in names { chmod(path(name).path, 0o755) }
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// Whether a directory made read-only with chmod refuses new files here: false when running
    /// as root (or with CAP_DAC_OVERRIDE), where permission tests must skip.
    public static let permissionsAreEnforced: Bool = {
        guard let directory = try? TemporaryDirectory() else { return false }
        defer { directory.remove() }
        chmod(directory.url.path, 0o555)
        return access(directory.url.path, W_OK) != 0
            && !FileManager.default.createFile(atPath: directory.path("probe").path, contents: Data())
    }()
}
