/// Joins the outputs of several inputs into one valid YAML stream.
enum StreamJoiner {
    static func join(_ outputs: [[UInt8]]) -> [UInt8] {
        guard outputs.count > 1 else { return outputs.first ?? [] }
        var joined: [UInt8] = []
        for output in outputs where !output.isEmpty {
            if !joined.isEmpty {
                if joined.last != 0x0A { joined.append(0x0A) }
                if !startsWithDocumentMarker(output) { joined += Array("---\n".utf8) }
            }
            joined += output
        }
        return joined
    }

    private static func startsWithDocumentMarker(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        return body.starts(with: Array("---".utf8)) && (body.count == 3 || [0x0A, 0x0D, 0x20].contains(body[body.startIndex + 3]))
    }
}
