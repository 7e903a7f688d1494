import SpliceYAML

/// Where each input of a run gets its result: the result of its parsed form, or its parse
/// error. Holds no parsed nodes, so that they are freed before the outputs are made.
struct RunSlots: Sendable {
    private let slots: [(input: ManifestInput, slot: Result<Int, YAMLParseError>)]

    /// Keeps `slots`: each input, with the index of its parsed form or why it does not parse.
    init(_ slots: [(input: ManifestInput, slot: Result<Int, YAMLParseError>)]) {
        self.slots = slots
    }

    /// The results of `files` (one per parsed input), made on `workers`, in input order.
    /// - Throws: the first input's error, in input order.
    func results(of files: [FileEdits], workers: Workers) throws(InjectError) -> [InjectionResult] {
        let inner = files.count >= workers.count ? Workers.one : workers
        let outcomes = workers.map(files) { file -> Result<InjectionResult, InjectError> in
            do throws(InjectError) {
                return .success(try file.result(workers: inner))
            } catch {
                return .failure(error)
            }
        }
        var results: [InjectionResult] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let result): results.append(result)
            case .failure(let error): throw error
            }
        }
        return slots.map { input, slot in
            switch slot {
            case .success(let index): return results[index]
            case .failure(let error):
                return InjectionResult(file: input.file, original: input.source.bytes, output: input.source.bytes, outcomes: [], parseError: error)
            }
        }
    }
}
