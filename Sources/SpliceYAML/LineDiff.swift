/// A shortest edit script between two sequences, found with Myers' O(ND) algorithm in its
/// linear-space form: each pass finds a point on an optimal path half-way through, and the
/// two halves are solved the same way.
public enum LineDiff {
    /// One step of an edit script, walking both sequences from the start.
    public enum Step: Sendable, Equatable {
        /// The next elements of both sequences are equal.
        case keep
        /// The next element of the old sequence is removed.
        case delete
        /// The next element of the new sequence is added.
        case insert
    }

    /// The steps that turn `old` into `new` with the fewest deletions and insertions.
    public static func steps<Element: Hashable>(from old: [Element], to new: [Element]) -> [Step] {
        var numbers: [Element: Int] = [:]
        let numbered = [old, new].map { elements in
            elements.map { element in
                if let number = numbers[element] { return number }
                numbers[element] = numbers.count
                return numbers.count - 1
            }
        }
        var search = EditSearch(old: numbered[0], new: numbered[1])
        var steps: [Step] = []
        steps.reserveCapacity(old.count + new.count)
        search.compare(old: 0..<old.count, new: 0..<new.count, into: &steps)
        return steps
    }
}

/// The search over the edit graph of two sequences of numbers (equal elements, equal numbers).
private struct EditSearch {
    let old: [Int]
    let new: [Int]
    /// The furthest x reached on each diagonal, forwards from the top left and backwards from
    /// the bottom right; reused by every pass.
    private var forward: [Int] = []
    private var backward: [Int] = []

    init(old: [Int], new: [Int]) {
        self.old = old
        self.new = new
    }

    /// Appends the steps from `old` to `new` over the given ranges.
    mutating func compare(old oldRange: Range<Int>, new newRange: Range<Int>, into steps: inout [LineDiff.Step]) {
        var (oldStart, oldEnd, newStart, newEnd) = (oldRange.lowerBound, oldRange.upperBound, newRange.lowerBound, newRange.upperBound)
        var prefix = 0
        while oldStart < oldEnd && newStart < newEnd && old[oldStart] == new[newStart] {
            oldStart += 1
            newStart += 1
            prefix += 1
        }
        var suffix = 0
        while oldStart < oldEnd && newStart < newEnd && old[oldEnd - 1] == new[newEnd - 1] {
            oldEnd -= 1
            newEnd -= 1
            suffix += 1
        }
        steps += repeatElement(.keep, count: prefix)
        if oldStart == oldEnd || newStart == newEnd {
            steps += repeatElement(.delete, count: oldEnd - oldStart)
            steps += repeatElement(.insert, count: newEnd - newStart)
        } else if let (x, y) = middle(old: oldStart..<oldEnd, new: newStart..<newEnd),
                  (x, y) != (oldStart, newStart), (x, y) != (oldEnd, newEnd) {
            compare(old: oldStart..<x, new: newStart..<y, into: &steps)
            compare(old: x..<oldEnd, new: y..<newEnd, into: &steps)
        } else {
            // Unreachable for sequences that differ at both ends; a valid (if long) script anyway.
            steps += repeatElement(.delete, count: oldEnd - oldStart)
            steps += repeatElement(.insert, count: newEnd - newStart)
        }
        steps += repeatElement(.keep, count: suffix)
    }

    /// A point (old index, new index) on a shortest path through the ranges, where the forward
    /// and backward searches first overlap.
    private mutating func middle(old oldRange: Range<Int>, new newRange: Range<Int>) -> (Int, Int)? {
        let (n, m) = (oldRange.count, newRange.count)
        let (oldStart, newStart, oldEnd, newEnd) = (oldRange.lowerBound, newRange.lowerBound, oldRange.upperBound, newRange.upperBound)
        let limit = (n + m + 1) / 2
        let offset = limit + 1
        let width = 2 * offset + 1
        forward = Array(repeating: -1, count: width)
        backward = Array(repeating: -1, count: width)
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        let (old, new) = (self.old, self.new)
        let delta = n - m
        let deltaIsOdd = delta & 1 != 0
        // Diagonals that ran off the grid are dropped from the ends of the range.
        var (forwardLow, forwardHigh, backwardLow, backwardHigh) = (0, 0, 0, 0)
        for d in 0...limit {
            for k in stride(from: -d + forwardLow, through: d - forwardHigh, by: 2) {
                let (x, y) = Self.extend(&forward, diagonal: k, step: d, offset: offset, n: n, m: m) { x, y in
                    old[oldStart + x] == new[newStart + y]
                }
                if x > n {
                    forwardHigh += 2
                } else if y > m {
                    forwardLow += 2
                } else if deltaIsOdd {
                    let other = offset + delta - k
                    if (0..<width).contains(other), backward[other] != -1, x >= n - backward[other] {
                        return (oldStart + x, newStart + y)
                    }
                }
            }
            for c in stride(from: -d + backwardLow, through: d - backwardHigh, by: 2) {
                let (x, y) = Self.extend(&backward, diagonal: c, step: d, offset: offset, n: n, m: m) { x, y in
                    old[oldEnd - 1 - x] == new[newEnd - 1 - y]
                }
                if x > n {
                    backwardHigh += 2
                } else if y > m {
                    backwardLow += 2
                } else if !deltaIsOdd {
                    let other = offset + delta - c
                    guard (0..<width).contains(other), forward[other] != -1 else { continue }
                    let forwardX = forward[other]
                    let forwardY = forwardX - (delta - c)
                    if forwardX >= n - x, forwardX <= n, (0...m).contains(forwardY) {
                        return (oldStart + forwardX, newStart + forwardY)
                    }
                }
            }
        }
        return nil
    }

    /// Takes one step on `diagonal` from the better neighbour, then follows equal elements;
    /// records and returns the point reached.
    private static func extend(
        _ reach: inout [Int], diagonal k: Int, step d: Int, offset: Int, n: Int, m: Int, equal: (Int, Int) -> Bool
    ) -> (Int, Int) {
        let index = offset + k
        var x = k == -d || (k != d && reach[index - 1] < reach[index + 1]) ? reach[index + 1] : reach[index - 1] + 1
        var y = x - k
        while x < n && y < m && equal(x, y) {
            x += 1
            y += 1
        }
        reach[index] = x
        return (x, y)
    }
}
