"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import {
  DEFAULT_ASSUMPTIONS,
  fitLabel,
  hiresToReachRange,
  namedCandidates,
  planAssumptionsSchema,
  runPlanner,
  type Candidate,
  type PlanAssumptions,
  type RepMove,
} from "@/lib/planner";
import type { RepRole } from "@/lib/team/types";
import { methodologyHref, useFormat } from "@/components/dashboard/format";
import { CapacityTable } from "./CapacityTable";
import {
  AssumptionsForm,
  HiringHint,
  PlanView,
  assumptionsOf,
  draftOf,
  type AssumptionDraft,
} from "./PlanSection";
import { ScenariosPanel } from "./ScenariosPanel";
import type { RouterOutputs } from "@/trpc/types";

type PlannerData = RouterOutputs["scenarios"]["plannerData"];
type ScenarioView = RouterOutputs["scenarios"]["get"];

function CandidateRow({
  c,
  checked,
  onToggle,
}: {
  c: Candidate;
  checked: boolean;
  onToggle: (c: Candidate, on: boolean) => void;
}) {
  return (
    <li className="rounded border border-gray-200 p-2 dark:border-gray-800" data-testid="candidate">
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onToggle(c, e.target.checked)}
          className="mt-1"
          data-testid={`move-${c.row}`}
        />
        <span>
          <span className="font-medium">{c.name}</span>{" "}
          <span className="text-xs text-gray-700 dark:text-gray-300">
            row {c.row} · {c.from} → {c.to} · {fitLabel(c.fit.verdict)} ({c.fit.summary})
          </span>
        </span>
      </label>
      <ul className="mt-1 list-disc pl-10 text-xs text-gray-800 dark:text-gray-200">
        {c.fit.lines.map((l) => (
          <li key={l.criterion}>
            {l.text}{" "}
            {l.ids.map((id) => (
              <Link key={id} href={methodologyHref(id)} className="link">
                [{id}]
              </Link>
            ))}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The planner: every tick and every assumption recomputes here, in the browser, without a request. */
export function Planner({
  slug,
  data,
  initialScenarios,
  canManage,
}: {
  slug: string;
  data: PlannerData;
  initialScenarios: ScenarioView[];
  canManage: boolean;
}) {
  const f = useFormat();
  const candidates = useMemo(
    () =>
      namedCandidates(
        data.reps,
        data.recommendation?.mix?.move ?? { direction: "none" as const, reps: 0 },
        data.currency,
      ),
    [data],
  );
  const [moves, setMoves] = useState<Map<number, RepRole>>(
    () => new Map(candidates.preselected.map((m) => [m.row, m.to])),
  );
  const [draft, setDraft] = useState<AssumptionDraft>(() => draftOf(DEFAULT_ASSUMPTIONS));
  const [valid, setValid] = useState<PlanAssumptions>(DEFAULT_ASSUMPTIONS);
  const [assumptionError, setAssumptionError] = useState<string | null>(null);

  const moveList: RepMove[] = useMemo(() => [...moves].map(([row, to]) => ({ row, to })), [moves]);
  const result = useMemo(
    () => runPlanner(data.reps, moveList, valid, data.range),
    [data.reps, data.range, moveList, valid],
  );

  const hiring = useMemo(
    () => hiresToReachRange(result.after, valid, data.range),
    [result.after, valid, data.range],
  );

  const onDraft = (d: AssumptionDraft) => {
    setDraft(d);
    const parsed = planAssumptionsSchema.safeParse(assumptionsOf(d));
    if (parsed.success) {
      setValid(parsed.data);
      setAssumptionError(null);
    } else setAssumptionError(parsed.error.issues[0]?.message ?? "Check the assumptions.");
  };
  const toggle = (c: Candidate, on: boolean) =>
    setMoves((prev) => {
      const next = new Map(prev);
      if (on) next.set(c.row, c.to);
      else next.delete(c.row);
      return next;
    });
  const load = (s: ScenarioView) => {
    setMoves(new Map(s.content.moves.map((m) => [m.row, m.to])));
    setDraft(draftOf(s.content.assumptions));
    setValid(s.content.assumptions);
    setAssumptionError(null);
  };
  const last = result.plan.quarters.at(-1);
  const rec = data.recommendation;
  return (
    <div className="space-y-6">
      <section className="card space-y-2" aria-labelledby="rec-title">
        <h2 id="rec-title" className="text-lg font-semibold">
          {rec ? rec.title : "No mix recommendation"}
        </h2>
        {rec?.mix ? (
          <p className="text-sm">
            Inside share now {f.share(rec.mix.currentInsideShare)}; target {f.share(data.range.low)}–
            {f.share(data.range.high)} ({data.range.anchor.label}). {data.range.rationale}
          </p>
        ) : null}
        <p className="text-sm" data-testid="candidates-note">
          {candidates.note}
        </p>
      </section>

      <section className="card space-y-3" aria-labelledby="cand-title">
        <h2 id="cand-title" className="text-lg font-semibold">
          Named candidates ({moves.size} selected)
        </h2>
        <p className="text-sm text-gray-700 dark:text-gray-300">
          Best fit first, on each rep&apos;s own deal size, sales cycle, decision makers and remote-selling
          share. Tick or untick: capacity, cost and the plan follow at once.
        </p>
        {candidates.direct.length > 0 ? (
          <ul className="space-y-2" data-testid="candidates">
            {candidates.direct.map((c) => (
              <CandidateRow key={c.row} c={c} checked={moves.get(c.row) === c.to} onToggle={toggle} />
            ))}
          </ul>
        ) : (
          <p className="text-sm">No rep of the source role fits a direct move on their own numbers.</p>
        )}
        {candidates.directTotal > candidates.direct.length ? (
          <p className="text-xs">
            {candidates.directTotal - candidates.direct.length} more reps fit; the best{" "}
            {candidates.direct.length} are listed.
          </p>
        ) : null}
        {candidates.hybrid.length > 0 ? (
          <>
            <h3 className="font-medium">Borderline: hybrid as the step</h3>
            <ul className="space-y-2" data-testid="hybrid-candidates">
              {candidates.hybrid.map((c) => (
                <CandidateRow key={c.row} c={c} checked={moves.get(c.row) === c.to} onToggle={toggle} />
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card space-y-3" aria-labelledby="cap-title">
        <h2 id="cap-title" className="text-lg font-semibold">
          Capacity and cost
        </h2>
        <p className="text-sm" data-testid="capacity-summary">
          Quota capacity {f.money(result.before.total.capacity.value, data.currency)} →{" "}
          <strong data-testid="capacity-after">
            {f.money(result.after.total.capacity.value, data.currency)}
          </strong>
          ; OTE cost {f.money(result.before.total.oteCost.value, data.currency)} →{" "}
          <strong data-testid="ote-after">{f.money(result.after.total.oteCost.value, data.currency)}</strong>.
        </p>
        <CapacityTable before={result.before} after={result.after} currency={data.currency} />
      </section>

      <section className="card space-y-3" aria-labelledby="plan-title">
        <h2 id="plan-title" className="text-lg font-semibold">
          Quarterly plan
        </h2>
        <p className="text-sm">
          From the team after the ticked moves; add hires per quarter to reach the mix without moving anyone.
          {last
            ? ` After ${last.quarter} quarters: inside share ${f.share(last.insideShare)}${last.inRange ? ", in the target range" : ""}.`
            : ""}
        </p>
        <AssumptionsForm draft={draft} onChange={onDraft} error={assumptionError} />
        <HiringHint
          suggestion={hiring}
          onUse={(role, hires) =>
            onDraft({
              ...draft,
              roles: { ...draft.roles, [role]: { ...draft.roles[role], hiresPerQuarter: String(hires) } },
            })
          }
        />
        <PlanView plan={result.plan} range={data.range} currency={data.currency} />
      </section>

      <ScenariosPanel
        slug={slug}
        data={data}
        initialScenarios={initialScenarios}
        canManage={canManage}
        current={{ moves: moveList, assumptions: valid }}
        onLoad={load}
      />
    </div>
  );
}
