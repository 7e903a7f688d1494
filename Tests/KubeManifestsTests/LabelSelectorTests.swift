import KubeManifests
import Testing

/// kubectl's `-l` syntax: parsing, canonical text and matching.
@Suite struct LabelSelectorTests {
    private let web = ["app": "web", "tier": "frontend", "replicas": "3"]

    private func selects(_ text: String, _ labels: [String: String]) throws -> Bool {
        try LabelSelector(parsing: text).matches(labels)
    }

    @Test func equalityForms() throws {
        #expect(try selects("app=web", web))
        #expect(try selects("app==web", web))
        #expect(try !selects("app=db", web))
        #expect(try selects("app!=db", web))
        #expect(try !selects("app!=web", web))
        #expect(try selects("missing!=x", web), "!= holds when the label is absent, as in kubectl")
        #expect(try !selects("missing=x", web))
    }

    @Test func setForms() throws {
        #expect(try selects("tier in (backend, frontend)", web))
        #expect(try !selects("tier in (backend)", web))
        #expect(try selects("tier notin (backend)", web))
        #expect(try !selects("tier notin (frontend,backend)", web))
        #expect(try selects("missing notin (a)", web))
        #expect(try !selects("missing in (a)", web))
    }

    @Test func existenceForms() throws {
        #expect(try selects("app", web))
        #expect(try !selects("missing", web))
        #expect(try selects("!missing", web))
        #expect(try !selects("!app", web))
        #expect(try selects("! missing", web))
    }

    @Test func requirementsAreAllRequired() throws {
        #expect(try selects("app=web,tier in (frontend),!legacy", web))
        #expect(try !selects("app=web,tier=backend", web))
        #expect(try selects(" app = web , tier ", web), "white space between tokens is ignored")
    }

    @Test func integerComparisons() throws {
        #expect(try selects("replicas>2", web))
        #expect(try !selects("replicas<2", web))
        #expect(try !selects("app>2", web), "a label that is not an integer never compares")
    }

    @Test func emptyValuesAndEmptySelector() throws {
        #expect(try selects("empty=", ["empty": ""]))
        #expect(try !selects("empty=", ["empty": "x"]))
        #expect(try LabelSelector(parsing: "").requirements.isEmpty)
        #expect(try selects("  ", [:]))
    }

    @Test func prefixedKeys() throws {
        #expect(try selects("app.kubernetes.io/name=web", ["app.kubernetes.io/name": "web"]))
    }

    @Test func descriptionIsCanonical() throws {
        let selector = try LabelSelector(parsing: "app == web, tier in ( a ,b ),!x, y, z notin (c), n>1, m!=2")
        #expect(selector.description == "app=web,tier in (a,b),!x,y,z notin (c),n>1,m!=2")
        #expect(try LabelSelector(parsing: selector.description) == selector)
    }

    @Test(arguments: [
        ("app=web)", "found ')'"),
        ("app in ()", "cannot be empty"),
        ("app in (a", "missing ')'"),
        ("app in a", "expected '('"),
        ("=web", "expected a label key"),
        ("app=web,", "expected a label key at the end"),
        ("app web", "found 'web' after 'app'"),
        ("app>x", "not an integer"),
        ("-app=web", "invalid label key '-app'"),
        ("a/b/c", "at most one '/'"),
        ("Example.com/app", "DNS subdomain"),
        ("app=we b", "found 'b'"),
        ("app=" + String(repeating: "v", count: 64), "at most 63 characters"),
        ("!", "expected a label key at the end"),
    ])
    func parseErrorsNameTheProblem(_ text: String, _ expected: String) {
        do {
            _ = try LabelSelector(parsing: text)
            Issue.record("'\(text)' parsed, but it should not")
        } catch {
            #expect(error.description.contains(expected), "'\(text)': \(error.description)")
        }
    }
}
