import Link from "next/link";
import type { Recommendation } from "@/lib/benchmarks";
import { methodologyHref } from "./format";

const PRIORITY_TONE = {
  high: "bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
  medium: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  low: "bg-gray-100 text-gray-800 dark:bg-gray-800 dark:text-gray-200",
} as const;

export function Recommendations({ items, plannerHref }: { items: Recommendation[]; plannerHref?: string }) {
  return (
    <section className="card" aria-labelledby="recs-title">
      <h2 id="recs-title" className="text-lg font-semibold">
        Recommendations
      </h2>
      <p className="mb-3 text-sm text-gray-700 dark:text-gray-300">
        Ranked. Each rests on figures of the article (linked) and on your data; expected effects describe what
        the article&apos;s cohorts show, not a promise.
      </p>
      <ol className="space-y-2" data-testid="recommendations">
        {items.map((r) => (
          <li key={r.id}>
            <details className="group rounded-md border border-gray-200 p-3 dark:border-gray-800">
              <summary className="flex cursor-pointer list-none items-start gap-3">
                <span className="mt-0.5 text-sm font-semibold tabular-nums text-gray-600 dark:text-gray-400">
                  {r.rank}.
                </span>
                <span className="flex-1 font-medium">{r.title}</span>
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${PRIORITY_TONE[r.priority]}`}>
                  {r.priority}
                </span>
              </summary>
              <div className="mt-2 space-y-2 pl-7 text-sm text-gray-800 dark:text-gray-200">
                <p>{r.reasoning}</p>
                {r.mix && plannerHref ? (
                  <p>
                    <Link href={plannerHref} className="btn-secondary" data-testid="open-planner">
                      Open the planner: which reps, at what cost, over which quarters
                    </Link>
                  </p>
                ) : null}
                <p>
                  <strong>What the article&apos;s cohorts show:</strong> {r.expectedEffect}
                </p>
                {r.figureIds.length ? (
                  <p className="flex flex-wrap gap-1 text-xs">
                    Rests on:
                    {r.figureIds.map((id) => (
                      <Link key={id} href={methodologyHref(id)} className="link">
                        {id}
                      </Link>
                    ))}
                  </p>
                ) : null}
              </div>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
