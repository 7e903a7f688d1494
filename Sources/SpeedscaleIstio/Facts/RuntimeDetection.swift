import KubeManifests

/// Guesses an app container's runtime from what its manifest shows: the program its command
/// (or args) runs, variables only one runtime reads, and its image's name. Each of the three
/// may suggest a runtime; when those that do agree, that is the guess, named with what
/// decided it. When they disagree, or none suggests one, the guess is `generic`: unsure means
/// the proxy variables only. A Go binary in a distroless image is not guessable.
public enum RuntimeDetection {
    /// The guess for `container`.
    public static func guess(_ container: Container) -> RuntimeGuess {
        let sources: [(String, (Runtime, String)?)] = [
            ("command", commandGuess(container)),
            ("environment", environmentGuess(container)),
            ("image", container.image.flatMap(imageGuess)),
        ]
        let found = sources.compactMap { source, guess in guess.map { (source, $0.0, $0.1) } }
        guard let first = found.first else {
            return RuntimeGuess(.generic, reason: "nothing in the image, command or environment names a runtime")
        }
        let disagreeing = found.filter { $0.1 != first.1 }
        guard disagreeing.isEmpty else {
            let views = found.map { "\($0.2) suggests \($0.1.rawValue)" }
            return RuntimeGuess(.generic, reason: "unsure: " + views.joined(separator: ", "))
        }
        return RuntimeGuess(first.1, reason: found.map(\.2).joined(separator: ", "))
    }

    // MARK: Image

    /// Image names (the last part of the repository path) of each runtime.
    static let imageNames: [(Runtime, Set<String>)] = [
        (.java, ["openjdk", "eclipse-temurin", "amazoncorretto", "ibm-semeru-runtimes", "sapmachine", "zulu-openjdk", "adoptopenjdk", "java", "tomcat", "jetty"]),
        (.node, ["node", "nodejs"]),
        (.python, ["python", "pypy"]),
        (.ruby, ["ruby"]),
        (.dotnet, ["dotnet"]),
        (.go, ["golang"]),
    ]

    /// Prefixes of image names that are versions of a runtime's image (`ubi8/openjdk-17`,
    /// `ubi9/nodejs-20`, `ubi9/python-311`); `java` followed by a version
    /// (`distroless/java17-debian12`) is Java too.
    static let imagePrefixes: [(Runtime, [String])] = [
        (.java, ["openjdk-"]),
        (.node, ["nodejs-"]),
        (.python, ["python-", "python3"]),
        (.ruby, ["ruby-"]),
        (.dotnet, ["dotnet-"]),
    ]

    /// The runtime an image reference names, and the reason (`image "eclipse-temurin:17-jre"`).
    static func imageGuess(_ image: String) -> (Runtime, String)? {
        imageRuntime(ImageReference(image)).map { ($0, "image \"\(image)\"") }
    }

    /// The runtime of each name of ``imageNames``, looked up once per image.
    private static let runtimeOfImageName: [String: Runtime] = Dictionary(
        imageNames.flatMap { runtime, names in names.map { ($0, runtime) } }, uniquingKeysWith: { first, _ in first })

    /// The runtime an image reference names.
    private static func imageRuntime(_ reference: ImageReference) -> Runtime? {
        let name = reference.name
        if let runtime = runtimeOfImageName[name] { return runtime }
        for (runtime, prefixes) in imagePrefixes where prefixes.contains(where: { name.hasPrefix($0) }) { return runtime }
        if name.hasPrefix("java"), name.dropFirst(4).first?.isNumber == true { return .java }
        if reference.path.dropLast().contains("dotnet") { return .dotnet }
        // A JRE or JDK build of any image: `eclipse-temurin:17-jre`, `app:1.4-jdk17`. A word
        // can start so only where the bytes "jre" or "jdk" occur: most names are not split.
        var joined = name + "-" + reference.tag
        guard joined.withUTF8(Self.holdsJREOrJDK) else { return nil }
        let words = joined.split(whereSeparator: { "-_.".contains($0) })
        if words.contains(where: { word in
            ["jre", "jdk"].contains { word.hasPrefix($0) && word.dropFirst(3).allSatisfy(\.isNumber) }
        }) {
            return .java
        }
        return nil
    }

    /// Whether `bytes` hold `jre` or `jdk`.
    private static func holdsJREOrJDK(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for offset in 0...(bytes.count - 3) where bytes[offset] == UInt8(ascii: "j") {
            let second = bytes[offset + 1]
            let third = bytes[offset + 2]
            if (second == UInt8(ascii: "r") && third == UInt8(ascii: "e")) || (second == UInt8(ascii: "d") && third == UInt8(ascii: "k")) { return true }
        }
        return false
    }

    // MARK: Environment

    /// Variables only one runtime reads (the proxy variables this tool writes are not among them).
    static let runtimeVariables: [(Runtime, [String])] = [
        (.java, ["JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS", "JAVA_HOME"]),
        (.node, ["NODE_OPTIONS", "NODE_ENV", "GLOBAL_AGENT_HTTP_PROXY", "GLOBAL_AGENT_HTTPS_PROXY"]),
        (.python, ["PYTHONUNBUFFERED", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "PYTHONHASHSEED"]),
        (.ruby, ["RUBYOPT", "RAILS_ENV", "RACK_ENV"]),
        (.dotnet, ["ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"]),
        (.go, ["GOMAXPROCS", "GOMEMLIMIT", "GODEBUG"]),
    ]

