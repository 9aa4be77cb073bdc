package import OrgLensModel

/// Where each field sits in the XML exports people actually have: the record element and a selector per field.
/// The built-in preset of the same name (a YAML file in OrgLensPipeline) adds how the values are written.
package enum XMLExportLayout {
    /// The layouts of people exports.
    package static let peopleLayouts = ["workday-report", "bamboohr-directory"]
    /// Every layout: people's, then positions' (`workday-positions`).
    package static let names = peopleLayouts + ["workday-positions"]

    package static func mapping(named name: String) throws(RunError) -> XMLRecordMapping {
        let selectors: [String: String]
        let record: String
        switch name {
        case "workday-report":
            // Workday RaaS: one wd:Report_Entry per worker; references carry typed ID children.
            record = "Report_Entry"
            selectors = [
                // Contingent workers carry Contingent_Worker_ID instead of Employee_ID.
                "employee_id":
                    "Employee_ID | Worker/ID[@type='Employee_ID'] | Contingent_Worker_ID | Worker/ID[@type='Contingent_Worker_ID']",
                // A manager given only by name (Descriptor) is matched by name when the ids do not settle it.
                "manager_id":
                    "Manager/ID[@type='Employee_ID'] | Manager/ID[@type='Contingent_Worker_ID'] | Manager_ID | Manager/@Descriptor",
                // The matrix manager (a second supervisory relation): a dotted line, never the tree.
                "dotted_manager_ids":
                    "Matrix_Manager/ID[@type='Employee_ID'] | Matrix_Manager/ID[@type='Contingent_Worker_ID'] | Matrix_Manager_ID",
                "name": "Worker/@Descriptor | Legal_Name",
                "email": "Email_Address | Primary_Work_Email",
                "title": "Business_Title | Job_Title",
                "level": "Management_Level/@Descriptor | Job_Level",
                "team_id": "Team_ID | Supervisory_Organization/ID[@type='Organization_Reference_ID']",
                "department": "Cost_Center/@Descriptor | Department",
                "location": "Location/@Descriptor | Location",
                "employment_type":
                    "Worker_Type/@Descriptor | Worker_Type | Employee_Type/@Descriptor | Employee_Type | Employment_Type",
                "status":
                    "Worker_Status/@Descriptor | Worker_Status | Employment_Status/@Descriptor | Employment_Status | Active_Status | Status",
                "hire_date": "Hire_Date | Original_Hire_Date | Start_Date",
                "salary": "Annual_Base_Pay | Annual_Salary | Total_Base_Pay | Salary",
                "currency": "Currency/ID[@type='Currency_ID'] | Currency/@Descriptor | Currency",
                "pay_period": "Frequency/@Descriptor | Pay_Rate_Type",
            ]
        case "bamboohr-directory":
            // BambooHR directory / custom report XML: <employee id="…"><field id="…">value</field>…
            // supervisorEId joins on the internal id (the employee element's id attribute).
            record = "employee"
            selectors = [
                "employee_id": "@id",
                "manager_id": "field[@id='supervisorEId'] | field[@id='supervisorEid']",
                "name": "field[@id='displayName']",
                "first_name": "field[@id='firstName']",
                "last_name": "field[@id='lastName']",
                "email": "field[@id='workEmail']",
                "title": "field[@id='jobTitle']",
                "level": "field[@id='level']",
                "team_id": "field[@id='team']",
                "department": "field[@id='department']",
                "location": "field[@id='location']",
                "employment_type": "field[@id='employmentHistoryStatus']",
                "status": "field[@id='status']",
                "hire_date": "field[@id='hireDate']",
                "salary": "field[@id='payRate']",
                "currency": "field[@id='payRateCurrency']",
                "pay_period": "field[@id='payPer']",
            ]
        case "workday-positions":
            // Workday RaaS over positions (position management): one wd:Report_Entry per position, the hiring
            // manager as a typed reference, the supervisory organization as the team.
            record = "Report_Entry"
            selectors = [
                "position_id":
                    "Position/ID[@type='Position_ID'] | Position_ID | Job_Requisition/ID[@type='Job_Requisition_ID']",
                "manager_id":
                    "Hiring_Manager/ID[@type='Employee_ID'] | Manager/ID[@type='Employee_ID'] | Manager_ID | Hiring_Manager/@Descriptor",
                "team_id": "Supervisory_Organization/ID[@type='Organization_Reference_ID'] | Team_ID",
                "status": "Position_Status/@Descriptor | Position_Status | Job_Requisition_Status/@Descriptor | Status",
                "planned_start": "Availability_Date | Earliest_Hire_Date | Recruiting_Start_Date",
                "budget": "Budgeted_Annual_Pay | Compensation_Budget | Budget",
                "currency": "Currency/ID[@type='Currency_ID'] | Currency/@Descriptor | Currency",
                "role": "Management_Position | Is_Manager_Position | Role",
            ]
        default:
            throw RunError(.usage, "unknown XML preset '\(name)'; presets are: \(names.joined(separator: ", ")).")
        }
        var parsed: [String: XMLSelector] = [:]
        for (field, text) in selectors { parsed[field] = try XMLSelector(text) }
        return XMLRecordMapping(recordElement: record, selectors: parsed)
    }
}
