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
        // alike), so that workloads that differ only in them share one resolution.
        let read = profile.factsRead(facts)
        let key = Key(profile: profile, settings: settings, facts: read, everyRuntime: everyRuntime)
        if let known = entries[key] { return known }
        let resolved = everyRuntime ? profile.resolveForEveryRuntime(settings, facts: read) : profile.resolve(settings, facts: read)
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = resolved
        return resolved
    }
}
