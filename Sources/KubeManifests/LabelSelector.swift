/// A label selector in kubectl's `-l` syntax: comma-separated requirements, all of which
/// must hold (`app=web`, `tier!=db`, `env in (prod,staging)`, `env notin (dev)`, `canary`,
/// `!legacy`, `replicas>2`).
public struct LabelSelector: Sendable, Equatable, CustomStringConvertible {
    /// How a requirement compares a label.
    public enum Operator: Sendable, Equatable {
        /// `k=v`, `k==v` or `k in (…)`: the label is present with one of the values.
        case `in`
        /// `k!=v` or `k notin (…)`: the label is absent, or has none of the values.
        case notIn
        /// `k`: the label is present.
        case exists
        /// `!k`: the label is absent.
        case doesNotExist
        /// `k>n`: the label is present and is an integer greater than `n`.
        case greaterThan
        /// `k<n`: the label is present and is an integer less than `n`.
        case lessThan
    }

    /// One condition on one label.
    public struct Requirement: Sendable, Equatable, CustomStringConvertible {
        /// The label key.
        public let key: String
        /// The comparison.
        public let `operator`: Operator
        /// The values compared with (empty for `exists` and `doesNotExist`), in the order written.
        public let values: [String]
        /// Whether the requirement was written with `=`/`==`/`!=` rather than a set.
        let isEquality: Bool

        /// Whether `labels` meet this requirement.
        public func matches(_ labels: [String: String]) -> Bool {
            let value = labels[key]
            switch self.operator {
            case .in: return value.map(values.contains) ?? false
            case .notIn: return value.map { !values.contains($0) } ?? true
            case .exists: return value != nil
            case .doesNotExist: return value == nil
            case .greaterThan, .lessThan:
                guard let label = value.flatMap({ Int64($0) }), let bound = values.first.flatMap({ Int64($0) }) else { return false }
                return self.operator == .greaterThan ? label > bound : label < bound
            }
        }

        /// The requirement in kubectl's syntax.
        public var description: String {
            switch self.operator {
            case .in: return isEquality ? "\(key)=\(values[0])" : "\(key) in (\(values.joined(separator: ",")))"
            case .notIn: return isEquality ? "\(key)!=\(values[0])" : "\(key) notin (\(values.joined(separator: ",")))"
            case .exists: return key
            case .doesNotExist: return "!\(key)"
            case .greaterThan: return "\(key)>\(values[0])"
            case .lessThan: return "\(key)<\(values[0])"
            }
        }
    }

    /// Why a selector does not parse.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, naming the offending text.
        public let description: String
    }

    /// The requirements, all of which must hold. None selects everything.
    public let requirements: [Requirement]

    /// Parses kubectl's selector syntax. An empty or blank text selects everything.
    /// - Throws: ``ParseError`` naming what is wrong.
    public init(parsing text: String) throws(ParseError) {
        var parser = SelectorParser(tokens: try SelectorLexer.tokens(of: text))
        requirements = try parser.requirements()
    }

    /// Whether `labels` meet every requirement.
    public func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { $0.matches(labels) }
    }

    /// The selector in kubectl's syntax.
    public var description: String {
        requirements.map(\.description).joined(separator: ",")
    }
}

/// A token of the selector syntax.
private enum SelectorToken: Equatable {
    case identifier(String)
    case not, equals, doubleEquals, notEquals, greaterThan, lessThan
    case open, close, comma

    var text: String {
        switch self {
        case .identifier(let name): return "'\(name)'"
        case .not: return "'!'"
        case .equals: return "'='"
        case .doubleEquals: return "'=='"
        case .notEquals: return "'!='"
        case .greaterThan: return "'>'"
        case .lessThan: return "'<'"
        case .open: return "'('"
        case .close: return "')'"
        case .comma: return "','"
        }
    }
}

/// Splits a selector into tokens: identifiers run up to white space or one of `!=(),<>`.
private enum SelectorLexer {
    static func tokens(of text: String) throws(LabelSelector.ParseError) -> [SelectorToken] {
        let characters = Array(text)
        var tokens: [SelectorToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case _ where character.isWhitespace: index += 1; continue
            case "!": tokens.append(next == "=" ? .notEquals : .not)
            case "=": tokens.append(next == "=" ? .doubleEquals : .equals)
            case ">": tokens.append(.greaterThan)
            case "<": tokens.append(.lessThan)
            case "(": tokens.append(.open)
            case ")": tokens.append(.close)
            case ",": tokens.append(.comma)
            default:
                var end = index
                while end < characters.count, !isSeparator(characters[end]) { end += 1 }
                tokens.append(.identifier(String(characters[index..<end])))
                index = end
                continue
            }
            index += tokens.last == .notEquals || tokens.last == .doubleEquals ? 2 : 1
        }
        return tokens
    }

    private static func isSeparator(_ character: Character) -> Bool {
        character.isWhitespace || "!=(),<>".contains(character)
    }
}

