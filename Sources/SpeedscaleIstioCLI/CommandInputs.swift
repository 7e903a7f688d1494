import ArgumentParser

/// Reads a command's inputs the way inject and lint both report failure.
enum CommandInputs {
    /// The inputs named by `-f`; when one cannot be read, says why on standard error and exits 2.
    static func read(_ names: [String]) throws -> [Input] {
        do {
            return try InputReader.read(names)
        } catch {
            StandardError.write("error: \(error.description)\n")
            throw ExitCode(2)
        }
    }
}
