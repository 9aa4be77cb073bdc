import OrgLensModel
import OrgLensStage
import Testing

@Suite struct ColumnMappingTests {
    @Test func canonicalNamesMatchCaseInsensitively() throws {
        let indices = try ColumnMapping<PersonField>().resolve(
            [.employeeID, .managerID, .status], header: ["Manager_ID", "EMPLOYEE_ID", "name"], source: "p.csv")
        #expect(indices == [1, 0, nil])
    }

    @Test func overridesRenameColumns() throws {
        let mapping = try ColumnMapping<PersonField>(pairs: ["employee_id=EMPLOYEE_ID", "manager_id=ReportsTo"])
        let indices = try mapping.resolve(
            [.employeeID, .managerID], header: ["reportsto", "employee_id"], source: "p.csv")
        #expect(indices == [1, 0])
    }

    @Test func missingRequiredColumnNamesTheFixes() {
        let error = #expect(throws: RunError.self) {
            try ColumnMapping<PersonField>().resolve(
                [.employeeID, .managerID], header: ["employee_id", "boss"], source: "p.csv")
        }
        #expect(error?.status == .badData)
        #expect(error?.message.contains("'manager_id'") == true)
        #expect(error?.message.contains("--map manager_id=COLUMN") == true)
        // The header is never quoted: in a header-less export it is the first person's data.
        #expect(error?.message.contains("boss") == false)
        #expect(error?.message.contains("2 columns") == true)
    }

    @Test func mappedColumnThatIsNotThereIsAnError() {
        #expect(throws: RunError.self) {
            try ColumnMapping<PersonField>(pairs: ["status=State"]).resolve(
                [.employeeID, .managerID, .status], header: ["employee_id", "manager_id"], source: "p.csv")
        }
    }

    @Test(arguments: ["employee_id", "=X", "nosuchfield=X"])
    func malformedMapPairsAreUsageErrors(pair: String) {
        let error = #expect(throws: RunError.self) { try ColumnMapping<PersonField>(pairs: [pair]) }
        #expect(error?.status == .usage)
    }
}
