/// What profiles resolved to (under every runtime, or under the settings' own), remembered
/// for the workloads planned after: the workloads of one input mostly share their settings,
/// and resolving a profile for every runtime is the costliest step of planning one. Used by
/// one thread at a time (each thread that plans workloads has its own, kept across the runs
/// of workloads it takes, hence unchecked Sendable); it forgets everything past a few
/// thousand entries, so its size does not grow with the input.
final class ResolutionMemo: @unchecked Sendable {
    private struct Key: Hashable {
        let profile: CaptureProfile
        let settings: ProfileSettings
        let facts: EntryFacts
        /// Whether the entries are those of every runtime, or of the settings' own.
        let everyRuntime: Bool
    }

    /// How many resolutions are kept before the memo starts again.
    private static let capacity = 4_096
    private var entries: [Key: [ResolvedEntry]] = [:]

    /// Makes an empty memo.
    init() {}

    /// `profile.resolveForEveryRuntime(settings, facts: facts)`, resolved once.
    func everyRuntime(_ profile: CaptureProfile, _ settings: ProfileSettings, facts: EntryFacts) -> [ResolvedEntry] {
        remembered(profile, settings, facts: facts, everyRuntime: true)
    }

    /// `profile.resolve(settings, facts: facts)`, resolved once.
    func resolve(_ profile: CaptureProfile, _ settings: ProfileSettings, facts: EntryFacts) -> [ResolvedEntry] {
        remembered(profile, settings, facts: facts, everyRuntime: false)
    }

    private func remembered(_ profile: CaptureProfile, _ settings: ProfileSettings, facts: EntryFacts, everyRuntime: Bool) -> [ResolvedEntry] {
        // Facts the profile does not read are left out (of the key and of the resolution
        // alike), so that workloads that differ only in them share one resolution. An app
        // port is resolved as a stand-in and put back after, so that workloads that differ
        // only in their ports share one too.
        var read = profile.factsRead(facts)
        let port = read.appPort
        if port != nil { read.appPort = Self.standInPort }
        let key = Key(profile: profile, settings: settings, facts: read, everyRuntime: everyRuntime)
        let resolved: [ResolvedEntry]
        if let known = entries[key] {
            resolved = known
        } else {
            resolved = everyRuntime ? profile.resolveForEveryRuntime(settings, facts: read) : profile.resolve(settings, facts: read)
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = resolved
        }
        guard let port, port != Self.standInPort else { return resolved }
        return Self.replacingStandInPort(in: resolved, with: port, places: profile.appPortPlaces)
    }

    /// The port profiles are resolved with in place of a workload's app port (no port is 0).
    private static let standInPort = 0

    /// `resolved` with the stand-in port's text at `places` (those of the entries derived
    /// from the app port) replaced by `port`'s.
    private static func replacingStandInPort(in resolved: [ResolvedEntry], with port: Int, places: [EntryPlace]) -> [ResolvedEntry] {
        let standIn = String(standInPort)
        var entries = resolved
        for index in entries.indices where entries[index].value == standIn && places.contains(entries[index].place) {
            let entry = entries[index]
            entries[index] = ResolvedEntry(place: entry.place, value: String(port), role: entry.role)
        }
        return entries
    }
}