    /// The runtime of each name of ``runtimeVariables``, and the name's place in its list.
    private static let runtimeOfVariable: [String: (runtime: Runtime, rank: Int)] = Dictionary(
        runtimeVariables.flatMap { runtime, names in names.enumerated().map { ($1, (runtime, $0)) } },
        uniquingKeysWith: { first, _ in first })

    /// The runtime the container's variables name, when they all name the same one, with the
    /// variable of that runtime's list that comes first.
    static func environmentGuess(_ container: Container) -> (Runtime, String)? {
        // One lookup per variable the container has (a name compared with every listed one
        // costs more: most are longer than a string kept inline).
        var found: [(runtime: Runtime, rank: Int, name: String)] = []
        for variable in container.env {
            guard let (runtime, rank) = runtimeOfVariable[variable.name] else { continue }
            if let index = found.firstIndex(where: { $0.runtime == runtime }) {
                if rank < found[index].rank { found[index] = (runtime, rank, variable.name) }
            } else {
                found.append((runtime, rank, variable.name))
            }
        }
        guard found.count == 1, let only = found.first else { return nil }
        return (only.runtime, "variable \(only.name)")
    }

    // MARK: Command

    /// Programs that run one runtime's code.
    static let programs: [(Runtime, Set<String>)] = [
        (.java, ["java"]),
        (.node, ["node", "nodejs", "npm", "npx", "yarn", "pnpm"]),
        (.python, ["python", "python2", "python3", "pypy", "pypy3", "gunicorn", "uvicorn"]),
        (.ruby, ["ruby", "bundle", "rails", "puma", "rackup"]),
        (.dotnet, ["dotnet"]),
    ]

    /// Script suffixes of each runtime, for a command (or args) that starts with a script.
    static let scriptSuffixes: [(Runtime, [String])] = [
        (.java, [".jar"]), (.node, [".js", ".mjs", ".cjs"]), (.python, [".py"]), (.ruby, [".rb"]),
    ]

    /// Shells whose `-c` script is read for the program it runs.
    static let shells: Set<String> = ["sh", "bash", "ash", "dash", "zsh"]

    /// The runtime of the program the container's command (else its args) runs.
    static func commandGuess(_ container: Container) -> (Runtime, String)? {
        let words = container.commandLine.map(\.value)
        guard let first = words.first else { return nil }
        let shown = "\(container.node["command"] == nil ? "args" : "command") \"\(words.joined(separator: " "))\""
        if shells.contains(basename(first)), let flag = words.firstIndex(of: "-c"), flag + 1 < words.count {
            return scriptPrograms(words[flag + 1]).lazy.compactMap(runtime(ofProgram:)).first.map { ($0, shown) }
        }
        if let runtime = runtime(ofProgram: first) { return (runtime, shown) }
        if words.contains("-jar") { return (.java, shown) }
        return nil
    }

    /// The runtime `word` (a path or a name) runs, by program name or script suffix.
    static func runtime(ofProgram word: String) -> Runtime? {
        let name = basename(word)
        if let match = programs.first(where: { $0.1.contains(name) }) { return match.0 }
        if name.hasPrefix("python"), name.dropFirst(6).allSatisfy({ $0.isNumber || $0 == "." }) { return .python }
        return scriptSuffixes.first { $0.1.contains { name.hasSuffix($0) } }?.0
    }

    /// The first word of each command of a shell script, past `exec`, `env` and assignments.
    static func scriptPrograms(_ script: String) -> [String] {
        var programs: [String] = []
        var expectingProgram = true
        for token in script.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            var word = String(token)
            if ["&&", "||", ";", "|"].contains(word) {
                expectingProgram = true
                continue
            }
            let ends = word.hasSuffix(";")
            if ends { word.removeLast() }
            defer { if ends { expectingProgram = true } }
            guard expectingProgram else { continue }
            word = word.trimming("\"'")
            if word == "exec" || word == "env" || (word.contains("=") && !word.hasPrefix("-")) { continue }
            programs.append(word)
            expectingProgram = false
        }
        return programs
    }

    private static func basename(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path)).lowercased()
    }
}

/// An image reference read for its name: `[registry/]path/name[:tag][@digest]`.
struct ImageReference {
    /// The repository path below the registry, lowercased (`library`, `openjdk`).
    let path: [String]
    /// The tag, empty when none is written.
    let tag: String

    /// Reads `image`.
    init(_ image: String) {
        // Read as UTF-8 bytes: the separators are ASCII, and bytes are much cheaper to scan
        // than characters.
        let lowercased = image.lowercased()
        var rest = Array(lowercased.utf8)[...]
        if let at = rest.firstIndex(of: UInt8(ascii: "@")) { rest = rest[..<at] }
        var tag = ""
        if let colon = rest.lastIndex(of: UInt8(ascii: ":")), !rest[colon...].contains(UInt8(ascii: "/")) {
            tag = String(decoding: rest[(colon + 1)...], as: UTF8.self)
            rest = rest[..<colon]
        }
        var parts = rest.split(separator: UInt8(ascii: "/"))
        if parts.count > 1, let host = parts.first,
           host.contains(UInt8(ascii: ".")) || host.contains(UInt8(ascii: ":")) || host.elementsEqual("localhost".utf8) {
            parts.removeFirst()
        }
        path = parts.map { String(decoding: $0, as: UTF8.self) }
        self.tag = tag
    }

    /// The last part of the path (`eclipse-temurin`).
    var name: String { path.last ?? "" }
}
