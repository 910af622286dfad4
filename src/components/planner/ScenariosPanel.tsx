"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { runPlanner, type ScenarioContent } from "@/lib/planner";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "@/trpc/errors";
import { useFormat } from "@/components/dashboard/format";
import type { RouterOutputs } from "@/trpc/types";

type PlannerData = RouterOutputs["scenarios"]["plannerData"];
type ScenarioView = RouterOutputs["scenarios"]["get"];

const MAX_COMPARED = 3;

function Comparison({ data, scenarios }: { data: PlannerData; scenarios: ScenarioView[] }) {
  const f = useFormat();
  const rows = scenarios.map((s) => ({
    s,
    r:
      s.snapshotId === data.snapshot.id
        ? runPlanner(data.reps, s.content.moves, s.content.assumptions, data.range)
        : null,
  }));
  const quarters = Math.max(0, ...rows.map((x) => (x.r ? x.r.plan.quarters.length - 1 : 0)));
  const cell = (v: number | null, kind: "money" | "share" | "ratio" | "number") =>
    v === null
      ? "not enough data"
      : kind === "money"
        ? f.money(v, data.currency)
        : kind === "share"
          ? f.share(v)
          : kind === "ratio"
            ? v.toFixed(2)
            : f.number(v);
  const lines: { label: string; value: (r: NonNullable<(typeof rows)[number]["r"]>) => string }[] = [
    { label: "Reps moved", value: (r) => String(r.after.moved) },
    {
      label: "Quota capacity after the moves (yearly)",
      value: (r) => cell(r.after.total.capacity.value, "money"),
    },
    { label: "OTE cost after the moves (yearly)", value: (r) => cell(r.after.total.oteCost.value, "money") },
    {
      label: "Cost of sale after the moves (no benchmark)",
      value: (r) => cell(r.after.total.costOfSale.value, "ratio"),
    },
    {
      label: "Quota-to-OTE after the moves (no benchmark)",
      value: (r) => cell(r.after.total.quotaToOte.value, "ratio"),
    },
  ];
  for (let q = 0; q <= quarters; q += 1) {
    const name = q === 0 ? "start" : `Q${q}`;
    lines.push({
      label: `Inside share, ${name}`,
      value: (r) => {
        const x = r.plan.quarters[q];
        return x
          ? `${cell(x.insideShare, "share")}${x.inRange ? " (in range)" : x.gapToRange !== null ? ` (${f.number(x.gapToRange * 100)} pts off)` : ""}`
          : "—";
      },
    });
    lines.push({
      label: `Reps, ${name}`,
      value: (r) => {
        const x = r.plan.quarters[q];
        return x ? cell(x.total.headCount, "number") : "—";
      },
    });
    lines.push({
      label: `Ramped capacity, ${name}`,
      value: (r) => {
        const x = r.plan.quarters[q];
        return x ? cell(x.total.capacity, "money") : "—";
      },
    });
    lines.push({
      label: `OTE cost, ${name}`,
      value: (r) => {
        const x = r.plan.quarters[q];
        return x ? cell(x.total.oteCost, "money") : "—";
      },
    });
  }
  return (
    <div className="overflow-x-auto" role="region" aria-label="Scenario comparison" tabIndex={0}>
      <table className="w-full text-sm" data-testid="compare-table">
        <thead>
          <tr className="text-left">
            <th scope="col" className="pr-3">
              Side by side
            </th>
            {rows.map(({ s }) => (
              <th key={s.id} scope="col" className="pr-3">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.label} className="border-t border-gray-200 tabular-nums dark:border-gray-800">
              <th scope="row" className="pr-3 text-left font-normal">
                {l.label}
              </th>
              {rows.map(({ s, r }) => (
                <td key={s.id} className="pr-3">
                  {r ? l.value(r) : "starts from another upload: see its report"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ScenariosPanel({
  slug,
  data,
  initialScenarios,
  canManage,
  current,
  onLoad,
}: {
  slug: string;
  data: PlannerData;
  initialScenarios: ScenarioView[];
  canManage: boolean;
  current: ScenarioContent;
  onLoad: (s: ScenarioView) => void;
}) {
  const trpc = useTRPC();
  const [list, setList] = useState(initialScenarios);
  const [name, setName] = useState("");
  const [compared, setCompared] = useState<string[]>([]);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const create = useMutation(trpc.scenarios.create.mutationOptions());
  const update = useMutation(trpc.scenarios.update.mutationOptions());
  const duplicate = useMutation(trpc.scenarios.duplicate.mutationOptions());
  const remove = useMutation(trpc.scenarios.delete.mutationOptions());
  const fail = (e: unknown) => setMessage({ tone: "error", text: errorMessage(e) });
  const put = (s: ScenarioView) => setList((prev) => [s, ...prev.filter((x) => x.id !== s.id)]);

  const save = () =>
    create.mutate(
      { orgSlug: slug, name, snapshotId: data.snapshot.id, content: current },
      {
        onSuccess: (s) => {
          put(s);
          setName("");
          setMessage({ tone: "ok", text: `Saved “${s.name}”.` });
        },
        onError: fail,
      },
    );
  const toggleCompare = (id: string, on: boolean) =>
    setCompared((prev) => (on ? [...prev, id].slice(-MAX_COMPARED) : prev.filter((x) => x !== id)));
  const shown = list.filter((s) => compared.includes(s.id));
  return (
    <section className="card space-y-3" aria-labelledby="scen-title">
      <h2 id="scen-title" className="text-lg font-semibold">
        Scenarios
      </h2>
      {canManage ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label className="text-sm">
            <span className="block font-medium">Scenario name</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={120}
              className="mt-1 rounded border-gray-300 text-sm dark:border-gray-700 dark:bg-gray-900"
              data-testid="scenario-name"
            />
          </label>
          <button type="submit" className="btn-primary" disabled={create.isPending}>
            Save this scenario
          </button>
        </form>
      ) : (
        <p className="text-sm">Viewers read scenarios; analysts and above save and change them.</p>
      )}
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={message.tone === "error" ? "text-sm text-rose-700 dark:text-rose-300" : "text-sm"}
        >
          {message.text}
        </p>
      ) : null}
      {list.length === 0 ? (
        <p className="text-sm">No scenario saved yet.</p>
      ) : (
        <ul className="space-y-2" data-testid="scenario-list">
          {list.map((s) => (
            <li
              key={s.id}
              className="flex flex-wrap items-center gap-3 rounded border border-gray-200 p-2 text-sm dark:border-gray-800"
              data-testid="scenario"
            >
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={compared.includes(s.id)}
                  onChange={(e) => toggleCompare(s.id, e.target.checked)}
                  data-testid={`compare-${s.name}`}
                />
                <span className="font-medium">{s.name}</span>
              </label>
              <span className="text-xs text-gray-700 dark:text-gray-300">
                {s.author} · {s.updatedAt.toISOString().slice(0, 10)} · {s.content.moves.length} moves ·{" "}
                {s.snapshotLabel}
              </span>
              {s.snapshotDeleted ? (
                <span className="text-xs text-rose-700 dark:text-rose-300">
                  Its upload was deleted.{" "}
                  {canManage && s.rebaseSnapshotId ? (
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        update.mutate(
                          { orgSlug: slug, scenarioId: s.id, rebase: true },
                          {
                            onSuccess: (x) => {
                              put(x);
                              setMessage({
                                tone: "ok",
                                text: `Rebased “${x.name}” on the current upload; its moves were dropped, its assumptions kept.`,
                              });
                            },
                            onError: fail,
                          },
                        )
                      }
                    >
                      Rebase on the current upload
                    </button>
                  ) : null}
                </span>
              ) : null}
              {s.snapshotId === data.snapshot.id ? (
                <button type="button" className="link" onClick={() => onLoad(s)}>
                  Open
                </button>
              ) : null}
              <a className="link" href={`/o/${slug}/report?scenario=${s.id}`}>
                In the report
              </a>
              {canManage ? (
                <>
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      duplicate.mutate({ orgSlug: slug, scenarioId: s.id }, { onSuccess: put, onError: fail })
                    }
                  >
                    Duplicate
                  </button>
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      remove.mutate(
                        { orgSlug: slug, scenarioId: s.id },
                        {
                          onSuccess: () => {
                            setList((prev) => prev.filter((x) => x.id !== s.id));
                            setCompared((prev) => prev.filter((x) => x !== s.id));
                          },
                          onError: fail,
                        },
                      )
                    }
                  >
                    Delete
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {shown.length >= 2 ? (
        <Comparison data={data} scenarios={shown} />
      ) : (
        <p className="text-xs">Tick two or three scenarios to compare them side by side.</p>
      )}
    </section>
  );
}
