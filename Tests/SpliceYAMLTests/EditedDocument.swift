import SpliceYAML
import Testing

/// The result of planning edits on the first document of a text and applying them.
struct EditedDocument {
    /// The edited bytes, as text.
    var text: String
    /// The edited bytes.
    var source: YAMLSource
    /// The first document's root after the edit (the output must parse).
    var root: YAMLNode

    /// Parses `input`, plans edits on its first document with `plan`, applies them and parses
    /// the output.
    init(_ input: String, _ plan: (YAMLEditor, YAMLNode) throws -> [Edit]) throws {
        let original = YAMLSource(input)
        let document = try #require(YAMLStream(parsing: original).documents.first)
        let output = try original.applying(try plan(YAMLEditor(source: original, document: document), document.root))
        source = YAMLSource(output)
        text = String(decoding: output, as: UTF8.self)
        root = try #require(try YAMLStream(parsing: source).documents.first?.root)
    }
}

/// The text and root of `input` after the edits `plan` makes on its first document.
func edited(_ input: String, _ plan: (YAMLEditor, YAMLNode) throws -> [Edit]) throws -> (String, YAMLNode) {
    let result = try EditedDocument(input, plan)
    return (result.text, result.root)
}
