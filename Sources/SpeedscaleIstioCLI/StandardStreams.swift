import Foundation

/// Writing to standard output and standard error.
enum StandardError {
    /// Writes `text` to standard error.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

enum StandardOutput {
    /// Writes `bytes` to standard output.
    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
