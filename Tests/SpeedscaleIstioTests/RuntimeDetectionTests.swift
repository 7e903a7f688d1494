import KubeManifests
import SpeedscaleIstio
import SpliceYAML
import Testing

/// One container spec and the runtime `auto` must guess for it.
struct DetectionCase: Sendable, CustomTestStringConvertible {
    /// Lines of the container mapping, unindented, after `- name: app`.
    let container: String
    let expected: Runtime
    /// A word the reason must contain (what decided it).
    let reasonMentions: String

    var testDescription: String { "\(container.split(separator: "\n").joined(separator: "; ")) → \(expected.rawValue)" }
}

/// `auto` over container specs: true guesses name what decided them, and what could be read
/// either way, or as something else, stays generic.
@Suite struct RuntimeDetectionTests {
    static let trueGuesses: [DetectionCase] = [
        DetectionCase(container: "image: eclipse-temurin:17-jre", expected: .java, reasonMentions: "image"),
        DetectionCase(container: "image: docker.io/library/openjdk:11", expected: .java, reasonMentions: "openjdk"),
        DetectionCase(container: "image: public.ecr.aws/amazoncorretto/amazoncorretto:21", expected: .java, reasonMentions: "amazoncorretto"),
        DetectionCase(container: "image: registry.example.com/shop/orders:1.4-jre17", expected: .java, reasonMentions: "image"),
        DetectionCase(container: "image: gcr.io/distroless/java17-debian12", expected: .java, reasonMentions: "image"),
        DetectionCase(container: "image: example/orders:1.0\ncommand: [\"java\", \"-jar\", \"/app.jar\"]", expected: .java, reasonMentions: "command"),
        DetectionCase(container: "image: example/orders:1.0\nargs: [\"-jar\", \"/app.jar\"]", expected: .java, reasonMentions: "args \"-jar /app.jar\""),
        DetectionCase(container: "image: example/orders:1.0\ncommand: [\"sh\", \"-c\", \"exec java $JAVA_OPTS -jar /app.jar\"]", expected: .java, reasonMentions: "command"),
        DetectionCase(container: "image: example/orders:1.0\nenv:\n- name: JAVA_TOOL_OPTIONS\n  value: -Xmx1g", expected: .java, reasonMentions: "JAVA_TOOL_OPTIONS"),
        // Of a runtime's variables, the reason names the one its list names first, wherever it is.
        DetectionCase(container: "image: example/orders:1.0\nenv:\n- name: JAVA_HOME\n  value: /opt/java\n- name: JAVA_TOOL_OPTIONS\n  value: -Xmx1g", expected: .java, reasonMentions: "variable JAVA_TOOL_OPTIONS"),
        DetectionCase(container: "image: node:22-alpine", expected: .node, reasonMentions: "image"),
        DetectionCase(container: "image: registry.access.redhat.com/ubi9/nodejs-20", expected: .node, reasonMentions: "image"),
        DetectionCase(container: "image: example/web:2\ncommand: [\"npm\", \"start\"]", expected: .node, reasonMentions: "command"),
        DetectionCase(container: "image: example/web:2\nargs: [\"server.js\"]", expected: .node, reasonMentions: "args"),
        DetectionCase(container: "image: python:3.12-slim", expected: .python, reasonMentions: "image"),
        DetectionCase(container: "image: example/api:3\ncommand: [\"gunicorn\", \"app:app\"]", expected: .python, reasonMentions: "command"),
        DetectionCase(container: "image: example/api:3\ncommand: [\"/usr/local/bin/python3.11\", \"-m\", \"api\"]", expected: .python, reasonMentions: "command"),
        DetectionCase(container: "image: example/api:3\nenv:\n- name: PYTHONUNBUFFERED\n  value: \"1\"", expected: .python, reasonMentions: "PYTHONUNBUFFERED"),
        DetectionCase(container: "image: ruby:3.3", expected: .ruby, reasonMentions: "image"),
        DetectionCase(container: "image: example/store:5\ncommand: [\"bundle\", \"exec\", \"puma\"]", expected: .ruby, reasonMentions: "command"),
        DetectionCase(container: "image: mcr.microsoft.com/dotnet/aspnet:8.0", expected: .dotnet, reasonMentions: "image"),
        DetectionCase(container: "image: example/billing:1\ncommand: [\"dotnet\", \"Billing.dll\"]", expected: .dotnet, reasonMentions: "command"),
        DetectionCase(container: "image: golang:1.23", expected: .go, reasonMentions: "image"),
        DetectionCase(container: "image: example/ledger:1\nenv:\n- name: GOMAXPROCS\n  value: \"2\"", expected: .go, reasonMentions: "GOMAXPROCS"),
        DetectionCase(container: "image: node:22\ncommand: [\"node\", \"index.js\"]", expected: .node, reasonMentions: "command \"node index.js\", image"),
    ]

