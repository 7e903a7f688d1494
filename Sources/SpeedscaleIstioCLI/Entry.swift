import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the root command and maps errors to the tool's exit codes: 0 success, 1 a
/// workload could not be injected (or a check failed), 2 bad usage or bad input.
@main
enum Entry {
    static func main() {
        do {
            var command = try SpeedscaleIstioCommand.parseAsRoot()
            try command.run()
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

/// Ends the process with `code`.
func exitProcess(_ code: Int32) -> Never {
    exit(code)
}
