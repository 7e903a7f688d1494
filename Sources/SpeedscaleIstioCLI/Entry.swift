import ArgumentParser
#if canImport(Glibc)
import CMalloc
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the root command and maps errors to the tool's exit codes: 0 success, 1 a
/// workload could not be injected (or a check failed), 2 bad usage or bad input.
package enum Entry {
    /// Parses the command line, runs the command and exits. `__complete WORDS…` answers a
    /// completion request instead (what the shell scripts ask), and
    /// `--generate-completion-script SHELL` prints the same script as `completion SHELL`.
    package static func main() -> Never {
        #if canImport(Glibc)
        // glibc raises its mmap threshold whenever a large block is freed; after that the large,
        // short-lived buffers of a long run (a window's nodes, its output) come from the heap,
        // where freed memory stays with the process. A fixed threshold gives them back.
        _ = mallopt(M_MMAP_THRESHOLD, 128 << 10)
        #endif
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "__complete" {
            complete(Array(arguments.dropFirst()))
        }
        if let shell = CompletionRequest.scriptShell(in: arguments) {
            StandardOutput.write(Array(shell.script.utf8))
            exitProcess(0)
        }
        do {
            var command = try SpeedscaleIstioCommand.parseAsRoot()
            try command.run()
            exitProcess(0)
        } catch {
            let code = SpeedscaleIstioCommand.exitCode(for: error)
            if code == .success {
                SpeedscaleIstioCommand.exit(withError: error)
            }
            if let exit = error as? ExitCode {
                exitProcess(exit.rawValue)
            }
            let message = SpeedscaleIstioCommand.fullMessage(for: error)
            if !message.isEmpty { StandardError.write(message + "\n") }
            exitProcess(code == .validationFailure ? 2 : (code.rawValue == 1 ? 1 : 2))
        }
    }
}

extension Entry {
    /// Answers one completion request: `words` are those typed after the plugin's name, the
    /// last one being completed. Prints the candidates and the directive, and exits 0.
    package static func complete(_ words: [String]) -> Never {
        do {
            let engine = CompletionEngine(tree: try CommandTree.load())
            StandardOutput.write(Array(engine.complete(words).text().utf8))
        } catch {
            StandardError.write("error: cannot read the command definitions: \(error)\n")
            StandardOutput.write(Array(CompletionReply(candidates: [], directive: .error).text().utf8))
        }
        exitProcess(0)
    }
}

/// Ends the process with `code`.
func exitProcess(_ code: Int32) -> Never {
    exit(code)
}
