import SpliceYAML
import Testing

/// Every parse error points at a real character of the input, or at its end.
@Suite struct ErrorPositionTests {
    static let inputs: [[UInt8]] = [
        Array("a: [1, 2\n".utf8),
        Array("a: 'x".utf8),
        Array("a:\n\tb: 1\n".utf8),
        Array("a: 1\rb: [\r".utf8),
        Array("a: 1\u{85}b: c: d\u{2028}".utf8),
        Array("\u{FEFF}a: {".utf8),
        Array("a: b\n".utf8) + [0xFF] + Array("\n".utf8),
        Array("name: caf".utf8) + [0xC3],
        Array("a: \"x".utf8) + [0x00] + Array("\"\n".utf8),
        Array("- a\n- b\n  c: d\n".utf8),
        Array("key: \"\\q\"\n".utf8),
        Array("a: *nothing\n".utf8),
        Array(String(repeating: "[", count: 2_000).utf8),
        Array("%YAML 1.1\n%YAML 1.1\n---\n".utf8),
        Array("a: 1\n... x\n".utf8),
        Array("é: [ü\r\n".utf8),
    ]

    @Test(arguments: inputs.indices)
    func theErrorPointsInsideTheInput(_ index: Int) throws {
        let source = YAMLSource(Self.inputs[index])
        let error = try #require(throws: YAMLParseError.self) { try YAMLStream(parsing: source) }
        // The locations of every offset, the end included, are the places that exist.
        let places = Set((0...source.bytes.count).map(source.location(ofByte:)))
        #expect(places.contains(error.location), "\(error) for input \(index)")
    }
}
