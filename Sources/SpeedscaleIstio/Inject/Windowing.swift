/// When a run reads its inputs a window at a time instead of holding them parsed all at once.
///
/// Parsed nodes take several times the bytes they are read from, so a run of many megabytes
/// held whole would take memory out of proportion to its input. Past ``threshold`` bytes of
/// input, each input is cut into windows of whole documents of about ``windowSize`` bytes,
/// each window's nodes freed before the next: the windows that may hold the objects every
/// workload is matched against (Namespaces, Services) are parsed once to read those, and
/// every window once to plan, edit and check it. The results are the same either way.
public struct Windowing: Sendable, Equatable {
    /// Runs whose inputs hold more bytes than this, together, are read in windows.
    public let threshold: Int
    /// About how many bytes each window holds (a window holds whole documents).
    public let windowSize: Int

    /// Makes a choice of windows.
    public init(threshold: Int, windowSize: Int) {
        self.threshold = max(0, threshold)
        self.windowSize = max(1, windowSize)
    }

    /// Runs of more than 8 MiB, in windows of about 256 KiB: below that size a run held whole
    /// stays within three times its input plus 64 MiB; the windows are small enough that
    /// each thread holds little, and large enough to cost little more than parsing twice.
    public static let standard = Windowing(threshold: 8 << 20, windowSize: 256 << 10)

    /// Never in windows: every run is held whole.
    public static let never = Windowing(threshold: .max, windowSize: .max)
}
