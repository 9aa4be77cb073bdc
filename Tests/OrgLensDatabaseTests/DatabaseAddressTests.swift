import Foundation
import OrgLensDatabase
import OrgLensModel
import Testing

@Suite struct DatabaseAddressTests {
    @Test func readsUserHostPortAndDatabase() throws {
        let address = try DatabaseAddress(url: "postgresql://bi_loader@db.internal:6543/analytics")
        #expect(address.user == "bi_loader")
        #expect(address.host == "db.internal")
        #expect(address.port == 6543)
        #expect(address.database == "analytics")
        #expect(try DatabaseAddress(url: "postgres://u@[::1]/d").host == "::1")
        #expect(try DatabaseAddress(url: "postgres://u@localhost/d").port == 5432)
    }

    /// A password in the URL is refused without being repeated; so are URLs missing a part.
    @Test func refusesAPasswordAndIncompleteURLs() {
        let cases = [
            ("postgresql://u:hunter2@h:5432/d", "holds a password"),
            ("mysql://u@h/d", "must start with postgresql://"),
            ("postgresql://h:5432/d", "names no user"),
            ("postgresql://u@h:5432", "names no database"),
            ("postgresql://u@h:99999/d", "port"),
            ("postgresql://u@h/d?sslmode=require", "no options"),
        ]
        for (url, expected) in cases {
            #expect {
                try DatabaseAddress(url: url)
            } throws: { error in
                let problem = (error as? DatabaseAddressError)?.problem ?? ""
                return problem.contains(expected) && !problem.contains("hunter2")
            }
        }
    }

    @Test func schemaNamesAreUsedAsWritten() {
        #expect(DatabaseAddress.isSchemaName("orglens") && DatabaseAddress.isSchemaName("bi_2026"))
        for name in ["", "OrgLens", "2026", "a-b", "a\"b", "ö"] { #expect(!DatabaseAddress.isSchemaName(name)) }
    }

    @Test func thePasswordComesFromTheEnvironmentOrAPrivateFile() throws {
        var address = try DatabaseAddress(url: "postgresql://u@h/d")
        #expect(try address.password(environment: ["PGPASSWORD": "from-env"]) == "from-env")
        #expect(try address.password(environment: [:]) == nil)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("orglens-pw-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        _ = FileManager.default.createFile(atPath: file, contents: Array("s3cret\n".utf8).withUnsafeBytes { Data($0) })
        address.passwordFile = file
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        #expect(throws: RunError.self) { try address.password(environment: [:]) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        #expect(try address.password(environment: [:]) == "s3cret")
    }
}
