import SpliceYAML
import Testing

/// Myers' shortest edit script: valid and as short as the longest common subsequence allows.
@Suite struct LineDiffTests {
    /// A small deterministic random generator (SplitMix64), so every run checks the same cases.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Replays `steps` on `old`, or nil when a step does not fit.
    private func replay(_ steps: [LineDiff.Step], _ old: [Int], _ new: [Int]) -> [Int]? {
        var (oldIndex, newIndex, result) = (0, 0, [Int]())
        for step in steps {
            switch step {
            case .keep:
                guard oldIndex < old.count, newIndex < new.count, old[oldIndex] == new[newIndex] else { return nil }
                result.append(old[oldIndex])
                oldIndex += 1
                newIndex += 1
            case .delete:
                guard oldIndex < old.count else { return nil }
                oldIndex += 1
            case .insert:
                guard newIndex < new.count else { return nil }
                result.append(new[newIndex])
                newIndex += 1
            }
        }
        return oldIndex == old.count ? result : nil
    }

    /// The length of a longest common subsequence, by dynamic programming.
    private func commonLength(_ a: [Int], _ b: [Int]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for (j, y) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
                diagonal = above
            }
        }
        return row[b.count]
    }

    private func checkShortest(_ old: [Int], _ new: [Int]) {
        let steps = LineDiff.steps(from: old, to: new)
        #expect(replay(steps, old, new) == new, "the script does not turn \(old) into \(new)")
        let edits = steps.filter { $0 != .keep }.count
        #expect(edits == old.count + new.count - 2 * commonLength(old, new), "not shortest for \(old) -> \(new)")
    }

    @Test func randomSmallSequencesGetAShortestScript() {
        var random = SeededGenerator(state: 42)
        for _ in 0..<3000 {
            let alphabet = Int.random(in: 1...4, using: &random)
            let old = (0..<Int.random(in: 0...14, using: &random)).map { _ in Int.random(in: 0..<alphabet, using: &random) }
            let new = (0..<Int.random(in: 0...14, using: &random)).map { _ in Int.random(in: 0..<alphabet, using: &random) }
            checkShortest(old, new)
        }
    }

    @Test func longSequencesWithScatteredChangesGetAShortestScript() {
        var random = SeededGenerator(state: 7)
        let old = (0..<600).map { _ in Int.random(in: 0..<50, using: &random) }
        var new = old
        for _ in 0..<40 {
            let at = Int.random(in: 0..<new.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: new.remove(at: at)
            case 1: new.insert(Int.random(in: 0..<50, using: &random), at: at)
            default: new[at] = Int.random(in: 0..<50, using: &random)
            }
        }
        checkShortest(old, new)
        checkShortest(old, old.reversed())
        checkShortest(old, [])
        checkShortest([], old)
    }

    @Test func equalSequencesAreAllKept() {
        #expect(LineDiff.steps(from: ["a", "b"], to: ["a", "b"]) == [.keep, .keep])
        #expect(LineDiff.steps(from: [String](), to: []) == [])
    }
}
