import KubeManifests
import SpliceYAML

/// Writes entry changes into a workload's document: each place becomes a path below the
/// object, and list entries and `extra-container-env-vars` lines are merged into the text
/// already there.
struct WorkloadWriter {
    /// The workload.
    let workload: Workload
    /// The container whose variables change.
    let container: Container?
    /// The editor of its document.
    let editor: YAMLEditor
    /// The workload's current entries with `container` as its app container, when the
    /// caller has read them already.
    var entries: CurrentEntries?

    /// The edits that make `changes`.
    /// - Throws: ``PatchBlocked`` when a node in the way cannot be edited exactly.
    func edits(for changes: [EntryChange]) throws(PatchBlocked) -> [Edit] {
        guard !changes.isEmpty else { return [] }
        let entries = self.entries ?? CurrentEntries(workload, container: self.container)
        var patch = DocumentPatch(editor: editor, root: workload.object.node)
        let container = self.container.map { workload.containerPath($0.index) }
        var lists: [String: (added: [String], removed: Set<String>)] = [:]
        var javaHolders: [EntryPlace] = []
        var javaEdits: [EntryPlace: JavaOptionsEdit] = [:]
        for change in changes {
            if let holder = change.place.jvmOptionsHolder {
                if javaEdits[holder] == nil { javaHolders.append(holder) }
                javaEdits[holder, default: JavaOptionsEdit()].add(change)
                continue
            }
            switch change {
            case .set(.listEntry(let name, let entry), _), .set(.extraListEntry(let name, let entry), _):
                lists[name, default: ([], [])].added.append(entry)
            case .remove(.listEntry(let name, let entry)), .remove(.extraListEntry(let name, let entry)):
                lists[name, default: ([], [])].removed.insert(entry)
            default:
                break
            }
        }
        var extra = entries.extra ?? ExtraEnvironment("")
        var extraChanged = false
        var listsWritten: Set<String> = []
        for change in changes {
            switch change {
            case .set(.annotation(let key), let value):
                patch.upsert(workload.annotationsPath.appending(.key(key)), .string(value))
            case .remove(.annotation(let key)):
                patch.remove(workload.annotationsPath.appending(.key(key)), pruningEmptyParents: 2)
            case .set(.variable(let name), let value):
                if let container { patch.upsert(container.appending(.key("env"), .named(name), .key("value")), .text(value)) }
            case .remove(.variable(let name)):
                if let container { patch.remove(container.appending(.key("env"), .named(name)), pruningEmptyParents: 1) }
            case .set(.listEntry(let name, _), _), .remove(.listEntry(let name, _)):
                guard let container, let edit = lists[name], listsWritten.insert(name).inserted else { continue }
                let text = HostList.editing(entries.variableText(name) ?? "", adding: edit.added, removing: edit.removed)
                let path = container.appending(.key("env"), .named(name))
                if text.isEmpty {
                    patch.remove(path, pruningEmptyParents: 1)
                } else {
                    patch.upsert(path.appending(.key("value")), .text(text))
                }
            case .set(.extraVariable(let name), let value):
                extra.set(name, value)
                extraChanged = true
            case .remove(.extraVariable(let name)):
                extra.remove(name)
                extraChanged = true
            case .set(.extraListEntry(let name, _), _), .remove(.extraListEntry(let name, _)):
                guard let edit = lists[name], listsWritten.insert(name).inserted else { continue }
                let text = HostList.editing(extra.value(name) ?? "", adding: edit.added, removing: edit.removed)
                if text.isEmpty { extra.remove(name) } else { extra.set(name, text) }
                extraChanged = true
            case .set(.jvmProperty, _), .remove(.jvmProperty), .set(.jvmOption, _), .remove(.jvmOption):
                continue
            }
        }
        for holder in javaHolders {
            guard let edit = javaEdits[holder] else { continue }
            let current: String
            if case .extraVariable(let name) = holder {
                current = extra.value(name) ?? ""
            } else {
                current = entries.value(at: holder).text ?? ""
            }
            let text = edit.applied(to: current)
            let blank = JavaOptionsText.isBlank(text)
            switch holder {
            case .variable(let name):
                guard let container else { continue }
                let path = container.appending(.key("env"), .named(name))
                if blank { patch.remove(path, pruningEmptyParents: 1) } else { patch.upsert(path.appending(.key("value")), .text(text)) }
            case .annotation(let key):
                let path = workload.annotationsPath.appending(.key(key))
                if blank { patch.remove(path, pruningEmptyParents: 2) } else { patch.upsert(path, .string(text)) }
            case .extraVariable(let name):
                if blank { extra.remove(name) } else { extra.set(name, text) }
                extraChanged = true
            default:
                continue
            }
        }
        if extraChanged {
            let path = workload.annotationsPath.appending(.key(SpeedscaleAnnotation.extraContainerEnvVars))
            if extra.lines.isEmpty {
                patch.remove(path, pruningEmptyParents: 2)
            } else {
                patch.upsert(path, .string(extra.text))
            }
        }
        return try patch.edits()
    }
}

/// The changes to the options of one place that holds JVM options.
struct JavaOptionsEdit {
    /// Properties to give a value, in order.
    var set: [(name: String, value: String)] = []
    /// Options to add, in order.
    var added: [String] = []
    /// Properties to take out.
    var removedProperties: Set<String> = []
    /// Options to take out.
    var removedOptions: Set<String> = []

    /// Records `change`.
    mutating func add(_ change: EntryChange) {
        switch change {
        case .set(.jvmProperty(_, let name), let value): set.append((name, value))
        case .set(.jvmOption(_, let option), _): added.append(option)
        case .remove(.jvmProperty(_, let name)): removedProperties.insert(name)
        case .remove(.jvmOption(_, let option)): removedOptions.insert(option)
        default: break
        }
    }

    /// `text` with the changes made.
    func applied(to text: String) -> String {
        JavaOptionsText.editing(text, setting: set, adding: added, removingProperties: removedProperties, removingOptions: removedOptions)
    }
}
