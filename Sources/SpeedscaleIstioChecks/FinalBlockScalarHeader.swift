import SpliceYAML
import SpliceYAMLChecks

/// The other difference uninject of inject may leave, as the README documents: in a file that
/// ends inside a block scalar without a final line break, inject turns that scalar's header to
/// strip chomping (`|` to `|-`, `>+` to `>-`), so that the lines it adds after the scalar leave
/// its value alone. Uninject cannot tell that header from one written so, and keeps it; both
/// read the same value.
enum FinalBlockScalarHeader {
    /// Whether `restored` is `original` with only a block scalar header's chomping turned to
    /// strip, `original` ending without a line break, and both reading the same nodes.
    static func explains(_ original: [UInt8], _ restored: [UInt8]) -> Bool {
        guard let last = original.last, last != 0x0A, last != 0x0D else { return false }
        let common = zip(original, restored).prefix { $0 == $1 }.count
        guard common > 0, common <= original.count, common < restored.count, restored[common] == UInt8(ascii: "-") else { return false }
        // Back from the difference, over an indentation digit or a `+`, to the `|` or `>`.
        var header = common - 1
        while header > 0, original[header] == UInt8(ascii: "+") || (0x31...0x39).contains(original[header]) { header -= 1 }
        guard original[header] == UInt8(ascii: "|") || original[header] == UInt8(ascii: ">") else { return false }
        let inserted = restored.count == original.count + 1 && restored[(common + 1)...].elementsEqual(original[common...])
        let replaced = restored.count == original.count && common < original.count && original[common] == UInt8(ascii: "+")
            && restored[(common + 1)...].elementsEqual(original[(common + 1)...])
        guard inserted || replaced,
              let old = try? YAMLStream(parsing: original), let new = try? YAMLStream(parsing: restored) else { return false }
        return EditCheck.flatten(old) == EditCheck.flatten(new)
    }
}
