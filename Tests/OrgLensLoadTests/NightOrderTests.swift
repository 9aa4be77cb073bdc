import Foundation
import OrgLensLoad
import Testing

@Suite struct NightOrderTests {
    /// Back-filled nights go in oldest first, so the newest run of a day is the one whose rows stay.
    @Test func byDayThenRunNumberThenBlockedFirst() {
        let names = [
            ("runs/2026-11-02.10", true), ("runs/2026-11-02.9", true), ("blocked/2026-11-02.1", false),
            ("runs/2026-11-01.1", true), ("blocked/2026-11-03.2", false),
        ]
        let sources = names.map {
            RunDirectory.Night(
                path: "/o/" + $0.0, name: $0.0, published: $0.1, finished: Date(timeIntervalSince1970: 0))
        }
        #expect(
            RunDirectory.inLoadOrder(sources).map(\.name) == [
                "runs/2026-11-01.1", "blocked/2026-11-02.1", "runs/2026-11-02.9", "runs/2026-11-02.10",
                "blocked/2026-11-03.2",
            ])
    }
}
