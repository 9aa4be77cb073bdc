package import Logging
package import OrgLensLoad
package import OrgLensModel

/// Loads published nights (and the `runs` rows of blocked ones) into the BI database, one transaction per run:
/// a reader sees a night whole or not at all. Nights the database already has are skipped, so every run
/// back-fills what an unreachable database missed.
package enum DatabaseLoader {
    /// What one load did.
    package struct Report: Sendable {
        /// The runs written, oldest first, with their rows.
        package var loaded: [(run: String, rows: Int)] = []
        /// Runs on disk that could not be read as the contract says (not loaded; named with why).
        package var unreadable: [String] = []
    }

    /// Whether this binary was built with the Database trait.
    package static var isAvailable: Bool {
        #if Database
        true
        #else
        false
        #endif
    }

    /// Ensures the layout, then loads every run of `runs` (oldest first) the database does not hold yet.
    /// `pause` (test only, microseconds) holds each transaction open before it commits, so a kill can land in it.
    package static func load(
        _ runs: [RunDirectory.Night], into address: DatabaseAddress, logger: Logger, pause: UInt32 = 0
    ) throws(RunError) -> Report {
        #if Database
        let password = try address.password()
        return try PostgresLoad.run(runs, address: address, password: password, logger: logger, pause: pause)
        #else
        throw RunError(
            .configuration,
            "this orglens was built without database support; build it with `make install` (or `swift build --traits Database`) to use outputs.database or orglens load."
        )
        #endif
    }
}
