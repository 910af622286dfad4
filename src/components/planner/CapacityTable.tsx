import type { CapacityResult, RoleCapacity, Sum } from "@/lib/planner";
import { useFormat, type Formatter } from "@/components/dashboard/format";

const ROWS: {
  key: keyof Omit<RoleCapacity, "headCount" | "movedIn">;
  label: string;
  kind: "money" | "ratio";
}[] = [
  { key: "quota", label: "Quota carried (Σ quota)", kind: "money" },
  { key: "capacity", label: "Quota capacity = expected bookings (Σ quota × attainment)", kind: "money" },
  { key: "bookingsFromDeals", label: "Bookings from deals (Σ deals won × deal size)", kind: "money" },
  { key: "baseCost", label: "Base cost", kind: "money" },
  { key: "oteCost", label: "OTE cost", kind: "money" },
  { key: "costOfSale", label: "Cost of sale (OTE ÷ quota capacity)", kind: "ratio" },
  { key: "quotaToOte", label: "Quota-to-OTE (Σ quota ÷ Σ OTE)", kind: "ratio" },
];
const SCOPES = ["inside", "hybrid", "outside", "total"] as const;

function cell(f: Formatter, s: Sum, kind: "money" | "ratio", currency: string) {
  if (s.value === null) return <span className="text-gray-600 dark:text-gray-400">not enough data</span>;
  return kind === "money" ? f.money(s.value, currency) : f.fixed(s.value, 2);
}

/** Capacity and cost per role, before and after the moves, from the user's rows. */
export function CapacityTable({
  before,
  after,
  currency,
}: {
  before: CapacityResult;
  after: CapacityResult;
  currency: string;
}) {
  const f = useFormat();
  const role = (c: CapacityResult, scope: (typeof SCOPES)[number]) =>
    scope === "total" ? c.total : c.byRole[scope];
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto" role="region" aria-label="Capacity and cost by role" tabIndex={0}>
        <table className="w-full text-sm" data-testid="capacity-table">
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-3">
                Yearly, from your file
              </th>
              {SCOPES.map((s) => (
                <th key={s} scope="col" className="py-1 pr-3 capitalize">
                  {s}: before → after
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="border-t border-gray-200 dark:border-gray-800">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                Reps
              </th>
              {SCOPES.map((s) => (
                <td key={s} className="py-1 pr-3 tabular-nums" data-testid={`heads-${s}`}>
                  {f.count(role(before, s).headCount)} → {f.count(role(after, s).headCount)}
                  {role(after, s).movedIn > 0 ? ` (${role(after, s).movedIn} moved in)` : ""}
                </td>
              ))}
            </tr>
            {ROWS.map((r) => (
              <tr key={r.key} className="border-t border-gray-200 dark:border-gray-800">
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  {r.label}
                </th>
                {SCOPES.map((s) => (
                  <td key={s} className="py-1 pr-3 tabular-nums" data-testid={`${r.key}-${s}`}>
                    {cell(f, role(before, s)[r.key], r.kind, currency)} →{" "}
                    {cell(f, role(after, s)[r.key], r.kind, currency)}
                    <span className="block text-xs text-gray-600 dark:text-gray-400">
                      {role(after, s)[r.key].reps} reps with the fields
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-gray-700 dark:text-gray-300" data-testid="projection-label">
        {after.projectionLabel}
      </p>
      <p className="text-xs text-gray-700 dark:text-gray-300">{after.payBasis}</p>
      <p className="text-xs text-gray-700 dark:text-gray-300">{after.noBenchmarkNote}</p>
    </div>
  );
}
