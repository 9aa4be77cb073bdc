import OrgLensModel
import Testing

/// The fast published sort must give exactly the order the plain comparison defines.
@Suite struct FindingOrderTests {
    @Test func keyedSortEqualsComparisonSort() {
        var random = SplitMix64(seed: 11)
        let subjects = [
            "E1", "E10", "E2", "", "org", "EMPLOYEE-000000001", "EMPLOYEE-000000001x", "EMPLOYEE-00000000",
            "É1", "E\u{0}1", "Z", "emp-7", "EMPLOYEE-000000002", "a-very-long-subject-that-shares-a-prefix",
        ]
        let rules: [Rule] = [.spanWide, .spanNarrow, .teamOversized, .valueInvalidDate, .managerSingleReport]
        let findings = (0..<5_000).map { index in
            Finding(
                rule: rules[Int(random.next() % UInt64(rules.count))], severity: .info,
                subject: subjects[Int(random.next() % UInt64(subjects.count))], value: Double(index),
                message: "m\(.number(0))", numbers: [Int(random.next() % 3)])
        }
        let expected = findings.enumerated().sorted { lhs, rhs in
            if Finding.publishedOrder(lhs.element, rhs.element) { return true }
            if Finding.publishedOrder(rhs.element, lhs.element) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
        #expect(Finding.publishedSorted(findings) == expected)
    }
}
