import { ScrollRegion } from "./ScrollRegion";
import type { Metric, RoleMetrics, RoleScope } from "@/lib/benchmarks";
import { useFormat } from "./format";

const ROWS: { label: string; get: (r: RoleMetrics) => Metric; kind: "money" | "number" | "share" }[] = [
  { label: "Calls per rep", get: (r) => r.averages.calls, kind: "number" },
  { label: "Voicemails per rep", get: (r) => r.averages.voicemails, kind: "number" },
  { label: "Emails per rep", get: (r) => r.averages.emails, kind: "number" },
  { label: "Social touches per rep", get: (r) => r.averages.socialTouches, kind: "number" },
  { label: "Social share of touches", get: (r) => r.socialShareOfTouches, kind: "share" },
  { label: "Meetings per rep", get: (r) => r.averages.meetings, kind: "number" },
  { label: "Base salary", get: (r) => r.averages.baseSalary, kind: "money" },
  { label: "OTE", get: (r) => r.averages.ote, kind: "money" },
  { label: "Annual quota", get: (r) => r.averages.annualQuota, kind: "money" },
  { label: "Quota attainment", get: (r) => r.averages.quotaAttainment, kind: "share" },
  { label: "Reps at or above quota", get: (r) => r.shareAtOrAboveQuota, kind: "share" },
  { label: "Deals won", get: (r) => r.averages.dealsWon, kind: "number" },
  { label: "Average deal size", get: (r) => r.averages.avgDealSize, kind: "money" },
  { label: "Sales cycle (days)", get: (r) => r.averages.salesCycleDays, kind: "number" },
  { label: "Decision makers per deal", get: (r) => r.averages.decisionMakers, kind: "number" },
  { label: "Remote selling share", get: (r) => r.averages.remoteSellingPct, kind: "share" },
];

const SCOPES: { scope: RoleScope; label: string }[] = [
  { scope: "inside", label: "Inside" },
  { scope: "hybrid", label: "Hybrid" },
  { scope: "outside", label: "Outside" },
  { scope: "all", label: "All" },
];

/** Per-role averages from the org's data; a cell without enough reps says so instead of showing a number. */
export function RoleTable({
  byRole,
  currency,
  minReps,
}: {
  byRole: Record<RoleScope, RoleMetrics>;
  currency: string;
  minReps: number;
}) {
  const f = useFormat();
  const format = (m: Metric, kind: "money" | "number" | "share") => {
    if (m.kind === "insufficient")
      return <span className="text-xs text-gray-600 dark:text-gray-400">not enough data</span>;
    return kind === "money"
      ? f.money(m.value, currency)
      : kind === "share"
        ? f.share(m.value)
        : f.number(m.value);
  };
  return (
    <section className="card" aria-labelledby="roles-title" data-testid="role-table">
      <h2 id="roles-title" className="text-lg font-semibold">
        By role (your data)
      </h2>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        Averages per rep over the reps that have a value. A cell needs at least {minReps} reps behind it;
        fewer shows “not enough data”, never a number.
      </p>
      <ScrollRegion label="By role, table" className="mt-2">
        <table className="w-full min-w-[560px] text-left text-sm">
          <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
            <tr>
              <th scope="col" className="py-1">
                Measure
              </th>
              {SCOPES.map((s) => (
                <th key={s.scope} scope="col" className="py-1 text-right">
                  {s.label} ({byRole[s.scope].headCount})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.label} className="border-t border-gray-100 dark:border-gray-800">
                <th scope="row" className="py-1 font-normal">
                  {row.label}
                </th>
                {SCOPES.map((s) => (
                  <td key={s.scope} className="py-1 text-right tabular-nums">
                    {format(row.get(byRole[s.scope]), row.kind)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
