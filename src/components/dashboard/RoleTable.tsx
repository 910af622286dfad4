import { ScrollRegion } from "./ScrollRegion";
import type { Metric, RoleMetrics, RoleScope } from "@/lib/benchmarks";
import { useTranslations } from "next-intl";
import { useFormat } from "./format";

type RowKey =
  | "calls"
  | "voicemails"
  | "emails"
  | "socialTouches"
  | "socialShare"
  | "meetings"
  | "baseSalary"
  | "ote"
  | "annualQuota"
  | "quotaAttainment"
  | "atQuota"
  | "dealsWon"
  | "avgDealSize"
  | "salesCycle"
  | "decisionMakers"
  | "remote";

/** `label` is the catalogue key under roleTable.rows. */
const ROWS: { label: RowKey; get: (r: RoleMetrics) => Metric; kind: "money" | "number" | "share" }[] = [
  { label: "calls", get: (r) => r.averages.calls, kind: "number" },
  { label: "voicemails", get: (r) => r.averages.voicemails, kind: "number" },
  { label: "emails", get: (r) => r.averages.emails, kind: "number" },
  { label: "socialTouches", get: (r) => r.averages.socialTouches, kind: "number" },
  { label: "socialShare", get: (r) => r.socialShareOfTouches, kind: "share" },
  { label: "meetings", get: (r) => r.averages.meetings, kind: "number" },
  { label: "baseSalary", get: (r) => r.averages.baseSalary, kind: "money" },
  { label: "ote", get: (r) => r.averages.ote, kind: "money" },
  { label: "annualQuota", get: (r) => r.averages.annualQuota, kind: "money" },
  { label: "quotaAttainment", get: (r) => r.averages.quotaAttainment, kind: "share" },
  { label: "atQuota", get: (r) => r.shareAtOrAboveQuota, kind: "share" },
  { label: "dealsWon", get: (r) => r.averages.dealsWon, kind: "number" },
  { label: "avgDealSize", get: (r) => r.averages.avgDealSize, kind: "money" },
  { label: "salesCycle", get: (r) => r.averages.salesCycleDays, kind: "number" },
  { label: "decisionMakers", get: (r) => r.averages.decisionMakers, kind: "number" },
  { label: "remote", get: (r) => r.averages.remoteSellingPct, kind: "share" },
];

const SCOPES: readonly RoleScope[] = ["inside", "hybrid", "outside", "all"];

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
  const t = useTranslations("roleTable");
  const scope = useTranslations("scope");
  const format = (m: Metric, kind: "money" | "number" | "share") => {
    if (m.kind === "insufficient")
      return <span className="text-xs text-gray-600 dark:text-gray-400">{t("notEnough")}</span>;
    return kind === "money"
      ? f.money(m.value, currency)
      : kind === "share"
        ? f.share(m.value)
        : f.number(m.value);
  };
  return (
    <section className="card" aria-labelledby="roles-title" data-testid="role-table">
      <h2 id="roles-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-gray-700 dark:text-gray-300">{t("intro", { minReps })}</p>
      <ScrollRegion label={t("table")} className="mt-2">
        <table className="w-full min-w-[560px] text-left text-sm">
          <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
            <tr>
              <th scope="col" className="py-1">
                {t("measure")}
              </th>
              {SCOPES.map((s) => (
                <th key={s} scope="col" className="py-1 text-right">
                  {scope(s)} ({byRole[s].headCount})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.label} className="border-t border-gray-100 dark:border-gray-800">
                <th scope="row" className="py-1 font-normal">
                  {t(`rows.${row.label}`)}
                </th>
                {SCOPES.map((s) => (
                  <td key={s} className="py-1 text-right tabular-nums">
                    {format(row.get(byRole[s]), row.kind)}
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
