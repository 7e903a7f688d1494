import ArgumentParser
import KubeManifests

/// The flag that picks workloads by label, shared by the subcommands that change workloads.
struct SelectionOptions: ParsableArguments {
    @Option(
        name: [.customShort("l"), .customLong("selector")],
        help: ArgumentHelp(
            "Only workloads whose metadata.labels match this selector (kubectl syntax: app=web,tier!=db, env in (a,b), !legacy).",
            valueName: "selector"),
        transform: { text in
            do {
                return try LabelSelector(parsing: text)
            } catch {
                throw ValidationError("\(error)")
            }
        })
    var selector: LabelSelector?
}
