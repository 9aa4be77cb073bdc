import OrgLensModel
import OrgLensStage
import Testing

/// Values as HRIS exports write them: local dates, pay with symbols and separators, status words.
@Suite struct ValueReadingTests {
    func date(_ text: String, _ format: DateFormat) -> DateFormat.Reading {
        format.read(ArraySlice(text.utf8))
    }

    @Test(arguments: [
        ("2015-03-02", DateFormat.iso, "2015-03-02"), ("2015-03-02-08:00", .iso, "2015-03-02"),
        ("2015-03-02T09:00:00Z", .iso, "2015-03-02"),
        ("3/2/2015", .mdy, "2015-03-02"), ("03/02/2015 0:00", .mdy, "2015-03-02"), ("02/03/2015", .dmy, "2015-03-02"),
        ("02.03.2015", .dmy, "2015-03-02"), ("2015/03/02", .ymd, "2015-03-02"), ("02-Mar-2015", .dmy, "2015-03-02"),
        ("2015-03-02", .dmy, "2015-03-02"),
    ])
    func datesInEachLayout(text: String, format: DateFormat, expected: String) {
        #expect(date(text, format) == .date(CivilDate(iso: Substring(expected))!))
    }

    @Test(arguments: [("0000-00-00", DateFormat.iso), ("", .mdy), ("00.00.0000", .dmy)])
    func placeholdersAreUnknownNotFindings(text: String, format: DateFormat) {
        #expect(date(text, format) == .unknown)
    }

    @Test(arguments: [
        ("3/2/15", DateFormat.mdy), ("13/13/2015", .mdy), ("2015-02-30", .iso), ("3/2/2015", .iso), ("soon", .dmy),
    ])
    func unreadableDates(text: String, format: DateFormat) {
        #expect(date(text, format) == .unreadable)
    }

    func column(_ values: [String]) -> TextColumn {
        var column = TextColumn()
        for value in values { column.append(value.utf8) }
        return column
    }

    @Test func autoDecidesFromTheWholeColumn() {
        #expect(DateFormat.decide(column(["3/2/2015", "12/25/2019"])).format == .mdy)
        #expect(DateFormat.decide(column(["3/2/2015", "25/12/2019"])).format == .dmy)
        #expect(DateFormat.decide(column(["2015-03-02", "2019-12-25"])).format == .iso)
        #expect(DateFormat.decide(column(["02.03.2015"])).format == .dmy)
        // Every value reads either way: nothing settles it.
        #expect(DateFormat.decide(column(["3/2/2015", "1/12/2019"])).format == nil)
    }

    @Test(
        arguments: [
            ("120000.00 USD", 120_000_000_000, "USD", nil), ("$420,000.00", 420_000_000_000, "USD", nil),
            ("1.234,56 €", 1_234_560_000, "EUR", nil), ("€95.000", 95_000_000_000, "EUR", nil),
            ("£85,000", 85_000_000_000, "GBP", nil),
            ("CHF 85'000.50", 85_000_500_000, "CHF", nil), ("$65.50/hr", 65_500_000, "USD", PayPeriod.hourly),
            ("7.500,00 EUR monthly", 7_500_000_000, "EUR", .monthly),
            ("85000 USD per year", 85_000_000_000, "USD", .annual),
            ("85\u{A0}000,00 €", 85_000_000_000, "EUR", nil), ("0.125", 125_000, nil, nil),
        ] as [(String, Int64, String?, PayPeriod?)])
    func payAsExported(text: String, micro: Int64, currency: String?, period: PayPeriod?) throws {
        let reading = try #require(PayFormat().read(ArraySlice(text.utf8)))
        #expect(reading.micro == micro)
        #expect(reading.currency == currency)
        #expect(reading.period == period)
    }

    @Test func anExplicitDecimalMarkWins() {
        #expect(PayFormat(decimal: .comma).read(ArraySlice("1.234".utf8))?.micro == 1_234_000_000)
        #expect(PayFormat(decimal: .point).read(ArraySlice("1.234".utf8))?.micro == 1_234_000)
        #expect(PayFormat(decimal: .point).read(ArraySlice("1.234,56".utf8)) == nil)
        #expect(PayFormat(symbols: ["$": "CAD"]).read(ArraySlice("$100".utf8))?.currency == "CAD")
    }

    @Test func statusWordsIgnoreCaseAndSpacing() {
        let policy = PeoplePolicy(asOf: CivilDate(daysSinceEpoch: 0))
        #expect(policy.statusClass(of: "Garden-Leave") == .leave)
        #expect(policy.statusClass(of: "TERMINATED") == .inactive)
        #expect(policy.statusClass(of: "Pending Start") == .inactive)
        #expect(policy.statusClass(of: "Onboarding") == .pending)
        #expect(policy.statusClass(of: "Furlough") == .leave)
        #expect(policy.statusClass(of: "Wandering") == nil)
        var values = SourceValues()
        values.statuses = ValueVocabulary(["T": .inactive, "U": .leave])
        let successFactors = PeoplePolicy(asOf: CivilDate(daysSinceEpoch: 0), values: values)
        #expect(successFactors.statusClass(of: "t") == .inactive)
        #expect(successFactors.workerClass(of: "1099 Contractor") == .contractor)
        #expect(successFactors.workerClass(of: "Full-Time") == .employee)
        #expect(successFactors.workerClass(of: "Astronaut") == nil)
    }
}
