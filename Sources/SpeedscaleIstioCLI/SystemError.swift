#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's description of an `errno` value, in lower case as the tool's messages are.
enum SystemError {
    /// `strerror(code)`, its first letter lowercased (`no such file or directory`).
    static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
