import { describe, expect, it } from "vitest";
import { fixtureBytes, preview } from "./helpers";

/** The header sets of common exports (docs/csv-format.md, "Exports recognised"), each read without a manual choice. */
const mapped = (file: string) =>
  Object.fromEntries(preview(fixtureBytes(file)).mapping.map((c) => [c.header, c.target]));

describe("exports recognised without choosing columns", () => {
  it("a Salesforce report (Details Only, CSV)", () => {
    const p = preview(fixtureBytes("salesforce-report.csv"));
    expect(p.mappingProblems).toEqual([]);
    expect(mapped("salesforce-report.csv")).toEqual({
      "Full Name": "name",
      Email: "email",
      Role: "role",
      Title: "title",
      "Role: Hierarchy": "team",
      "Annual Base Salary": "baseSalary",
      OTE: "ote",
      Quota: "annualQuota",
      "Attainment %": "quotaAttainment",
      Calls: "calls",
      "Voicemails Left": "voicemails",
      "Emails Sent": "emails",
      Meetings: "meetings",
      "Closed Won": "dealsWon",
      "Avg. Amount": "avgDealSize",
      "Avg. Sales Cycle (Days)": "salesCycleDays",
      Manager: null,
    });
    expect(p.validCount).toBe(2);
    expect(p.sampleRows[0]).toMatchObject({
      rep: { role: "inside", baseSalary: 62000, quotaAttainment: 0.915 },
    });
  });

  it("a HubSpot users or contacts export", () => {
    const p = preview(fixtureBytes("hubspot-users.csv"));
    expect(p.mappingProblems).toEqual([]);
    expect(mapped("hubspot-users.csv")).toEqual({
      "Record ID": null,
      "First Name": "firstName",
      "Last Name": "lastName",
      Email: "email",
      "Job Title": "title",
      "HubSpot Team": "team",
      "Sales Type": "role",
      "Number of calls logged": "calls",
      "Number of emails sent": "emails",
      "Number of meetings booked": "meetings",
      "Deals won": "dealsWon",
      "Average deal amount": "avgDealSize",
      "Quota attainment": "quotaAttainment",
      "Annual quota": "annualQuota",
      "Base salary": "baseSalary",
      OTE: "ote",
      "Create Date": null,
    });
    expect(p.validCount).toBe(2);
    expect(p.sampleRows[1]).toMatchObject({ rep: { name: "Dee Park", calls: 140, quotaAttainment: 1.12 } });
  });

  it("an Excel export in a comma-decimal locale (BOM, sep=;, CRLF, empty trailing columns)", () => {
    const p = preview(fixtureBytes("excel-semicolon-export.csv"));
    expect(p.mappingProblems).toEqual([]);
    expect(p.delimiter).toBe(";");
    expect(mapped("excel-semicolon-export.csv")).toEqual({
      "Employee Name": "name",
      "E-mail Address": "email",
      Position: "title",
      Department: "team",
      "Sales Channel": "role",
      "Base Salary": "baseSalary",
      "On-Target Earnings": "ote",
      "Annual Target": "annualQuota",
      "% of Target": "quotaAttainment",
      "Calls Made": "calls",
      "LinkedIn Touches": "socialTouches",
      "Deals Closed": "dealsWon",
      "Average Deal Size": "avgDealSize",
      "Remote %": "remoteSellingPct",
    });
    expect(p.errors).toEqual([]);
    expect(p.sampleRows[0]).toMatchObject({
      row: 2,
      rep: { name: "Müller, Jana", role: "inside", baseSalary: 48000, quotaAttainment: 0.875 },
    });
  });
});
