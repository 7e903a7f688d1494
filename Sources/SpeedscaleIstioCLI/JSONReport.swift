import SpeedscaleIstio

extension RunReport {
    /// The report as one JSON object: `objects`, `files`, `skipped` (directory entries not
    /// read), `unparsable` (inputs that are not YAML), `summary`, `status`, `written`, `message` and `error` (where and why the run
    /// stopped on an input it could not read or parse, or on an internal error). Every key is
    /// always there, `null` when it does not apply (as in lint's JSON report): an object's
    /// `namespace`, `template`, `reason`, `reasons` and `decision`, the summary's
    /// `filesRewritten` without `--in-place`, and `message` and `error` when the run succeeded.
    var json: [UInt8] {
        let sources = TemplateSources(results)
        let objects = listedOutcomes.map { outcome -> JSONValue in
            var reason: JSONValue = .null
            var reasons: JSONValue = .null
            switch outcome.status {
            case .skipped(let text): reason = .string(text)
            case .failed(let problems): reasons = .array(problems.map { .string(OutcomeWording.text(of: $0)) })
            case .kept(let profile, let target): reason = .string(OutcomeWording.kept(profile, convertTo: target))
            case .converted(let from, let to): reason = .string("\(from.rawValue) → \(to.rawValue)")
            case .injected, .uninjected, .unchanged: break
            }
            return .object([
                JSONMember("object", .string(outcome.name)),
                JSONMember("namespace", .optional(outcome.namespace)),
                JSONMember("file", .string(outcome.file)),
                JSONMember("line", .number(outcome.line)),
                JSONMember("template", .optional(sources.source(file: outcome.file, line: outcome.line))),
                JSONMember("status", .string(word(for: outcome.status))),
                JSONMember("reason", reason),
                JSONMember("reasons", reasons),
                JSONMember("notes", .array(outcome.notes.map(JSONValue.string))),
                JSONMember("decision", outcome.decision.map(Self.decision) ?? .null),
            ])
        }
        let files = results.map { result -> JSONValue in
            .object([
                JSONMember("file", .string(result.file)),
                JSONMember("changed", .bool(result.changed)),
                JSONMember("notes", .array(result.notes.map { .string(note($0, of: result, in: sources)) })),
            ])
        }
        let skippedEntries = skipped.map { entry -> JSONValue in
            .object([JSONMember("file", .string(entry.path)), JSONMember("reason", .string(entry.reason))])
        }
        func describe(_ stop: RunError) -> JSONValue {
            .object([
                JSONMember("file", .optional(stop.file)),
                JSONMember("line", stop.location.map { .number($0.line) } ?? .null),
                JSONMember("column", stop.location.map { .number($0.column) } ?? .null),
                JSONMember("problem", .string(stop.problem)),
            ])
        }
        var error = JSONValue.null
        switch verdict {
        case .stopped(let stop): error = describe(stop)
        case .unparsable(let errors, _): error = errors.first.map(describe) ?? .null
        default: break
        }
        let body = JSONValue.object([
            JSONMember("objects", .array(objects)),
            JSONMember("files", .array(files)),
            JSONMember("skipped", .array(skippedEntries)),
            JSONMember("unparsable", .array(unparsable.map(describe))),
            JSONMember("summary", jsonSummary),
            JSONMember("status", .string(verdict.status)),
            JSONMember("written", .bool(wroteOutput)),
            JSONMember("message", .optional(verdict.message(changedWord: changedWord))),
            JSONMember("error", error),
        ])
        return Array(body.rendered.utf8)
    }

    /// What inject decided for a workload, and why: its profile (`profileSource`: asked for,
    /// the workload's own, the default; `profileReason` when it is not the one asked for), the
    /// app's runtime and what decided it, the app container and port and why, `advice` for the
    /// runtime, and the configuration file's overrides that applied (`configuration`).
    private static func decision(_ decision: InjectDecision) -> JSONValue {
        let portSource: String? = decision.port.map { port in
            switch port.source {
            case .requested: return "requested"
            case .annotation: return "annotation"
            case .containerPort: return "containerPort"
            case .service(let name): return "service/\(name)"
            case .probe: return "probe"
            }
        }
        return .object([
            JSONMember("profile", .string(decision.profile.rawValue)),
            JSONMember("profileReason", .optional(decision.profileReason)),
            JSONMember("profileSource", .string(decision.profileSource)),
            JSONMember("keptProfile", .optional(decision.kept?.rawValue)),
            JSONMember("runtime", .optional(decision.runtime?.runtime.rawValue)),
            JSONMember("runtimeReason", .optional(decision.runtime?.reason)),
            JSONMember("container", .optional(decision.container)),
            JSONMember("containerReason", .optional(decision.containerReason)),
            JSONMember("port", decision.port.map { .number($0.number) } ?? .null),
            JSONMember("portSource", .optional(portSource)),
            JSONMember("advice", .array(decision.advice.map(JSONValue.string))),
            JSONMember("configuration", .array(decision.configuration.map(JSONValue.string))),
        ])
    }

    /// The counts by status word, `objects`, `filesChanged`, and `filesRewritten` (null
    /// without `--in-place`).
    private var jsonSummary: JSONValue {
        var members = [JSONMember("objects", .number(outcomes.count))]
        members += counts.map { JSONMember($0.word, .number($0.count)) }
        members.append(JSONMember("filesChanged", .number(changedResults.count)))
        if case .done(let rewritten?) = verdict {
            members.append(JSONMember("filesRewritten", .number(rewritten)))
        } else {
            members.append(JSONMember("filesRewritten", .null))
        }
        return .object(members)
    }
}
