import ArgumentParser

/// A size in bytes as a user writes it on the command line: `268435456`, `256MiB`, `64Mi`,
/// `500KB`. Binary units (`Ki`, `Mi`, `Gi`, with or without a trailing `B`) are powers of 1024
/// and decimal ones (`K`/`k`, `M`, `G`, with or without `B`) powers of 1000, as in Kubernetes
/// quantities.
struct ByteCount: ExpressibleByArgument, CustomStringConvertible, Equatable {
    /// The number of bytes, at least 1.
    let bytes: Int

    /// A size of `bytes` bytes.
    init(bytes: Int) {
        self.bytes = bytes
    }

    /// The units and their sizes, matched without regard to case.
    private static let units: [String: Int] = [
        "": 1, "b": 1,
        "k": 1_000, "kb": 1_000, "ki": 1 << 10, "kib": 1 << 10,
        "m": 1_000_000, "mb": 1_000_000, "mi": 1 << 20, "mib": 1 << 20,
        "g": 1_000_000_000, "gb": 1_000_000_000, "gi": 1 << 30, "gib": 1 << 30,
    ]

    /// Reads `64MiB` and the like; nil for anything else (a fraction, a negative number, zero,
    /// an unknown unit, or a size too large to count).
    init?(argument: String) {
        let digits = argument.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits), number > 0,
              let unit = Self.units[argument.dropFirst(digits.count).lowercased()]
        else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        bytes = product
    }

    /// The size in the largest binary unit that divides it (`256MiB`), else in bytes.
    var description: String { formatted(separator: "") }

    /// The size in words for messages: `256 MiB`, `1000 bytes`.
    var spelled: String { formatted(separator: " ") }

    /// The size in the largest binary unit that divides it, `separator` before the unit.
    private func formatted(separator: String) -> String {
        for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes % size == 0 {
            return "\(bytes / size)\(separator)\(unit)"
        }
        return "\(bytes) bytes"
    }
}
