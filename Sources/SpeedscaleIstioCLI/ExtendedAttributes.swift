#if canImport(Glibc)
import CXattr
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies a file's extended attributes (user attributes, POSIX ACLs, security labels) to the
/// file that replaces it.
enum ExtendedAttributes {
    /// An attribute that could not be read or set.
    struct Failure: Error, CustomStringConvertible {
        /// The attribute's name, or nil when the list of names could not be read.
        let name: String?
        /// The system's reason.
        let reason: String

        /// `cannot keep its extended attribute NAME: REASON`.
        var description: String {
            guard let name else { return "cannot read its extended attributes: \(reason)" }
            return "cannot keep its extended attribute \(name): \(reason)"
        }
    }

    /// How often a list or value is read again when it grew between asking its size and reading it.
    private static let attempts = 8

    /// Copies every extended attribute of the file at `path` to the open file `descriptor`. A
    /// file system without extended attributes has none to copy. A `security.` attribute
    /// (an SELinux or Smack label, file capabilities) that cannot be set is left to the system,
    /// which labels a new file itself; any other that cannot be set is a failure.
    static func copy(from path: String, to descriptor: Int32) throws(Failure) {
        for name in try names(of: path) {
            guard let value = try value(of: name, at: path) else { continue }  // removed since listed
            let result = value.withUnsafeBytes { setAttribute(descriptor, name, $0.baseAddress, $0.count) }
            if result != 0 && !name.hasPrefix("security.") {
                throw Failure(name: name, reason: SystemError.describe(errno))
            }
        }
    }

    /// The names of the attributes of the file at `path`; none when its file system has none.
    private static func names(of path: String) throws(Failure) -> [String] {
        for _ in 0..<attempts {
            let size = listAttributes(path, nil, 0)
            if size < 0 && (errno == ENOTSUP || errno == EOPNOTSUPP) { return [] }
            guard size >= 0 else { throw Failure(name: nil, reason: SystemError.describe(errno)) }
            guard size > 0 else { return [] }
            var buffer = [CChar](repeating: 0, count: size)
            let count = listAttributes(path, &buffer, size)
            if count < 0 && errno == ERANGE { continue }
            guard count >= 0 else { throw Failure(name: nil, reason: SystemError.describe(errno)) }
            return buffer[..<count].split(separator: 0).map { name in String(decoding: name.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        }
        throw Failure(name: nil, reason: "they kept changing while they were read")
    }

    /// The value of attribute `name` of the file at `path`, or nil when it no longer exists.
    private static func value(of name: String, at path: String) throws(Failure) -> [UInt8]? {
        for _ in 0..<attempts {
            let size = getAttribute(path, name, nil, 0)
            if size < 0 && errno == missingAttribute { return nil }
            guard size >= 0 else { throw Failure(name: name, reason: SystemError.describe(errno)) }
            var value = [UInt8](repeating: 0, count: size)
            let count = value.withUnsafeMutableBytes { getAttribute(path, name, $0.baseAddress, size) }
            if count < 0 && errno == ERANGE { continue }
            if count < 0 && errno == missingAttribute { return nil }
            guard count >= 0 else { throw Failure(name: name, reason: SystemError.describe(errno)) }
            return Array(value[..<count])
        }
        throw Failure(name: name, reason: "it kept changing while it was read")
    }
}

#if canImport(Darwin)
/// The `errno` for an attribute that does not exist.
private let missingAttribute = ENOATTR

private func listAttributes(_ path: String, _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int) -> Int {
    listxattr(path, buffer, size, 0)
}

private func getAttribute(_ path: String, _ name: String, _ value: UnsafeMutableRawPointer?, _ size: Int) -> Int {
    getxattr(path, name, value, size, 0, 0)
}

private func setAttribute(_ descriptor: Int32, _ name: String, _ value: UnsafeRawPointer?, _ size: Int) -> Int32 {
    fsetxattr(descriptor, name, value, size, 0, 0)
}
#else
/// The `errno` for an attribute that does not exist.
private let missingAttribute = ENODATA

private func listAttributes(_ path: String, _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int) -> Int {
    listxattr(path, buffer, size)
}

private func getAttribute(_ path: String, _ name: String, _ value: UnsafeMutableRawPointer?, _ size: Int) -> Int {
    getxattr(path, name, value, size)
}

private func setAttribute(_ descriptor: Int32, _ name: String, _ value: UnsafeRawPointer?, _ size: Int) -> Int32 {
    fsetxattr(descriptor, name, value, size, 0)
}
#endif
