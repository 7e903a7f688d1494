// The benchmark's baseline: reads each file named on the command line into memory and runs
// libyaml's event parser over it (yaml_parser_parse until the stream ends), building nothing.
// Prints the bytes and events seen; exits 1 when a file cannot be read and 2 when libyaml stops
// on an error. The tool reads its input into memory the same way before it parses.
//
// With `--threads N` first, each file is cut into N pieces of similar size at lines that start
// with `---` (document starts, where the tool cuts a long stream too), and the pieces are parsed
// at once on N threads: what this machine's cores give together on the same bytes.
import CYAML
import Foundation

/// Parses `bytes` and returns the number of events, or nil when libyaml reports an error.
func countEvents(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) != 0 else { return nil }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    var events = 0
    var event = yaml_event_t()
    while true {
        guard yaml_parser_parse(&parser, &event) != 0 else { return nil }
        let type = event.type
        yaml_event_delete(&event)
        events += 1
        if type == YAML_STREAM_END_EVENT { return events }
    }
}

/// Up to `count` ranges of similar size that cover `bytes`, each after the first starting at a
/// line that starts with `---`.
func pieces(of bytes: [UInt8], count: Int) -> [Range<Int>] {
    var cuts = [0]
    for piece in 1..<max(1, count) {
        var at = max(cuts[cuts.count - 1] + 1, bytes.count * piece / count)
        while at + 2 < bytes.count && !(bytes[at - 1] == 0x0A && bytes[at] == 0x2D && bytes[at + 1] == 0x2D && bytes[at + 2] == 0x2D) {
            at += 1
        }
        guard at + 2 < bytes.count else { break }
        cuts.append(at)
    }
    cuts.append(bytes.count)
    return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
}

/// The events of `bytes`, parsed in up to `threads` pieces at once; nil when a piece stops on an error.
func countEvents(_ bytes: [UInt8], threads: Int) -> Int? {
    let ranges = pieces(of: bytes, count: threads)
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: ranges.count)
    defer { counts.deallocate() }
    bytes.withUnsafeBufferPointer { buffer in
        // Each thread reads its own piece and writes its own count.
        nonisolated(unsafe) let input = buffer
        nonisolated(unsafe) let results = counts
        DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
            results[index] = countEvents(UnsafeBufferPointer(rebasing: input[ranges[index]])) ?? -1
        }
    }
    return counts.contains(-1) ? nil : counts.reduce(0, +)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var threads = 1
if arguments.first == "--threads" {
    guard arguments.count > 1, let count = Int(arguments[1]), count > 0 else {
        FileHandle.standardError.write(Data("--threads needs a number of threads\n".utf8))
        exit(1)
    }
    threads = count
    arguments.removeFirst(2)
}

var totalBytes = 0
var totalEvents = 0
for path in arguments {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("\(path): cannot be read\n".utf8))
        exit(1)
    }
    let bytes = [UInt8](data)
    guard let events = countEvents(bytes, threads: threads) else {
        FileHandle.standardError.write(Data("\(path): libyaml stopped on an error\n".utf8))
        exit(2)
    }
    totalBytes += bytes.count
    totalEvents += events
}
print("\(totalBytes) bytes, \(totalEvents) events")
