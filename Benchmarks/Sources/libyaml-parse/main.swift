// The benchmark's baseline: reads each file named on the command line into memory and runs
// libyaml's event parser over it (yaml_parser_parse until the stream ends), building nothing.
// Prints the bytes and events seen; exits 1 when a file cannot be read and 2 when libyaml stops
// on an error. The tool reads its input into memory the same way before it parses.
import CYAML
import Foundation

/// Parses `bytes` and returns the number of events, or nil when libyaml reports an error.
func countEvents(_ bytes: [UInt8]) -> Int? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) != 0 else { return nil }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeBufferPointer { buffer -> Int? in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
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
}

var totalBytes = 0
var totalEvents = 0
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("\(path): cannot be read\n".utf8))
        exit(1)
    }
    let bytes = [UInt8](data)
    guard let events = countEvents(bytes) else {
        FileHandle.standardError.write(Data("\(path): libyaml stopped on an error\n".utf8))
        exit(2)
    }
    totalBytes += bytes.count
    totalEvents += events
}
print("\(totalBytes) bytes, \(totalEvents) events")
