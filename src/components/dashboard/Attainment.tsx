"use client";
import type { RoleMetrics, RoleScope } from "@/lib/benchmarks";
import { LazyAttainmentChart } from "./Charts";
import { useFormat, useMetricText } from "./format";

const ROLE_LABEL: Record<RoleScope, string> = {
  inside: "Inside",
  outside: "Outside",
  hybrid: "Hybrid",
  all: "All reps",
};

export function Attainment({ byRole }: { byRole: Record<RoleScope, RoleMetrics> }) {
  const f = useFormat();
  const metricText = useMetricText();
  const data = byRole.all.attainmentDistribution.map((b) => ({ bucket: b.label, Reps: b.count }));
  return (
    <section className="card" aria-labelledby="attainment-title" data-testid="attainment">
      <h2 id="attainment-title" className="text-lg font-semibold">
        Quota attainment (your data)
      </h2>
      <div aria-hidden>
        <LazyAttainmentChart data={data} />
      </div>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">Reps per attainment band</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.bucket} className="border-t border-gray-100 dark:border-gray-800">
              <th scope="row" className="font-normal">
                {d.bucket}
              </th>
              <td className="text-right tabular-nums">{d.Reps} reps</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-sm">
        At or above quota by role:{" "}
        {(["inside", "hybrid", "outside"] as const).map((r, i) => (
          <span key={r}>
            {i ? " · " : ""}
            {ROLE_LABEL[r]} {metricText(byRole[r].shareAtOrAboveQuota, f.share)}
          </span>
        ))}
      </p>
    </section>
  );
}
