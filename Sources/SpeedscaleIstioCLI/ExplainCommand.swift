import ArgumentParser
import SpeedscaleIstio

/// `explain ID`: print one rule of the lint catalogue in full.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a lint rule: what it checks, why, how to fix it, and examples."
    )

    @Argument(
        help: ArgumentHelp("The rule ID, e.g. SS005 (see lint --list-rules).", valueName: "id"),
        completion: .list(RuleRegistry.ids))
    var id: String

    func run() throws {
        guard let rule = RuleRegistry.rule(id) else {
            let hint = RuleCatalogue.suggestion(for: id).map { "; did you mean \($0)?" } ?? ""
            StandardError.write("error: unknown rule \"\(id)\"\(hint) (see lint --list-rules)\n")
            throw ExitCode(2)
        }
        StandardOutput.write(Array(RuleCatalogue.explanation(rule.description).utf8))
    }
}
