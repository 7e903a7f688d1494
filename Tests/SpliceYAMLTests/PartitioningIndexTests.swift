import SpliceYAML
import Testing

/// The halving search every sorted table of the parser uses finds what a scan from the start
/// finds.
@Suite struct PartitioningIndexTests {
    @Test func findsTheFirstElementPastEachBound() {
        for count in 0...20 {
            // Sorted, with repeats: 0, 0, 2, 2, 4, 4, ...
            let values = (0..<count).map { $0 / 2 * 2 }
            for bound in -1...(count + 1) {
                let scanned = values.firstIndex { $0 > bound } ?? values.endIndex
                #expect(values.partitioningIndex { $0 > bound } == scanned, "\(values) > \(bound)")
                let slice = values.dropFirst(count / 3)
                #expect(slice.partitioningIndex { $0 >= bound } == (slice.firstIndex { $0 >= bound } ?? slice.endIndex))
            }
        }
    }
}
