import Foundation

/// What one run of the built `kubectl-speedscale_istio` printed and returned.
public struct ToolRun: Sendable {
    /// Standard output, as bytes.
    public let stdout: [UInt8]
    /// Standard error, as text.
    public let stderr: String
    /// The exit status.
    public let status: Int32

    /// Standard output as text.
    public var output: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs the built executable, as the end-to-end tests do.
public enum ToolRunner {
    /// The built executable: `SPEEDSCALE_ISTIO_BIN` when set, else the one beside the test bundle.
    public static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["SPEEDSCALE_ISTIO_BIN"] {
            return URL(fileURLWithPath: path)
        }
        return built("kubectl-speedscale_istio")
    }

    /// The built completion executable, `kubectl_complete-speedscale_istio`: beside
    /// `SPEEDSCALE_ISTIO_BIN` when that is set, else beside the test bundle.
    public static var completionExecutable: URL {
        if let path = ProcessInfo.processInfo.environment["SPEEDSCALE_ISTIO_BIN"] {
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("kubectl_complete-speedscale_istio")
        }
        return built("kubectl_complete-speedscale_istio")
    }

    /// The product `name` beside the test bundle, else in `.build/debug`.
    private static func built(_ name: String) -> URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory = directory.deletingLastPathComponent() }
        let beside = directory.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return ProjectPaths.root.appendingPathComponent(".build/debug/\(name)")
    }

    /// Runs the tool with `arguments`, feeding `stdin`, in `directory` (the package root by default).
    public static func run(
        _ arguments: [String], stdin: [UInt8] = [], directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> ToolRun {
        try runProgram(executable, arguments, stdin: stdin, directory: directory, environment: environment)
    }

    /// Runs any program and collects what it prints.
    public static func runProgram(
        _ program: URL, _ arguments: [String], stdin: [UInt8] = [], directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> ToolRun {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? ProjectPaths.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(stdin))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let errorBox = DataBox()
        let reader = Thread {
            errorBox.data = error.fileHandleForReading.readDataToEndOfFile()
        }
        reader.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorBox.done { usleep(1000) }
        return ToolRun(stdout: [UInt8](outData), stderr: String(decoding: errorBox.data, as: UTF8.self), status: process.terminationStatus)
    }

    /// Finds a program on `PATH`.
    public static func which(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

/// Data handed from a reader thread.
private final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    private var finished = false

    var data: Data {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue; finished = true } }
    }

    var done: Bool { lock.withLock { finished } }
}
