"use client";
import dynamic from "next/dynamic";
import { useId } from "react";
import {
  ASSUMPTIONS_LABEL,
  MAX_HIRES_PER_QUARTER,
  MAX_QUARTERS,
  MIN_QUARTERS,
  type HiringSuggestion,
  type PlanAssumptions,
  type QuarterlyPlan,
} from "@/lib/planner";
import { REP_ROLES, type RepRole } from "@/lib/team/types";
import { useFormat } from "@/components/dashboard/format";

const LazyPlanChart = dynamic(() => import("./PlanChart"), {
  ssr: false,
  loading: () => <div className="h-64 animate-pulse rounded bg-gray-100 dark:bg-gray-800" aria-hidden />,
});

export interface AssumptionDraft {
  quarters: string;
  roles: Record<RepRole, { attritionPct: string; rampMonths: string; hiresPerQuarter: string }>;
}

export function draftOf(a: PlanAssumptions): AssumptionDraft {
  const roles = {} as AssumptionDraft["roles"];
  for (const role of REP_ROLES) {
    const r = a.roles[role];
    roles[role] = {
      attritionPct: String(Math.round(r.attritionPerYear * 1000) / 10),
      rampMonths: String(r.rampMonths),
      hiresPerQuarter: String(r.hiresPerQuarter),
    };
  }
  return { quarters: String(a.quarters), roles };
}

/** The draft as assumptions (numbers as typed; the schema then says what is wrong). */
export function assumptionsOf(d: AssumptionDraft): unknown {
  const n = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));
  const roles: Record<string, unknown> = {};
  for (const role of REP_ROLES) {
    const r = d.roles[role];
    roles[role] = {
      attritionPerYear: n(r.attritionPct) / 100,
      rampMonths: n(r.rampMonths),
      hiresPerQuarter: n(r.hiresPerQuarter),
    };
  }
  return { quarters: n(d.quarters), roles };
}

function NumberInput({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <input
        id={id}
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 w-24 rounded border-gray-300 text-sm dark:border-gray-700 dark:bg-gray-900"
        data-testid={testId}
      />
    </div>
  );
}

export function AssumptionsForm({
  draft,
  onChange,
  error,
}: {
  draft: AssumptionDraft;
  onChange: (d: AssumptionDraft) => void;
  error: string | null;
}) {
  const setRole = (role: RepRole, key: keyof AssumptionDraft["roles"][RepRole], v: string) =>
    onChange({ ...draft, roles: { ...draft.roles, [role]: { ...draft.roles[role], [key]: v } } });
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">Your assumptions</legend>
      <p className="text-xs text-gray-700 dark:text-gray-300">{ASSUMPTIONS_LABEL}</p>
      <NumberInput
        label={`Quarters (${MIN_QUARTERS}–${MAX_QUARTERS})`}
        value={draft.quarters}
        onChange={(v) => onChange({ ...draft, quarters: v })}
        testId="assume-quarters"
      />
      <div className="grid gap-3 sm:grid-cols-3">
        {REP_ROLES.map((role) => (
          <div key={role} className="rounded border border-gray-200 p-2 dark:border-gray-800">
            <p className="text-sm font-medium capitalize">{role}</p>
            <div className="flex flex-wrap gap-2">
              <NumberInput
                label="Attrition % a year"
                value={draft.roles[role].attritionPct}
                onChange={(v) => setRole(role, "attritionPct", v)}
                testId={`assume-${role}-attrition`}
              />
              <NumberInput
                label="Ramp months"
                value={draft.roles[role].rampMonths}
                onChange={(v) => setRole(role, "rampMonths", v)}
                testId={`assume-${role}-ramp`}
              />
              <NumberInput
                label="Hires a quarter"
                value={draft.roles[role].hiresPerQuarter}
                onChange={(v) => setRole(role, "hiresPerQuarter", v)}
                testId={`assume-${role}-hires`}
              />
            </div>
          </div>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300" data-testid="assumptions-error">
          {error} The plan below still uses the last valid assumptions.
        </p>
      ) : null}
    </fieldset>
  );
}

