import Foundation
import OrgLensLoad
import OrgLensModel
import OrgLensTestSupport
import Testing

@Suite struct OutputDirectoryTests {
    let directory = TemporaryDirectory()

    @Test func publishesFilesWithTheirModesAndNoLeftovers() throws {
        let output = OutputDirectory(path: directory.path + "/nested/out")
        try output.publish([
            .init(name: "a.json", bytes: Array("{}\n".utf8)),
            .init(name: "secret.csv", bytes: Array("x\n".utf8), mode: 0o600),
        ])
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(files == ["a.json", "secret.csv"])
        let attributes = try FileManager.default.attributesOfItem(atPath: output.path + "/secret.csv")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(directory.read("nested/out/a.json") == "{}\n")
    }

    @Test func replacesEarlierFilesWhole() throws {
        let output = OutputDirectory(path: directory.path)
        try output.publish([.init(name: "a.json", bytes: Array("old".utf8))])
        try output.publish([.init(name: "a.json", bytes: Array("new".utf8))])
        #expect(directory.read("a.json") == "new")
    }

    @Test func anUnwritableTargetFailsWithExit73AndTouchesNothing() throws {
        // A regular file where a directory should be: fails even for root.
        directory.write("blocker", "not a directory")
        let error = #expect(throws: RunError.self) {
            try OutputDirectory(path: directory.path + "/blocker/out").publish([.init(name: "a.json", bytes: [])])
        }
        #expect(error?.status == .cannotWriteOutput)
        #expect(directory.read("blocker") == "not a directory")
    }

    @Test func aFailedFileLeavesEveryEarlierFileAsItWas() throws {
        let output = OutputDirectory(path: directory.path)
        try output.publish([
            .init(name: "a.json", bytes: Array("old-a".utf8)), .init(name: "b.json", bytes: Array("old-b".utf8)),
        ])
        // b.json's temporary name is taken by a directory, so writing it fails after a.json's was written.
        try FileManager.default.createDirectory(
            atPath: directory.path + "/.b.json.tmp-\(getpid())", withIntermediateDirectories: false)
        #expect(throws: RunError.self) {
            try output.publish([
                .init(name: "a.json", bytes: Array("new-a".utf8)), .init(name: "b.json", bytes: Array("new-b".utf8)),
            ])
        }
        #expect(directory.read("a.json") == "old-a")
        #expect(directory.read("b.json") == "old-b")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/.a.json.tmp-\(getpid())"))
    }

    @Test func streamedFilesAreWrittenPieceByPieceInOrder() throws {
        let output = OutputDirectory(path: directory.path)
        let file = OutputFile(name: "big.json") { emit in
            for piece in 0..<1_000 { emit(Array("piece \(piece)\n".utf8)) }
        }
        try output.publish([file, .init(name: "small.json", bytes: Array("{}".utf8))])
        let expected = (0..<1_000).map { "piece \($0)\n" }.joined()
        #expect(directory.read("big.json") == expected)
        #expect(String(decoding: file.bytes, as: UTF8.self) == expected)
        #expect(directory.read("small.json") == "{}")
    }
}
