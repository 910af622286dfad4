import { useFormat } from "@/components/dashboard/format";
import { CapacityTable } from "./CapacityTable";
import type { RouterOutputs } from "@/trpc/types";

type EvaluatedScenario = RouterOutputs["scenarios"]["evaluate"];

/** A saved scenario on the report page: what it moves, capacity and cost before and after, and its plan. */
export function ReportScenario({ evaluated }: { evaluated: EvaluatedScenario }) {
  const f = useFormat();
  const { scenario, result, range, currency } = evaluated;
  return (
    <section
      aria-labelledby="report-scenario-title"
      className="report-page-break space-y-3"
      data-testid="report-scenario"
    >
      <h2 id="report-scenario-title" className="text-xl font-semibold">
        Scenario: {scenario.name}
      </h2>
      <p className="text-sm">
        {/* A shared report without names gives no author and no file name. */}
        {scenario.author ? `Saved by ${scenario.author}, last changed` : "Last changed"}{" "}
        {scenario.updatedAt.toISOString().slice(0, 10)}
        {scenario.snapshotLabel ? `; starts from ${scenario.snapshotLabel}` : ""};{" "}
        {scenario.content.moves.length} reps moved.
      </p>
      {!result || !range ? (
        <p className="text-sm" role="status">
          The upload this scenario starts from was deleted: rebase it on the current upload in the planner.
        </p>
      ) : (
        <>
          <CapacityTable before={result.before} after={result.after} currency={currency} />
          <p className="text-xs">{result.plan.assumptionsLabel}</p>
          <div className="overflow-x-auto" role="region" aria-label="Scenario plan" tabIndex={0}>
            <table className="w-full text-sm" data-testid="report-scenario-plan">
              <thead>
                <tr className="text-left">
                  <th scope="col" className="pr-3">
                    Quarter
                  </th>
                  <th scope="col" className="pr-3">
                    Reps (inside / hybrid / outside)
                  </th>
                  <th scope="col" className="pr-3">
                    Inside share (target {f.share(range.low)}–{f.share(range.high)})
                  </th>
                  <th scope="col" className="pr-3">
                    Ramped capacity
                  </th>
                  <th scope="col" className="pr-3">
                    OTE cost
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.plan.quarters.map((q) => (
                  <tr key={q.quarter} className="border-t border-gray-200 tabular-nums dark:border-gray-800">
                    <th scope="row" className="pr-3 text-left font-normal">
                      {q.quarter === 0 ? "Start" : `Q${q.quarter}`}
                    </th>
                    <td className="pr-3">
                      {f.number(q.byRole.inside.headCount)} / {f.number(q.byRole.hybrid.headCount)} /{" "}
                      {f.number(q.byRole.outside.headCount)}
                    </td>
                    <td className="pr-3">
                      {f.share(q.insideShare)} {q.inRange ? "(in range)" : ""}
                    </td>
                    <td className="pr-3">
                      {q.total.capacity === null ? "not enough data" : f.money(q.total.capacity, currency)}
                    </td>
                    <td className="pr-3">
                      {q.total.oteCost === null ? "not enough data" : f.money(q.total.oteCost, currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
