/** A generated team file in the product's CSV format (all 19 columns), for the benchmarks. */
export function generateTeamCsv(
  rows: number,
  {
    offset = 0,
    teams = 25,
    domain = "bench.example",
    titlePad = 0,
  }: { offset?: number; teams?: number; domain?: string; titlePad?: number } = {},
) {
  // Longer titles make a larger file of the same rows (the 20 MB memory run of bench:import).
  const pad = titlePad > 0 ? ` ${"x".repeat(titlePad - 1)}` : "";
  const lines = [
    "name,email,role,title,team,base_salary,ote,annual_quota,quota_attainment,calls,voicemails,emails,social_touches,meetings,deals_won,avg_deal_size,sales_cycle_days,decision_makers,remote_selling_pct",
  ];
  const roles = ["inside", "outside", "hybrid"];
  for (let r = 0; r < rows; r++) {
    // Names, emails and teams follow the row; the values vary with `offset`, so files differ in content.
    const i = r + offset;
    lines.push(
      [
        `Rep ${r}`,
        `rep${r}@${domain}`,
        roles[i % 3],
        (i % 2 ? "Account Executive" : "SDR") + pad,
        `Team ${r % teams}`,
        40000 + (i % 20000),
        90000 + (i % 30000),
        500000 + (i % 400000),
        `${60 + (i % 70)}%`,
        200 + (i % 300),
        40 + (i % 80),
        500 + (i % 700),
        20 + (i % 90),
        20 + (i % 40),
        3 + (i % 10),
        8000 + (i % 40000),
        30 + (i % 120),
        1 + (i % 6),
        `${30 + (i % 70)}%`,
      ].join(","),
    );
  }
  return Buffer.from(lines.join("\n") + "\n");
}