export function PlanView({
  plan,
  range,
  currency,
}: {
  plan: QuarterlyPlan;
  range: { low: number; high: number };
  currency: string;
}) {
  const f = useFormat();
  const points = plan.quarters.map((q) => ({
    quarter: q.quarter === 0 ? "Start" : `Q${q.quarter}`,
    Inside: Math.round(q.byRole.inside.headCount * 10) / 10,
    Hybrid: Math.round(q.byRole.hybrid.headCount * 10) / 10,
    Outside: Math.round(q.byRole.outside.headCount * 10) / 10,
  }));
  return (
    <div className="space-y-3">
      <LazyPlanChart points={points} />
      <div className="overflow-x-auto" role="region" aria-label="Quarterly plan" tabIndex={0}>
        <table className="w-full text-sm" data-testid="plan-table">
          <thead>
            <tr className="text-left">
              <th scope="col" className="pr-3">
                Quarter
              </th>
              <th scope="col" className="pr-3">
                Inside
              </th>
              <th scope="col" className="pr-3">
                Hybrid
              </th>
              <th scope="col" className="pr-3">
                Outside
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
            {plan.quarters.map((q) => (
              <tr key={q.quarter} className="border-t border-gray-200 tabular-nums dark:border-gray-800">
                <th scope="row" className="pr-3 text-left font-normal">
                  {q.quarter === 0 ? "Start" : `Q${q.quarter}`}
                </th>
                <td className="pr-3">{f.number(q.byRole.inside.headCount)}</td>
                <td className="pr-3">{f.number(q.byRole.hybrid.headCount)}</td>
                <td className="pr-3">{f.number(q.byRole.outside.headCount)}</td>
                <td className="pr-3" data-testid={`plan-share-${q.quarter}`}>
                  {f.share(q.insideShare)}{" "}
                  {q.inRange === null
                    ? ""
                    : q.inRange
                      ? "(in range)"
                      : `(${f.number((q.gapToRange ?? 0) * 100)} pts off)`}
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
      <p className="text-xs text-gray-700 dark:text-gray-300">
        Quarterly figures: a quarter of the yearly ones. Head counts are expected values under your attrition,
        not whole people. {plan.notes.join(" ")}
      </p>
    </div>
  );
}

/** The hires a quarter that reach the target range with everything else as set (computed from your data). */
export function HiringHint({
  suggestion,
  onUse,
}: {
  suggestion: HiringSuggestion;
  onUse: (role: "inside" | "outside", hires: number) => void;
}) {
  if (suggestion.kind === "no_range") return null;
  let text: string;
  let action: { role: "inside" | "outside"; hires: number } | null = null;
  if (suggestion.kind === "in_range")
    text = `With these moves and assumptions the inside share is in the target range from Q${suggestion.quarter}: no further hires are needed for the mix.`;
  else if (suggestion.kind === "unreachable")
    text = `No number of ${suggestion.role} hires up to ${MAX_HIRES_PER_QUARTER} a quarter reaches the target range under these assumptions: tick moves, or lower the ${suggestion.role === "inside" ? "inside" : "outside"} attrition.`;
  else {
    text = `To reach the target range by the last quarter with these moves and your other assumptions: ${suggestion.hiresPerQuarter} ${suggestion.role} hire${suggestion.hiresPerQuarter === 1 ? "" : "s"} a quarter${suggestion.quarter === null ? " (the share then passes the range instead of landing in it)" : `, in range from Q${suggestion.quarter}`}.`;
    action = { role: suggestion.role, hires: suggestion.hiresPerQuarter };
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="hiring-hint">
      <p>{text}</p>
      {action ? (
        <button
          type="button"
          className="btn-secondary"
          onClick={() => onUse(action.role, action.hires)}
          data-testid="hiring-use"
        >
          Use {action.hires} {action.role} hires a quarter
        </button>
      ) : null}
    </div>
  );
}
