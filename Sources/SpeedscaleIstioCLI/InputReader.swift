import Foundation

/// One input: its name as the user gave it, and its bytes.
struct Input {
    /// The path, or `-` for standard input.
    let name: String
    /// The bytes read.
    let bytes: [UInt8]
}

/// Reads the inputs named by `-f`.
enum InputReader {
    /// An input that could not be read.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads each named input (`-` is standard input); with none, reads standard input when it is not a terminal.
    static func read(_ names: [String]) throws(Failure) -> [Input] {
        var names = names
        if names.isEmpty {
            guard isatty(FileHandle.standardInput.fileDescriptor) == 0 else {
                throw Failure(description: "no input: give -f FILE (or -f - for standard input)")
            }
            names = ["-"]
        }
        var inputs: [Input] = []
        for name in names {
            if name == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                inputs.append(Input(name: "-", bytes: [UInt8](data)))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory) else {
                throw Failure(description: "\(name): no such file or directory")
            }
            guard !isDirectory.boolValue else {
                throw Failure(description: "\(name): is a directory")
            }
            guard let data = FileManager.default.contents(atPath: name) else {
                throw Failure(description: "\(name): cannot be read")
            }
            inputs.append(Input(name: name, bytes: [UInt8](data)))
        }
        return inputs
    }
}