    static let falseGuessesAvoided: [DetectionCase] = [
        // A Go binary: nothing tells.
        DetectionCase(container: "image: example/ledger:1.0", expected: .generic, reasonMentions: "nothing"),
        DetectionCase(container: "image: gcr.io/distroless/static-debian12\ncommand: [\"/ledger\"]", expected: .generic, reasonMentions: "nothing"),
        // Names that contain a runtime's name without being it.
        DetectionCase(container: "image: prom/node-exporter:v1.8.0", expected: .generic, reasonMentions: "nothing"),
        DetectionCase(container: "image: example/genre-service:1", expected: .generic, reasonMentions: "nothing"),
        DetectionCase(container: "image: nginx:1.27\nargs: [\"--node\", \"a\"]", expected: .generic, reasonMentions: "nothing"),
        DetectionCase(container: "image: busybox\ncommand: [\"sh\", \"-c\", \"echo python && sleep 3600\"]", expected: .generic, reasonMentions: "nothing"),
        // Disagreement is not a guess.
        DetectionCase(container: "image: node:22\ncommand: [\"python3\", \"app.py\"]", expected: .generic, reasonMentions: "unsure"),
        DetectionCase(container: "image: example/app:1\nenv:\n- name: JAVA_OPTS\n  value: -Xmx1g\n- name: NODE_ENV\n  value: production", expected: .generic, reasonMentions: "nothing"),
    ]

    private func container(_ lines: String) throws -> Container {
        let indented = lines.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n")
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n\(indented)\n"
        let stream = ManifestStream(try YAMLStream(parsing: YAMLSource(text)))
        return try #require(stream.workloads.first?.containers.first)
    }

    @Test(arguments: trueGuesses + falseGuessesAvoided)
    func autoGuessesTheRuntimeAndSaysWhy(_ test: DetectionCase) throws {
        let guess = RuntimeDetection.guess(try container(test.container))
        #expect(guess.runtime == test.expected, "\(guess)")
        #expect(guess.reason.contains(test.reasonMentions), "\(guess)")
    }

    @Test func theWorkloadContextUsesTheRuntimeAskedForOverTheGuess() throws {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: node:22\n"
        let workload = try #require(ManifestStream(try YAMLStream(parsing: YAMLSource(text))).workloads.first)
        let detected = WorkloadContext(workload: workload, source: YAMLSource(text))
        #expect(detected.runtime.runtime == .node)
        let asked = WorkloadContext(workload: workload, source: YAMLSource(text), hints: WorkloadHints(runtime: .fixed(.generic)))
        #expect(asked.runtime == RuntimeGuess(.generic, reason: "asked for"))
        #expect(detected.appContainerReason == "the only container")
    }

    @Test func runtimeChoicesReadTheirNames() {
        #expect(RuntimeChoice(rawValue: "auto") == .auto)
        #expect(RuntimeChoice(rawValue: "dotnet") == .fixed(.dotnet))
        #expect(RuntimeChoice(rawValue: "jvm") == nil)
        #expect(RuntimeChoice.allCases.map(\.rawValue) == ["auto", "generic", "java", "node", "python", "go", "dotnet", "ruby"])
    }
}

/// JVM option strings edited option by option.
@Suite struct JavaOptionsTextTests {
    @Test func propertiesAreAppendedAfterTheExistingOptionsInOrder() {
        let text = JavaOptionsText.editing(
            "-Xmx512m  -Dspring.profiles.active=prod", setting: [("http.proxyHost", "localhost"), ("http.proxyPort", "4140")], adding: [],
            removingProperties: [], removingOptions: [])
        #expect(text == "-Xmx512m  -Dspring.profiles.active=prod -Dhttp.proxyHost=localhost -Dhttp.proxyPort=4140")
    }

    @Test func aSetPropertyIsReplacedWhereItStandsTheLastOfDuplicates() {
        let text = JavaOptionsText.editing(
            "-Dhttp.proxyHost=a -Xss1m -Dhttp.proxyHost=b -Dx=1", setting: [("http.proxyHost", "localhost")], adding: [],
            removingProperties: [], removingOptions: [])
        #expect(text == "-Dhttp.proxyHost=a -Xss1m -Dhttp.proxyHost=localhost -Dx=1")
        #expect(JavaOptionsText.property("http.proxyHost", in: text) == "localhost")
    }

    @Test func removingWhatWasAddedGivesTheTextBack() {
        // White space after the last option is the one thing not kept (a plain YAML scalar has none).
        let cases = [("", ""), ("-Xmx512m", "-Xmx512m"), ("-Xmx512m  -Dspring.profiles.active=prod", "-Xmx512m  -Dspring.profiles.active=prod"), ("  -Xmx1g\n-Da=b ", "  -Xmx1g\n-Da=b")]
        for (original, expected) in cases {
            let added = JavaOptionsText.editing(
                original, setting: [("http.proxyHost", "localhost"), ("http.nonProxyHosts", "localhost|127.0.0.1")], adding: ["-Xss2m"],
                removingProperties: [], removingOptions: [])
            let removed = JavaOptionsText.editing(
                added, setting: [], adding: [], removingProperties: ["http.proxyHost", "http.nonProxyHosts"], removingOptions: ["-Xss2m"])
            #expect(removed == expected, "\(original.debugDescription) → \(added.debugDescription) → \(removed.debugDescription)")
        }
    }

    @Test func theFirstOptionGoesWithTheSpaceAfterIt() {
        let text = JavaOptionsText.editing("-Dhttp.proxyHost=x -Xmx1g", setting: [], adding: [], removingProperties: ["http.proxyHost"], removingOptions: [])
        #expect(text == "-Xmx1g")
        #expect(JavaOptionsText.isBlank(JavaOptionsText.editing("-Da=1", setting: [], adding: [], removingProperties: ["a"], removingOptions: [])))
    }

    @Test func quotedValuesAreReadWithoutTheirQuotes() {
        #expect(JavaOptionsText.property("a", in: "-Da=\"x\" -Db") == "x")
        #expect(JavaOptionsText.property("b", in: "-Da=\"x\" -Db") == "")
        #expect(JavaOptionsText.property("c", in: "-Da=\"x\" -Db") == nil)
    }
}
