import OrgLensModel
import Testing

@Suite struct CivilDateTests {
    @Test(arguments: [
        ("1970-01-01", 0), ("2000-02-29", 11_016), ("2026-11-01", 20_758),
        ("2008-04-30 00:00:00.000", 13_999), ("1988-01-03-08:00", 6_576), ("2024-05-06T10:00:00Z", 19_849),
    ])
    func parsesISODatesAndIgnoresTimeAndZone(text: String, days: Int) {
        #expect(CivilDate(iso: Substring(text))?.daysSinceEpoch == days)
    }

    @Test(arguments: ["", "2026-13-01", "2026-02-30", "12/08/1948", "2026-1-1", "2026-11-01x"])
    func rejectsOtherForms(text: String) {
        #expect(CivilDate(iso: Substring(text)) == nil)
    }

    @Test func roundTripsThroughItsDescription() {
        for days in stride(from: -719_000, to: 2_900_000, by: 997) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(CivilDate(iso: Substring(date.description)) == date)
        }
    }
}
