"use client";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { whatIf, type MixShift, type TeamSummary } from "@/lib/benchmarks";
import type { OrgProfile } from "@/lib/team/types";
import { useFormat } from "./format";

const MOVES: {
  key: "outsideToInside" | "outsideToHybrid" | "insideToOutside";
  from: "inside" | "outside" | "hybrid";
}[] = [
  { key: "outsideToInside", from: "outside" },
  { key: "outsideToHybrid", from: "outside" },
  { key: "insideToOutside", from: "inside" },
];

function Slider({
  label,
  value,
  max,
  onChange,
}: {
  label: string;
  value: number;
  max: number;
  onChange: (v: number) => void;
}) {
  const id = useId();
  const t = useTranslations("whatIf");
  return (
    <div>
      <label htmlFor={id} className="flex justify-between text-sm font-medium">
        <span>{label}</span>
        <span className="tabular-nums" aria-hidden>
          {t("reps", { count: value })}
        </span>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(max, 0)}
        step={1}
        value={value}
        disabled={max === 0}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-valuetext={t("valueText", { value, max })}
        className="mt-1 w-full accent-blue-600"
      />
    </div>
  );
}

/** Runs the engine's what-if in the browser: every slider move recomputes at once, with no request. */
export function WhatIf({ summary, profile }: { summary: TeamSummary; profile: OrgProfile }) {
  const f = useFormat();
  const t = useTranslations("whatIf");
  const [shift, setShift] = useState<
    Required<Pick<MixShift, "outsideToInside" | "outsideToHybrid" | "insideToOutside">>
  >({
    outsideToInside: 0,
    outsideToHybrid: 0,
    insideToOutside: 0,
  });
  const result = useMemo(() => whatIf(summary, profile, shift), [summary, profile, shift]);
  const heads = result.before.headCount;
  const available = (from: "inside" | "outside" | "hybrid", except: keyof MixShift) =>
    heads[from] -
    MOVES.filter((m) => m.from === from && m.key !== except).reduce(
      (n, m) => n + (shift[m.key as keyof typeof shift] ?? 0),
      0,
    );
  const gapAfter = result.bandGap.after;
  const gapBefore = result.bandGap.before;
  const currency = result.payCost.currency;
  return (
    <section className="card" aria-labelledby="whatif-title" data-testid="what-if">
      <h2 id="whatif-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-4 text-sm text-gray-700 dark:text-gray-300">{result.label}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-4">
          {MOVES.map((m) => (
            <Slider
              key={m.key}
              label={t(`moves.${m.key}`)}
              value={shift[m.key as keyof typeof shift]}
              max={available(m.from, m.key)}
              onChange={(v) => setShift((s) => ({ ...s, [m.key]: v }))}
            />
          ))}
          <p className="text-xs text-gray-600 dark:text-gray-400">
            {t("target", { low: f.share(result.target.range.low), high: f.share(result.target.range.high) })}{" "}
            {result.target.range.rationale}
          </p>
        </div>
        <div aria-live="polite" className="space-y-3 text-sm">
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1">
            <dt className="text-gray-600 dark:text-gray-400">{t("now")}</dt>
            <dd className="tabular-nums">{t("split", heads)}</dd>
            <dt className="text-gray-600 dark:text-gray-400">{t("projected")}</dt>
            <dd className="tabular-nums font-medium" data-testid="what-if-after">
              {t("split", result.after.headCount)}
            </dd>
            <dt className="text-gray-600 dark:text-gray-400">{t("insideShare")}</dt>
            <dd className="tabular-nums" data-testid="what-if-inside-share">
              {f.share(result.before.insideShare)} → <strong>{f.share(result.after.insideShare)}</strong>
            </dd>
            <dt className="text-gray-600 dark:text-gray-400">{t("gap")}</dt>
            <dd className="tabular-nums">
              {gapBefore?.absoluteDifference != null && gapAfter?.absoluteDifference != null
                ? `${f.points(gapBefore.absoluteDifference)} → ${f.points(gapAfter.absoluteDifference)}`
                : t("noBand")}
            </dd>
            <dt className="text-gray-600 dark:text-gray-400">{t("base")}</dt>
            <dd className="tabular-nums">
              {result.payCost.baseSalary.totalDelta === null
                ? "—"
                : f.money(result.payCost.baseSalary.totalDelta, currency)}
              {result.payCost.baseSalary.usesArticleFallback ? t("fallback") : ""}
            </dd>
            <dt className="text-gray-600 dark:text-gray-400">{t("ote")}</dt>
            <dd className="tabular-nums">
              {result.payCost.ote.totalDelta === null
                ? "—"
                : f.money(result.payCost.ote.totalDelta, currency)}
              {result.payCost.ote.usesArticleFallback ? t("fallback") : ""}
            </dd>
          </dl>
          <p className="text-xs text-gray-600 dark:text-gray-400">{result.payCost.label}</p>
          <ul className="space-y-1">
            {result.projections
              .filter((p) => p.status === "projected")
              .map((p) => (
                <li key={p.measure} className="text-xs">
                  <strong>{t("projection")}</strong> · {p.label}{" "}
                  {p.relativeChange !== null ? `(${f.premium(p.relativeChange)})` : ""}
                </li>
              ))}
          </ul>
          {result.clamped ? (
            <p className="text-xs text-amber-800 dark:text-amber-300">{t("clamped")}</p>
          ) : null}
          <ul className="list-disc pl-4 text-xs text-gray-600 dark:text-gray-400">
            {result.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
