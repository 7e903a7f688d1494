@testable import SpeedscaleIstioCLI
import Testing

/// `--max-input-size` values: bytes, binary units (powers of 1024) and decimal ones (powers of 1000).
@Suite struct ByteCountTests {
    @Test(arguments: [
        ("268435456", 268_435_456), ("256MiB", 256 << 20), ("256mib", 256 << 20), ("64Mi", 64 << 20), ("1KiB", 1024),
        ("1Ki", 1024), ("1K", 1000), ("1k", 1000), ("500KB", 500_000), ("2M", 2_000_000), ("1GB", 1_000_000_000),
        ("1GiB", 1 << 30), ("10B", 10),
    ])
    func sizesAreRead(_ text: String, _ bytes: Int) {
        #expect(ByteCount(argument: text)?.bytes == bytes)
    }

    @Test(arguments: ["", "0", "0MiB", "-1", "1.5GiB", "12XB", "MiB", "1 MiB", "99999999999999GiB", "1TiB"])
    func otherTextIsRefused(_ text: String) {
        #expect(ByteCount(argument: text) == nil)
    }

    @Test func sizesAreShownInTheLargestUnitThatDividesThem() {
        #expect(ByteCount(bytes: 256 << 20).description == "256MiB")
        #expect(ByteCount(bytes: 256 << 20).spelled == "256 MiB")
        #expect(ByteCount(bytes: 3 << 30).spelled == "3 GiB")
        #expect(ByteCount(bytes: 1536).spelled == "1536 bytes")
        #expect(ByteCount(bytes: 1000).spelled == "1000 bytes")
    }
}
