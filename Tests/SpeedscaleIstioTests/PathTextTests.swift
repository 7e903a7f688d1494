import Foundation
@testable import SpeedscaleIstio
import Testing

/// PathText gives what Foundation's NSString path methods give for the paths the tool meets.
@Suite struct PathTextTests {
    static let paths = [
        "/a/b/c.yaml", "/a/b/", "/a", "/", "a/b", "//a//b//", "./a/../b", "/a/./b/../c", "../x", "/..", "a/.."
    ]

    @Test(arguments: paths)
    func parentAndLastComponentMatchFoundation(_ path: String) {
        #expect(PathText.deletingLastComponent(path) == (path as NSString).deletingLastPathComponent)
        #expect(PathText.lastComponent(path) == (path as NSString).lastPathComponent)
    }

    @Test func aPathOfOneRelativeComponentHasAnEmptyParent() {
        // Compared by hand: Foundation's deletingLastPathComponent traps on these on Linux.
        for (path, last) in [("", ""), ("a", "a"), ("a/", "a")] {
            #expect(PathText.deletingLastComponent(path) == "")
            #expect(PathText.lastComponent(path) == last)
        }
    }

    @Test(arguments: ["/a", "/a/", "/", "a", ""])
    func appendingPutsOneSlashBetween(_ path: String) {
        #expect(PathText.appending("x.yaml", to: path) == (path as NSString).appendingPathComponent("x.yaml"))
    }

    @Test func standardizingRemovesDotsAndRepeatedSlashes() {
        #expect(PathText.standardized("/a/./b/../c//d/") == "/a/c/d")
        #expect(PathText.standardized("/../a") == "/a")
        #expect(PathText.standardized("a/../..") == "..")
        #expect(PathText.standardized("./") == ".")
        #expect(PathText.standardized("/") == "/")
    }
}
