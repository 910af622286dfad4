import { useLocale, useTranslations } from "next-intl";
import { GAP_TOLERANCE, type BenchmarkFigure } from "@/lib/benchmarks";
import { BAND_NAMES, BANDS, COMPARISONS, OTHER_USES, targetUsesOf, type Comparison } from "./usage";

const STATUS_TEXT: Record<BenchmarkFigure["status"], string> = {
  reported: "Reported in the article",
  derived_estimate: "Estimate derived by SalesMix",
  unresolved: "Unresolved: not scored",
};

const STATUS_TONE: Record<BenchmarkFigure["status"], string> = {
  reported: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  derived_estimate: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  unresolved: "bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
};

const KIND_TEXT: Record<BenchmarkFigure["kind"], string> = {
  level: "A level your own value is compared with",
  cohort_premium: "A premium of one cohort over the other, compared with your own inside/outside ratio",
  projection: "The author's expectation, not a measurement",
  context: "Context: shown, not compared",
};

const COHORT_TEXT: Record<BenchmarkFigure["cohort"]["kind"], string> = {
  population: "Population",
  company_cohorts: "Groups of companies",
  rep_cohorts: "Groups of reps",
  team_cohorts: "Groups of teams",
  role: "One role",
  survey: "Survey",
};

const FIGURE_BAND_TEXT: Record<BenchmarkFigure["band"], string> = {
  all: "Any size (no size band)",
  small: "Revenue under $50M",
  mid: "Revenue $50M–$500M",
  large: "Revenue over $500M",
};

const tolerance = `${Math.round(GAP_TOLERANCE * 100)}%`;

const UNIT_TEXT: Record<BenchmarkFigure["unit"], (value: number) => string> = {
  people: () => "",
  share: (v) => ` — a share, ${v} as a fraction`,
  premium: (v) =>
    ` — a relative difference (${Math.round((1 + v) * 1000) / 1000} times), not percentage points`,
  usd: () => " a year, in US dollars of the data's vintage",
};

function bandsText(c: Comparison) {
  if (c.bands.length === BANDS.length) return "for every size band";
  return `for the ${c.bands.map((b) => BAND_NAMES[b]).join(" and ")} band${c.bands.length > 1 ? "s" : ""}`;
}

function comparisonText(f: BenchmarkFigure, c: Comparison) {
  const basis =
    c.basis === "band"
      ? "the band's own figure"
      : c.basis === "band_fallback"
        ? "a labelled fallback"
        : "band-free";
  if (c.kind === "level") {
    return {
      title: `Level comparison ${bandsText(c)} (${basis})`,
      formula: `your value = ${c.yourValue}; difference = your value − ${f.display}; relative difference = your value ÷ ${f.display} − 1; on par within ±${tolerance}.`,
    };
  }
  return {
    title: `Cohort-ratio comparison ${bandsText(c)}`,
    formula: `your premium = ${c.yourValue}; relative difference = (1 + your premium) ÷ (1 + ${Math.round(f.value * 1000) / 10}%) − 1; on par within ±${tolerance}. Hybrid reps are left out of both sides.`,
  };
}

function Property({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="sm:grid sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="font-medium text-gray-600 dark:text-gray-400">{term}</dt>
      <dd className="text-gray-900 dark:text-gray-100">{children}</dd>
    </div>
  );
}

