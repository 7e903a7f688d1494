import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The command tree as argument-parser itself describes it (the `--experimental-dump-help`
/// JSON): every subcommand, flag, option, value list and completion kind, read from the
/// command definitions so that completion and the KRM function keep no list of their own.
struct CommandTree: Sendable {
    /// The root command.
    let root: CommandNode
    /// The name of the subcommand that runs when none is named (`inject`).
    let defaultSubcommand: String?

    /// The tree of ``SpeedscaleIstioCommand``.
    static func load() throws -> CommandTree {
        let json = Data(SpeedscaleIstioCommand._dumpHelp().utf8)
        let dump = try JSONDecoder().decode(Dump.self, from: json)
        return CommandTree(root: dump.command, defaultSubcommand: SpeedscaleIstioCommand.configuration.defaultSubcommand?._commandName)
    }

    /// The subcommand of the root named `name`.
    func command(_ name: String) -> CommandNode? {
        root.subcommand(named: name)
    }

    /// The top level of the dump.
    private struct Dump: Decodable {
        let command: CommandNode
    }
}

/// One command of the tree.
struct CommandNode: Decodable, Sendable {
    /// The name typed to run it (`inject`).
    let commandName: String
    /// Its one-line description.
    let abstract: String?
    /// Whether help lists it (false for hidden commands).
    let shouldDisplay: Bool
    /// Its subcommands, in order.
    let subcommands: [CommandNode]?
    /// Its flags, options and positional arguments, in order, with those it inherits.
    let arguments: [ArgumentNode]?

    /// The subcommands help lists.
    var visibleSubcommands: [CommandNode] { (subcommands ?? []).filter(\.shouldDisplay) }

    /// The visible subcommand named `name`.
    func subcommand(named name: String) -> CommandNode? {
        visibleSubcommands.first { $0.commandName == name }
    }

    /// The flags and options (not positional arguments) help lists.
    var namedArguments: [ArgumentNode] { (arguments ?? []).filter { $0.kind != .positional && $0.shouldDisplay } }

    /// The positional arguments, in order.
    var positionals: [ArgumentNode] { (arguments ?? []).filter { $0.kind == .positional } }

    /// The flag or option spelled `spelling` (`--protocol`, `-f`).
    func argument(spelled spelling: String) -> ArgumentNode? {
        namedArguments.first { $0.spellings.contains(spelling) }
    }

    /// The flag or option whose long name is `name` (`protocol`).
    func argument(longName name: String) -> ArgumentNode? {
        namedArguments.first { $0.names.contains { $0.kind == .long && $0.name == name } }
    }
}

/// One flag, option or positional argument of a command.
struct ArgumentNode: Decodable, Sendable {
    /// What kind of argument it is.
    enum Kind: String, Decodable, Sendable {
        case positional, option, flag
    }

    /// One of its names.
    struct Name: Decodable, Sendable, Equatable {
        /// How the name is spelled.
        enum Kind: String, Decodable, Sendable {
            case long, short, longWithSingleDash
        }

        let kind: Kind
        let name: String

        /// The name as typed: `--name`, `-n` or `-name`.
        var spelled: String { kind == .long ? "--" + name : "-" + name }
    }

    /// What the shell should offer for its value.
    enum Completion: Decodable, Sendable, Equatable {
        /// One of these words.
        case list([String])
        /// A file name, with one of these extensions when any are given.
        case file(extensions: [String])
        /// A directory name.
        case directory
        /// Something this tree does not describe (a shell command, a custom function).
        case other

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        private struct Values: Decodable {
            let values: [String]?
            let extensions: [String]?
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            guard let key = container.allKeys.first else {
                self = .other
                return
            }
            let values = try? container.decode(Values.self, forKey: key)
            switch key.stringValue {
            case "list": self = .list(values?.values ?? [])
            case "file": self = .file(extensions: values?.extensions ?? [])
            case "directory": self = .directory
            default: self = .other
            }
        }
    }

    let kind: Kind
    /// Whether help lists it.
    let shouldDisplay: Bool
    /// The help section it is listed under (`Input`, `Output`), when it has one.
    let sectionTitle: String?
    /// Whether it may be given more than once.
    let isRepeating: Bool
    /// Its one-line description.
    let abstract: String?
    /// The values its type accepts, when they are a fixed set.
    let allValues: [String]?
    /// What the shell should offer for its value.
    let completionKind: Completion?
    private let namesInDump: [Name]?

    private enum CodingKeys: String, CodingKey {
        case kind, shouldDisplay, sectionTitle, isRepeating, abstract, allValues, completionKind
        case namesInDump = "names"
    }

    /// Its names (none for a positional argument).
    var names: [Name] { namesInDump ?? [] }

    /// Its names as typed.
    var spellings: [String] { names.map(\.spelled) }

    /// Its long name, when it has one.
    var longName: String? { names.first { $0.kind == .long }?.name }

    /// Whether a value follows it.
    var takesValue: Bool { kind != .flag }
}