/// Reads requirements from the tokens, checking keys and values as the API server does.
private struct SelectorParser {
    let tokens: [SelectorToken]
    var position = 0

    init(tokens: [SelectorToken]) {
        self.tokens = tokens
    }

    mutating func requirements() throws(LabelSelector.ParseError) -> [LabelSelector.Requirement] {
        var requirements: [LabelSelector.Requirement] = []
        guard !tokens.isEmpty else { return requirements }
        while true {
            requirements.append(try requirement())
            guard let token = take() else { return requirements }
            guard token == .comma else { throw failure("found \(token.text), expected ',' or the end") }
        }
    }

    private mutating func requirement() throws(LabelSelector.ParseError) -> LabelSelector.Requirement {
        if peek() == .not {
            position += 1
            return .init(key: try key(), operator: .doesNotExist, values: [], isEquality: false)
        }
        let key = try key()
        guard let token = peek(), token != .comma else {
            return .init(key: key, operator: .exists, values: [], isEquality: false)
        }
        position += 1
        switch token {
        case .equals, .doubleEquals: return .init(key: key, operator: .in, values: [try exactValue()], isEquality: true)
        case .notEquals: return .init(key: key, operator: .notIn, values: [try exactValue()], isEquality: true)
        case .greaterThan, .lessThan:
            let bound = try exactValue()
            guard Int64(bound) != nil else { throw failure("\(key): '\(bound)' is not an integer, as \(token.text) needs") }
            return .init(key: key, operator: token == .greaterThan ? .greaterThan : .lessThan, values: [bound], isEquality: false)
        case .identifier("in"): return .init(key: key, operator: .in, values: try valueSet(for: key), isEquality: false)
        case .identifier("notin"): return .init(key: key, operator: .notIn, values: try valueSet(for: key), isEquality: false)
        default: throw failure("found \(token.text) after '\(key)', expected an operator (=, ==, !=, in, notin, >, <), ',' or the end")
        }
    }

    private mutating func key() throws(LabelSelector.ParseError) -> String {
        guard case .identifier(let key)? = take() else {
            throw failure("expected a label key\(position <= tokens.count ? ", found \(tokens[position - 1].text)" : " at the end")")
        }
        if let problem = LabelSyntax.keyProblem(key) { throw failure("invalid label key '\(key)': \(problem)") }
        return key
    }

    /// The value after `=`, `==`, `!=`, `>` or `<`: an identifier, or empty before ',' or the end.
    private mutating func exactValue() throws(LabelSelector.ParseError) -> String {
        switch peek() {
        case nil, .comma?: return ""
        case .identifier(let value)?:
            position += 1
            return try checked(value)
        case let token?: throw failure("found \(token.text), expected a value")
        }
    }

    /// The values of `in (…)` or `notin (…)`.
    private mutating func valueSet(for key: String) throws(LabelSelector.ParseError) -> [String] {
        guard take() == .open else { throw failure("expected '(' after \(key)'s set operator") }
        var values: [String] = []
        var expectsValue = true
        while let token = take() {
            switch token {
            case .close:
                if expectsValue && !values.isEmpty { values.append("") }
                guard !values.isEmpty else { throw failure("\(key): the set of values cannot be empty") }
                return values
            case .comma:
                if expectsValue { values.append("") }
                expectsValue = true
            case .identifier(let value) where expectsValue:
                values.append(try checked(value))
                expectsValue = false
            default:
                throw failure("found \(token.text) in the values of \(key), expected a value, ',' or ')'")
            }
        }
        throw failure("missing ')' after the values of \(key)")
    }

    private func checked(_ value: String) throws(LabelSelector.ParseError) -> String {
        if let problem = LabelSyntax.valueProblem(value) { throw failure("invalid label value '\(value)': \(problem)") }
        return value
    }

    private func peek() -> SelectorToken? {
        position < tokens.count ? tokens[position] : nil
    }

    private mutating func take() -> SelectorToken? {
        defer { position += 1 }
        return peek()
    }

    private func failure(_ message: String) -> LabelSelector.ParseError {
        LabelSelector.ParseError(description: message)
    }
}