/** One figure of the dataset, addressable as /methodology#<figure id>. */
export function FigureCard({ figure: f }: { figure: BenchmarkFigure }) {
  const comparisons = COMPARISONS.get(f.id) ?? [];
  const otherUses = [...targetUsesOf(f.id), ...(OTHER_USES[f.id] ?? [])];
  const titleId = `${f.id}-title`;
  return (
    <article
      id={f.id}
      aria-labelledby={titleId}
      className="card scroll-mt-4 target:ring-2 target:ring-blue-500"
      data-figure={f.id}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="min-w-0">
          <h3 id={titleId} className="text-base font-semibold">
            {f.label}
          </h3>
          <p className="mt-0.5 text-xs text-gray-600 dark:text-gray-400">
            Figure id{" "}
            <a href={`#${f.id}`} className="link font-mono [overflow-wrap:anywhere] underline">
              {f.id}
            </a>
          </p>
        </div>
        <p className="text-2xl font-semibold tabular-nums" data-testid="figure-value">
          {f.display}
        </p>
      </div>
      <p className="mt-2 flex flex-wrap gap-1.5 text-xs font-medium">
        <span className={`rounded px-1.5 py-0.5 ${STATUS_TONE[f.status]}`}>{STATUS_TEXT[f.status]}</span>
        <span className="rounded bg-gray-100 px-1.5 py-0.5 text-gray-800 dark:bg-gray-800 dark:text-gray-200">
          Confidence: {f.confidence}
        </span>
        <span className="rounded bg-gray-100 px-1.5 py-0.5 text-gray-800 dark:bg-gray-800 dark:text-gray-200">
          {f.vintageYear} data
        </span>
      </p>
      <dl className="mt-3 space-y-2 text-sm">
        <Property term="Value">
          {f.display}
          {f.status === "unresolved" ? "" : UNIT_TEXT[f.unit](f.value)}
        </Property>
        <Property term="Meaning">{f.meaning}</Property>
        <Property term="Kind">{KIND_TEXT[f.kind]}</Property>
        <Property term="Cohort">
          {COHORT_TEXT[f.cohort.kind]}: {f.cohort.description}
          {f.cohort.higherSide ? ` (the ${f.cohort.higherSide} side is the higher one)` : ""}
        </Property>
        <Property term="Size band">{FIGURE_BAND_TEXT[f.band]}</Property>
        <Property term="Region">
          {f.region === "US" ? "United States" : "Not specified in the source"}
        </Property>
        <Property term="Vintage">
          {f.vintageYear} (article published 2020; dataset vintage 2017–2019)
        </Property>
        <Property term="Confidence">{f.confidence}</Property>
        {f.derivation ? (
          <Property term="Derivation">
            {f.derivation}, from{" "}
            {f.derivedFrom.map((id, i) => (
              <span key={id}>
                {i ? " and " : ""}
                <a href={`#${id}`} className="link font-mono [overflow-wrap:anywhere] underline">
                  {id}
                </a>
              </span>
            ))}
          </Property>
        ) : null}
      </dl>
      <SourceSentence zh={f.sourceZh} en={f.sourceEn} />
      <p className="mt-3 text-sm">
        <strong>Caveat.</strong> {f.caveat}
      </p>
      <div className="mt-3 text-sm">
        <h4 className="font-semibold">How SalesMix uses it</h4>
        {f.status === "unresolved" ? (
          <p className="mt-1 font-medium text-rose-800 dark:text-rose-300" data-testid="not-scored">
            Not scored. The translation lost what is 30.2% higher, so SalesMix never compares a team with it;
            where it is shown, it reads “metric not specified in the source”.
          </p>
        ) : comparisons.length === 0 && otherUses.length === 0 ? (
          <p className="mt-1 text-gray-700 dark:text-gray-300">
            Context only: shown, never compared with your team.
          </p>
        ) : (
          <ul className="mt-1 list-disc space-y-1.5 pl-5">
            {comparisons.map((c) => {
              const text = comparisonText(f, c);
              return (
                <li key={`${c.basis}-${c.yourValue}`}>
                  <span className="font-medium">{text.title}:</span>{" "}
                  <span className="font-mono text-xs">{text.formula}</span> {c.direction}
                  {c.fallbackLabel ? (
                    <span className="block text-amber-900 dark:text-amber-300">{c.fallbackLabel}</span>
                  ) : null}
                  {f.unit === "usd"
                    ? " Compared only when your team file is in US dollars (no conversion)."
                    : ""}
                </li>
              );
            })}
            {otherUses.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}

/**
 * The article's sentence as it reached SalesMix (the Chinese translation) beside its English reading: in Chinese
 * the source sentence comes first and the English reading beside it; in English the reverse.
 */
export function SourceSentence({ zh, en }: { zh: string; en: string }) {
  const t = useTranslations("methodology");
  const chinese = useLocale() === "zh-CN";
  const zhQuote = (primary: boolean) => (
    <blockquote lang="zh" className={primary ? "text-base leading-relaxed" : "mt-1"} data-testid="source-zh">
      {zh}
    </blockquote>
  );
  const enQuote = (primary: boolean) => (
    <blockquote lang="en" className={primary ? "text-base leading-relaxed" : "mt-1"} data-testid="source-en">
      {en}
    </blockquote>
  );
  return (
    <figure
      className="mt-3 rounded-md border border-gray-200 bg-gray-50 p-3 text-sm dark:border-gray-800 dark:bg-gray-950"
      data-primary={chinese ? "zh" : "en"}
    >
      {chinese ? zhQuote(true) : enQuote(true)}
      <figcaption className="mt-2 text-gray-700 dark:text-gray-300">
        <span className="font-medium">{chinese ? t("readingEn") : t("sourceZh")}:</span>
        {chinese ? enQuote(false) : zhQuote(false)}
      </figcaption>
    </figure>
  );
}
