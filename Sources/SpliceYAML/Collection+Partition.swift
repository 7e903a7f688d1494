extension RandomAccessCollection {
    /// The index of the first element for which `isAfter` holds, or `endIndex` when none
    /// does, in a collection where every element for which it holds comes after every other
    /// (a sorted one, asked which elements pass a bound): found by halving.
    package func partitioningIndex(where isAfter: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try isAfter(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
