import SpeedscaleIstio

/// The inject options a fuzz input asks for with its first byte (the rest is the document),
/// so that the fuzzer explores the options along with the documents:
/// - bits 0-2: `--mode` (unset, dual, forward, transparent, ebpf, unset, dual, forward);
/// - bits 3-4: `--protocol` (unset, http, socks5, socks4);
/// - bit 5: `--tls-out`;
/// - bit 6: `--overwrite`;
/// - bit 7: `--no-proxy .svc,10.96.0.1` and `--lowercase-env`;
/// - the byte scrambled: `--runtime` (unset, auto or one runtime), `--env-via annotation`,
///   `--istio-cni`, `--outbound-port 5140`.
public struct FuzzOptions: Sendable, CustomStringConvertible {
    /// The options the byte chose.
    public let options: InjectOptions
    /// The byte.
    public let byte: UInt8

    /// The options `byte` chooses.
    public init(byte: UInt8) {
        self.byte = byte
        var options = InjectOptions()
        let modes: [CaptureProfile?] = [nil, .dual, .forward, .transparent, .ebpf, nil, .dual, .forward]
        options.request.mode = modes[Int(byte & 7)]
        let protocols: [ForwardProtocol?] = [nil, .http, .socks5, .socks4]
        options.request.forwardProtocol = protocols[Int(byte >> 3 & 3)]
        if byte & 0x20 != 0 { options.request.tlsOut = true }
        options.overwrite = byte & 0x40 != 0
        if byte & 0x80 != 0 {
            options.request.noProxy = [".svc", "10.96.0.1"]
            options.request.lowercaseEnv = true
        }
        // Multiplying by an odd number permutes the bytes: the other choices vary with every bit.
        let scrambled = Int(byte &* 0x9D)
        let runtimes: [RuntimeChoice?] = [nil] + RuntimeChoice.allCases
        options.request.hints.runtime = runtimes[scrambled % runtimes.count]
        if scrambled & 0x10 != 0 { options.request.environmentPlacement = .annotation }
        if scrambled & 0x40 != 0 { options.request.istioCNI = true }
        if scrambled & 0x80 != 0 { options.request.outboundPort = 5140 }
        self.options = options
    }

    /// Splits an input into its options byte and its document (an empty input: defaults, no document).
    public static func split(_ input: [UInt8]) -> (FuzzOptions, [UInt8]) {
        guard let first = input.first else { return (FuzzOptions(byte: 0), []) }
        return (FuzzOptions(byte: first), Array(input.dropFirst()))
    }

    /// The options as command-line flags, for the messages of a failed check.
    public var description: String {
        let request = options.request
        var flags: [String] = []
        if let mode = request.mode { flags.append("--mode \(mode.rawValue)") }
        if let forward = request.forwardProtocol { flags.append("--protocol \(forward.rawValue)") }
        if request.tlsOut == true { flags.append("--tls-out") }
        if options.overwrite { flags.append("--overwrite") }
        if let hosts = request.noProxy { flags.append("--no-proxy \(hosts.joined(separator: ","))") }
        if request.lowercaseEnv == true { flags.append("--lowercase-env") }
        if let runtime = request.hints.runtime { flags.append("--runtime \(runtime.rawValue)") }
        if request.environmentPlacement == .annotation { flags.append("--env-via annotation") }
        if request.istioCNI == true { flags.append("--istio-cni") }
        if let port = request.outboundPort { flags.append("--outbound-port \(port)") }
        return "byte \(byte): " + (flags.isEmpty ? "(defaults)" : flags.joined(separator: " "))
    }
}
