/// The check behind the rules that accept a fixed set of values for one annotation
/// (SS005-SS008): every occurrence of the key, on the workload or its pod template, must
/// hold one of them, and a finding suggests the likely intended value.
struct AllowedValues {
    /// The annotation key.
    let key: String
    /// The values accepted (case-sensitive: the operator reads lower case).
    let allowed: [String]
    /// Advice for specific wrong values (`"socks5"` → `use "socks" ...`).
    let advice: [String: String]

    func check(_ context: WorkloadContext, rule: RuleDescription) -> [Finding] {
        context.sidecar.annotations.all.filter { $0.key == key }.compactMap { entry in
            guard let text = entry.text else {
                return Finding(rule, "\(key) is not a single value; use one of \(list)", at: entry.valueNode.range)
            }
            if allowed.contains(text) { return nil }
            return Finding(rule, "\(key) is \"\(text)\"; \(hint(for: text))", at: entry.valueNode.range)
        }
    }

    private var list: String { allowed.map { "\"\($0)\"" }.joined(separator: ", ") }

    private func hint(for text: String) -> String {
        if let advice = advice[text] ?? advice[text.lowercased()] { return advice }
        if allowed.contains(text.lowercased()) { return "values are lower case: use \"\(text.lowercased())\"" }
        if !text.isEmpty, let near = Suggestion.closest(to: text, among: allowed) { return "did you mean \"\(near)\"? (allowed: \(list))" }
        return "use one of \(list)"
    }
}
