import Crypto
import Foundation
package import OrgLensModel
import OrgLensSystem

/// Replaces person ids in everything meant for the dashboard with keyed HMAC-SHA256 pseudonyms:
/// stable for one key (so nightly diffs line up), meaningless without it. The quarantine, which
/// operators use to fix the source, keeps real ids.
package struct Pseudonymizer: Sendable {
    package static let environmentVariable = "ORGLENS_PSEUDONYM_KEY"
    private let keyBytes: [UInt8]

    package init(keyBytes: [UInt8]) { self.keyBytes = keyBytes }

    /// Names the key without revealing it (the first 16 hex digits of SHA-256 over a label and the key): two runs
    /// whose fingerprints differ made their pseudonyms with different keys.
    package var fingerprint: String {
        SHA256.hash(data: Array("orglens pseudonym key".utf8) + keyBytes).prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// `p_` and the first 16 hex digits (64 bits) of HMAC-SHA256(key, id).
    package func pseudonym(_ id: String) -> String {
        Self.pseudonym(id, key: SymmetricKey(data: keyBytes))
    }

    /// The same function with the key set up once, for a million ids.
    package func function() -> (String) -> String {
        let key = SymmetricKey(data: keyBytes)
        return { Self.pseudonym($0, key: key) }
    }

    private static func pseudonym(_ id: String, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(id.utf8), using: key)
        return "p_"
            + mac.prefix(8).map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined()
    }

    /// The key from the environment, or from a key file nobody but its owner can read; never from a pipeline file.
    package static func load(keyFile: String?, environment: [String: String]) throws(RunError) -> Pseudonymizer {
        if let path = keyFile {
            let key = try SecretFile.read(path, what: "the pseudonym key file").filter {
                $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r")
            }
            guard key.count >= 16 else {
                throw RunError(.configuration, "the pseudonym key in \(path) is shorter than 16 bytes.")
            }
            return Pseudonymizer(keyBytes: key)
        }
        guard let text = environment[environmentVariable], !text.isEmpty else {
            throw RunError(
                .configuration,
                "privacy.pseudonymize is on but there is no key: set \(environmentVariable) or privacy.key_file (a file with mode 600)."
            )
        }
        guard text.utf8.count >= 16 else {
            throw RunError(.configuration, "\(environmentVariable) is shorter than 16 bytes.")
        }
        return Pseudonymizer(keyBytes: Array(text.utf8))
    }
}
