import Foundation
import SpliceYAML
import Testing
import TestSupport

/// Properties of the positioned tree over every real manifest in ../shared/corpus.
@Suite(.enabled(if: ProjectPaths.corpusIsPresent, "../shared/corpus is absent"))
struct CorpusRangeTests {
    static let files = ProjectPaths.corpusFiles.map(ProjectPaths.corpusName)

    @Test(arguments: files)
    func everyNodeRangeCoversItsOwnText(_ name: String) throws {
        let url = ProjectPaths.corpus.appendingPathComponent(name)
        let source = YAMLSource(try ProjectPaths.bytes(url))
        guard let stream = try? YAMLStream(parsing: source) else { return }  // unparsable files: see the inject tests
        var identity: [Edit] = []
        func visit(_ node: YAMLNode) {
            let text = source.text(node.contentStart..<node.end)
            switch node.kind {
            case .scalar:
                switch node.scalarStyle {
                case .plain where !node.value.contains("\n") && !text.contains("\n"):
                    #expect(text == node.value, "plain scalar at \(source.location(ofByte: node.start))")
                case .doubleQuoted:
                    #expect(text.hasPrefix("\"") && text.hasSuffix("\""), "double-quoted scalar at \(source.location(ofByte: node.start))")
                case .singleQuoted:
                    #expect(text.hasPrefix("'") && text.hasSuffix("'"), "single-quoted scalar at \(source.location(ofByte: node.start))")
                case .literal, .folded:
                    #expect(text.hasPrefix("|") || text.hasPrefix(">"), "block scalar at \(source.location(ofByte: node.start))")
                default:
                    break
                }
                identity.append(Edit(range: node.range, replacement: Array(source.bytes[node.range])))
            case .mapping, .sequence:
                if node.isFlow {
                    #expect(text.hasPrefix(node.kind == .mapping ? "{" : "["), "flow collection at \(source.location(ofByte: node.start))")
                    #expect(text.hasSuffix(node.kind == .mapping ? "}" : "]"), "flow collection at \(source.location(ofByte: node.start))")
                }
                for pair in node.pairs {
                    #expect(pair.key.start <= pair.value.start)
                    visit(pair.key)
                    visit(pair.value)
                }
                for item in node.items { visit(item) }
            case .alias:
                #expect(text == "*" + node.value)
            }
        }
        for document in stream.documents { visit(document.root) }
        // Splicing every scalar back onto itself must give the file byte for byte.
        #expect(try source.applying(identity) == source.bytes)
        #expect(try source.applying([]) == source.bytes)
    }
}
