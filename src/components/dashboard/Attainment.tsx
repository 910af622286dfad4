"use client";
import type { RoleMetrics, RoleScope } from "@/lib/benchmarks";
import { LazyAttainmentChart } from "./Charts";
import { useTranslations } from "next-intl";
import { useFormat, useMetricText } from "./format";

export function Attainment({ byRole }: { byRole: Record<RoleScope, RoleMetrics> }) {
  const f = useFormat();
  const metricText = useMetricText();
  const t = useTranslations("attainment");
  const scope = useTranslations("scope");
  const data = byRole.all.attainmentDistribution.map((b) => ({ bucket: b.label, Reps: b.count }));
  return (
    <section className="card" aria-labelledby="attainment-title" data-testid="attainment">
      <h2 id="attainment-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div aria-hidden>
        <LazyAttainmentChart data={data} />
      </div>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.bucket} className="border-t border-gray-100 dark:border-gray-800">
              <th scope="row" className="font-normal">
                {d.bucket}
              </th>
              <td className="text-right tabular-nums">{t("reps", { count: d.Reps })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-sm">
        {t("byRole")}{" "}
        {(["inside", "hybrid", "outside"] as const).map((r, i) => (
          <span key={r}>
            {i ? " · " : ""}
            {scope(r)} {metricText(byRole[r].shareAtOrAboveQuota, f.share)}
          </span>
        ))}
      </p>
    </section>
  );
}
