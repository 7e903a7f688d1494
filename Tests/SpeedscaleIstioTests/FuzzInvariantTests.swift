import SpeedscaleIstioChecks
import Testing
import TestSupport

/// The invariants of the inject, uninject and lint fuzz targets (SpeedscaleIstioChecks),
/// replayed without a fuzzer over the inputs they once failed on (`Fuzz/FailCases/<target>/`,
/// whose first byte chooses the options), the fixtures and the shared corpus (under a few
/// option bytes each).
@Suite struct FuzzInvariantTests {
    /// Option bytes the fixtures are checked under: the defaults; forward with socks5, tls-out
    /// and --overwrite; ebpf; dual with --no-proxy and --lowercase-env; transparent with tls-out.
    static let fixtureOptions: [UInt8] = [0x00, 0x72, 0x04, 0x81, 0x23]
    /// Option bytes the (large) corpus files are checked under.
    static let corpusOptions: [UInt8] = [0x00, 0xE2]

    /// What the check named `name` finds in `input`.
    static func violations(_ name: String, _ input: [UInt8]) -> [String]? {
        switch name {
        case InjectCheck.name: InjectCheck.violations(of: input)
        case UninjectCheck.name: UninjectCheck.violations(of: input)
        case LintCheck.name: LintCheck.violations(of: input)
        default: nil
        }
    }

    /// One saved input of one check.
    struct SavedCase: Sendable, CustomTestStringConvertible {
        let check: String
        let file: String
        var testDescription: String { "\(check)/\(file)" }
    }

    static let savedCases = [InjectCheck.name, UninjectCheck.name, LintCheck.name].flatMap { check in
        FuzzReplay.failCases(check).map { SavedCase(check: check, file: $0) }
    }

    @Test(arguments: savedCases)
    func savedFailCasesHoldEveryInvariant(_ saved: SavedCase) throws {
        let bytes = try FuzzReplay.failCase(saved.check, saved.file)
        #expect(Self.violations(saved.check, bytes) == [])
    }

    @Test func optionBytesChooseTheOptions() {
        #expect(FuzzOptions(byte: 0x00).description.hasPrefix("byte 0: "))
        let forward = FuzzOptions(byte: 0x72).options
        #expect(forward.request.mode == .forward)
        #expect(forward.request.forwardProtocol == .socks5)
        #expect(forward.request.tlsOut == true)
        #expect(forward.overwrite)
        let noProxy = FuzzOptions(byte: 0x81).options
        #expect(noProxy.request.noProxy == [".svc", "10.96.0.1"])
        #expect(noProxy.request.lowercaseEnv == true)
        #expect(!noProxy.overwrite)
        // Every runtime choice is reachable from some byte.
        let runtimes = Set((0...255).map { FuzzOptions(byte: UInt8($0)).options.request.hints.runtime?.rawValue ?? "unset" })
        #expect(runtimes.count == 1 + 1 + 7, "\(runtimes.sorted())")
    }

    @Test(arguments: FuzzReplay.fixtureFiles)
    func fixturesHoldEveryInvariant(_ name: String) throws {
        let bytes = try FuzzReplay.fixture(name)
        for byte in Self.fixtureOptions {
            let inject = InjectCheck.violations(of: [byte] + bytes)
            #expect(inject == [], "option byte \(byte)")
            #expect(UninjectCheck.violations(of: [byte] + bytes) == [])
        }
        #expect(LintCheck.violations(of: bytes) == [])
    }

    @Test(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"), arguments: ProjectPaths.corpusFiles.map(ProjectPaths.corpusName))
    func corpusFilesHoldEveryInvariant(_ name: String) throws {
        let bytes = try FuzzReplay.corpusFile(name)
        for byte in Self.corpusOptions {
            #expect(InjectCheck.violations(of: [byte] + bytes) == [])
            #expect(UninjectCheck.violations(of: [byte] + bytes) == [])
        }
        #expect(LintCheck.violations(of: bytes) == [])
    }
}
