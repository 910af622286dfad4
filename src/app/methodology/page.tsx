import type { Metadata } from "next";
import { PlannerMethod } from "./PlannerMethod";
import Link from "next/link";
import { Logo } from "@/components/Logo";
import {
  ATTAINMENT_BUCKETS,
  BALANCED_MARGIN,
  BENCHMARK_DATASET,
  GAP_TOLERANCE,
  HYBRID_RULE,
  MIN_REPS_FOR_MIX,
  MIN_REPS_PER_METRIC,
  SIZE_BANDS,
  bandMixGap,
  emptyTeamSummary,
  formatShare,
  metricsFromSummary,
  type BenchmarkFigure,
  type SizeBand,
} from "@/lib/benchmarks";
import { FigureCard, SourceSentence } from "./FigureCard";
import { RULE_CRITERIA, BAND_NAMES, BANDS, MODELS, TARGET_RANGES } from "./usage";

export const metadata: Metadata = {
  title: "Methodology and sources",
  description:
    "Every benchmark SalesMix compares your team with: the figure, its meaning, cohort, vintage, confidence, the source sentence and how it is used.",
};

// No database: the page reads only the dataset. It renders per request (root layout) so its scripts get the CSP nonce.

const dataset = BENCHMARK_DATASET;
const figures = Object.values(dataset.figures);
const rules = Object.values(dataset.rules);
const findings = Object.values(dataset.findings);

const GROUPS: { id: string; title: string; intro: string; match: (f: BenchmarkFigure) => boolean }[] = [
  {
    id: "figures-composition",
    title: "Team composition",
    intro: "How many salespeople are inside or outside, overall and by company size.",
    match: (f) => f.status === "reported" && (f.id.startsWith("mix.") || f.id.startsWith("us.")),
  },
  {
    id: "figures-remote",
    title: "Remote selling and hybrid plans",
    intro: "How far outside reps already sell remotely, and what sales leaders planned.",
    match: (f) => f.status === "reported" && (f.id.startsWith("remote.") || f.id.startsWith("leaders.")),
  },
  {
    id: "figures-pay",
    title: "Pay",
    intro: "Base salary and on-target earnings (OTE).",
    match: (f) => f.status === "reported" && f.id.startsWith("pay."),
  },
  {
    id: "figures-quota",
    title: "Quota and attainment",
    intro: "How many reps reach quota and how quotas and attainment differ between cohorts.",
    match: (f) => f.status === "reported" && f.id.startsWith("quota."),
  },
  {
    id: "figures-activity",
    title: "Activity",
    intro: "Calls, voicemails, emails and social touches.",
    match: (f) => f.status === "reported" && f.id.startsWith("activity."),
  },
  {
    id: "figures-deals",
    title: "Deals",
    intro: "Deal size of outside and inside teams.",
    match: (f) => f.status === "reported" && f.id.startsWith("deal."),
  },
  {
    id: "figures-estimates",
    title: "Estimates derived by SalesMix",
    intro:
      "Not figures of the article: computed by SalesMix from reported figures, labelled as estimates wherever they appear, and used only as what-if fallbacks.",
    match: (f) => f.status === "derived_estimate",
  },
  {
    id: "figures-unresolved",
    title: "Unresolved: shown, never scored",
    intro: "A sentence of the source whose metric was lost in translation.",
    match: (f) => f.status === "unresolved",
  },
];

const pct = (share: number) => formatShare(share);
const tolerance = `±${Math.round(GAP_TOLERANCE * 100)}%`;
const midFallback = bandMixGap(metricsFromSummary(emptyTeamSummary()).mix, "mid");

function SectionTitle({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <h2 id={id} className="scroll-mt-4 text-xl font-semibold">
      {children}
    </h2>
  );
}

function FigureLink({ id }: { id: string }) {
  return (
    <a href={`#${id}`} className="link font-mono [overflow-wrap:anywhere] text-xs underline">
      {id}
    </a>
  );
}

function bandFigure(band: SizeBand) {
  const info = SIZE_BANDS[band];
  if (info.figureId) return { id: info.figureId, fallback: false };
  if (info.fallbackFigureId) return { id: info.fallbackFigureId, fallback: true };
  return null;
}

export default function MethodologyPage() {
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-3 px-4 py-3">
          <Logo />
          <nav aria-label="Site" className="ml-auto flex items-center gap-4 text-sm">
            <Link href="/" className="link">
              Home
            </Link>
            <Link href="/signin" className="link">
              Sign in
            </Link>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-5xl space-y-10 px-4 py-8">
        <section aria-labelledby="page-title" className="space-y-3">
          <h1 id="page-title" className="text-3xl font-bold tracking-tight">
            Methodology and sources
          </h1>
          <p className="max-w-3xl text-gray-700 dark:text-gray-300">
            Every number SalesMix compares your team with comes from one article. This page lists each figure
            with its id (the id shown next to every benchmark in the app), what it means, whom it describes,
            when the data is from, how confident we are in it, the source sentence and how SalesMix uses it.
            Read it before you trust a comparison.
          </p>
          <nav aria-label="On this page" className="card">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-gray-600 dark:text-gray-400">
              On this page
            </h2>
            <ol className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
              <li>
                <a className="link underline" href="#source">
                  The source
                </a>
              </li>
              <li>
                <a className="link underline" href="#comparisons">
                  How a comparison works
                </a>
              </li>
              <li>
                <a className="link underline" href="#size-bands">
                  Size bands
                </a>
              </li>
              <li>
                <a className="link underline" href="#target-mix">
                  Target mix ranges
                </a>
              </li>
              <li>
                <a className="link underline" href="#planner">
                  Restructuring planner
                </a>
              </li>
              <li>
                <a className="link underline" href="#figures">
                  All figures at a glance
                </a>
              </li>
              {GROUPS.map((g) => (
                <li key={g.id}>
                  <a className="link underline" href={`#${g.id}`}>
                    Figures: {g.title}
                  </a>
                </li>
              ))}
              <li>
                <a className="link underline" href="#rules">
                  Sales-model rules
                </a>
              </li>
              <li>
                <a className="link underline" href="#findings">
                  Qualitative findings
                </a>
              </li>
            </ol>
          </nav>
        </section>

        <section aria-labelledby="source" className="space-y-3">
          <SectionTitle id="source">The source</SectionTitle>
          <dl className="card grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="font-medium text-gray-600 dark:text-gray-400">Article</dt>
              <dd>
                “{dataset.title}”, {dataset.publisher}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-gray-600 dark:text-gray-400">Published / updated</dt>
              <dd>
                {dataset.published} / {dataset.updated}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-gray-600 dark:text-gray-400">Data vintage</dt>
              <dd data-testid="vintage">{dataset.vintageLabel}</dd>
            </div>
            <div>
              <dt className="font-medium text-gray-600 dark:text-gray-400">Dataset id</dt>
              <dd className="font-mono">{dataset.id}</dd>
            </div>
          </dl>
          <p className="max-w-3xl text-sm text-gray-800 dark:text-gray-200">{dataset.sourceLanguageNote}</p>
          <p className="max-w-3xl text-sm text-gray-800 dark:text-gray-200">
            <strong>Cohorts, not causes.</strong> {dataset.cohortCaveat} Every forward-looking number in
            SalesMix is labelled a projection, and every recommendation&apos;s effect is phrased as what the
            article&apos;s cohorts show, never as a promise.
          </p>
        </section>

        <section aria-labelledby="comparisons" className="space-y-3">
          <SectionTitle id="comparisons">How a comparison works</SectionTitle>
          <ul className="card space-y-3 text-sm">
            <li id="hybrid-rule" className="scroll-mt-4">
              <strong>Hybrid reps.</strong> {HYBRID_RULE} Inside share = (inside + ½ × hybrid) ÷ all reps;
              outside share = (outside + ½ × hybrid) ÷ all reps, so the two add to 100%. A team counts as
              balanced from {pct(0.5 - BALANCED_MARGIN)} to {pct(0.5 + BALANCED_MARGIN)} inside.
            </li>
            <li id="not-enough-data" className="scroll-mt-4">
              <strong>Not enough data.</strong> An average or a share of reps needs at least{" "}
              <strong data-testid="min-reps">{MIN_REPS_PER_METRIC} reps</strong> with a value behind it. With
              fewer, SalesMix shows “not enough data (needs {MIN_REPS_PER_METRIC} reps)”, never a number and
              never a zero. A ratio of your inside and outside reps needs {MIN_REPS_PER_METRIC} on each side.
              The mix is a head count, not a sample: {MIN_REPS_FOR_MIX} rep is enough to state it. Empty,
              negative or absurd values count as missing, never as 0.
            </li>
            <li id="on-par" className="scroll-mt-4">
              <strong>On par.</strong> Your value is{" "}
              <strong data-testid="tolerance">on par within {tolerance}</strong> of the figure, relative (for
              a premium, of the ratio 1 + premium); above or below outside it. Level comparisons: difference =
              yours − figure, relative difference = yours ÷ figure − 1. Cohort premiums: relative difference =
              (1 + your premium) ÷ (1 + the figure&apos;s premium) − 1.
            </li>
            <li>
              <strong>Cohort premiums.</strong> Where the article compares mostly-inside with mostly-outside
              organizations, SalesMix compares your own inside reps&apos; average with your outside reps&apos;
              average (hybrid reps left out). A gap means your team differs from the pattern between those
              companies, not that something is wrong.
            </li>
            <li>
              <strong>Reps at quota</strong> = reps with attainment of 100% or more ÷ reps with an attainment.
              Attainment bands: {ATTAINMENT_BUCKETS.map((b) => b.label).join(", ")} (each includes its lower
              end).
            </li>
            <li>
              <strong>Currency.</strong> Dollar figures are compared only when your team file is in US
              dollars; no conversion is made. Size bands use your revenue as entered, against US-dollar
              boundaries.
            </li>
            <li>
              <strong>Not scored.</strong> The sentence saying mostly-outside companies are “30.2% higher”
              lost its metric in translation. It is listed below as{" "}
              <FigureLink id="unresolved.outside_higher_30_2" /> and never compared with a team.
            </li>
          </ul>
        </section>

        <section aria-labelledby="size-bands" className="space-y-3">
          <SectionTitle id="size-bands">Size bands</SectionTitle>
          <p className="max-w-3xl text-sm text-gray-800 dark:text-gray-200">
            Your annual revenue (Settings) puts you in a band; the band decides which mix figure your team is
            compared with. Exactly $50M and exactly $500M are in the middle band, because the article&apos;s
            bands are “revenue under $50M” and “revenue over $500M”.
          </p>
          <div
            className="card overflow-x-auto p-0"
            role="region"
            aria-label="Size bands table (scrolls sideways on small screens)"
            tabIndex={0}
          >
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Size bands, their revenue boundaries and mix figures</caption>
              <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    Band
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Revenue
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Mix figure
                  </th>
                </tr>
              </thead>
              <tbody>
                {BANDS.map((band) => {
                  const info = SIZE_BANDS[band];
                  const fig = bandFigure(band);
                  const coverage = band === "unknown" ? null : dataset.bandCoverage[band];
                  return (
                    <tr
                      key={band}
                      className="border-t border-gray-100 align-top dark:border-gray-800"
                      data-band={band}
                    >
                      <th scope="row" className="px-4 py-2 font-medium">
                        {info.label}
                      </th>
                      <td className="px-4 py-2">{info.boundaries}</td>
                      <td className="px-4 py-2">
                        {fig ? (
                          <>
                            <FigureLink id={fig.id} /> ({dataset.figures[fig.id].display}
                            {fig.fallback ? ", labelled fallback" : ""})
                          </>
                        ) : (
                          "None: band-free comparisons only"
                        )}
                        {coverage ? (
                          <span className="block text-xs text-gray-700 dark:text-gray-300">
                            {coverage.note}
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p
            id="not-in-source"
            className="max-w-3xl scroll-mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            <strong>$50M–$500M: not in source.</strong> The article gives no mix figure for companies with
            revenue from $50M to $500M. SalesMix does not invent one: it shows the US overall inside share
            beside your team, labelled everywhere as a fallback — “{midFallback?.benchmark.label}”
          </p>
        </section>

        <section aria-labelledby="target-mix" className="space-y-3">
          <SectionTitle id="target-mix">Target mix ranges</SectionTitle>
          <p className="max-w-3xl text-sm text-gray-800 dark:text-gray-200">
            The inside-share range SalesMix recommends moving toward (hybrid counted half), by band and sales
            model. These ranges are SalesMix&apos;s reading of the article, not figures of it.
          </p>
          <div
            className="card overflow-x-auto p-0"
            role="region"
            aria-label="Target mix ranges table (scrolls sideways on small screens)"
            tabIndex={0}
          >
            <table className="w-full min-w-[560px] text-left text-sm">
              <caption className="sr-only">Target inside-share range by size band and sales model</caption>
              <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    Band
                  </th>
                  {MODELS.map((m) => (
                    <th key={m} scope="col" className="px-4 py-2 text-right">
                      {m}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {BANDS.map((band) => (
                  <tr key={band} className="border-t border-gray-100 dark:border-gray-800">
                    <th scope="row" className="px-4 py-2 font-medium">
                      {BAND_NAMES[band]}
                    </th>
                    {MODELS.map((model) => {
                      const t = TARGET_RANGES.find((r) => r.band === band && r.model === model);
                      return (
                        <td key={model} className="px-4 py-2 text-right tabular-nums">
                          {t ? `${pct(t.low)}–${pct(t.high)}` : "—"}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="max-w-3xl list-disc space-y-1 pl-5 text-sm text-gray-800 dark:text-gray-200">
            {[...new Set(TARGET_RANGES.map((t) => t.rationale))].map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </section>

        <PlannerMethod title={<SectionTitle id="planner">Restructuring planner</SectionTitle>} />

        <section aria-labelledby="figures" className="space-y-3">
          <SectionTitle id="figures">All figures at a glance</SectionTitle>
          <p className="max-w-3xl text-sm text-gray-800 dark:text-gray-200">
            Shares and premiums are relative: +42.5% means 1.425 times, not 42.5 percentage points.
          </p>
          <div
            className="card overflow-x-auto p-0"
            role="region"
            aria-label="All figures table (scrolls sideways on small screens)"
            tabIndex={0}
          >
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Every figure of the dataset</caption>
              <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    Figure
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    Value
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Vintage
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Confidence
                  </th>
                </tr>
              </thead>
              <tbody>
                {figures.map((f) => (
                  <tr key={f.id} className="border-t border-gray-100 align-top dark:border-gray-800">
                    <th scope="row" className="px-4 py-2 font-normal">
                      <span className="block font-medium">{f.label}</span>
                      <FigureLink id={f.id} />
                    </th>
                    <td className="px-4 py-2 text-right tabular-nums">{f.display}</td>
                    <td className="px-4 py-2">{f.vintageYear}</td>
                    <td className="px-4 py-2">{f.confidence}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        {GROUPS.map((g) => {
          const list = figures.filter(g.match);
          return (
            <section key={g.id} aria-labelledby={g.id} className="space-y-3">
              <SectionTitle id={g.id}>{g.title}</SectionTitle>
              <p className="max-w-3xl text-sm text-gray-800 dark:text-gray-200">{g.intro}</p>
              <div className="space-y-4">
                {list.map((f) => (
                  <FigureCard key={f.id} figure={f} />
                ))}
              </div>
            </section>
          );
        })}

        <section aria-labelledby="rules" className="space-y-3">
          <SectionTitle id="rules">Sales-model rules</SectionTitle>
          <p className="max-w-3xl text-sm text-gray-800 dark:text-gray-200">
            Your sales model (transactional, relationship or borderline) is classified from four criteria,
            each read from your org profile first, your team&apos;s average second, otherwise reported as
            missing. A missing input lowers confidence; it is never given a default.
          </p>
          <div className="space-y-4">
            {rules.map((r) => (
              <article key={r.id} id={r.id} aria-labelledby={`${r.id}-title`} className="card scroll-mt-4">
                <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
                  <div className="min-w-0">
                    <h3 id={`${r.id}-title`} className="text-base font-semibold">
                      {r.label}
                    </h3>
                    <p className="mt-0.5 text-xs text-gray-600 dark:text-gray-400">
                      Rule id <FigureLink id={r.id} /> · confidence {r.confidence}
                    </p>
                  </div>
                  <p className="text-2xl font-semibold tabular-nums">{r.display}</p>
                </div>
                <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
                  <div>
                    <dt className="font-medium text-gray-600 dark:text-gray-400">Transactional side</dt>
                    <dd>{r.transactionalSide}</dd>
                  </div>
                  <div>
                    <dt className="font-medium text-gray-600 dark:text-gray-400">Relationship side</dt>
                    <dd>{r.relationshipSide}</dd>
                  </div>
                </dl>
                <SourceSentence
                  zh={`${r.sourceZh}${r.counterSourceZh ? ` / ${r.counterSourceZh}` : ""}`}
                  en={`${r.sourceEn}${r.counterSourceEn ? ` / ${r.counterSourceEn}` : ""}`}
                />
                <p className="mt-3 text-sm">
                  <strong>Caveat.</strong> {r.caveat}
                </p>
                <p className="mt-2 text-sm">
                  <strong>Used in:</strong>{" "}
                  {(RULE_CRITERIA.get(r.id) ?? [])
                    .map((c) => `the ${c.label.toLowerCase()} criterion (${c.threshold})`)
                    .join("; ") || "the classification"}
                  .
                </p>
              </article>
            ))}
          </div>
        </section>

        <section aria-labelledby="findings" className="space-y-3">
          <SectionTitle id="findings">Qualitative findings</SectionTitle>
          <p className="max-w-3xl text-sm text-gray-800 dark:text-gray-200">
            Statements of the article without a number; recommendations cite them by id.
          </p>
          <div className="space-y-4">
            {findings.map((f) => (
              <article key={f.id} id={f.id} aria-labelledby={`${f.id}-title`} className="card scroll-mt-4">
                <h3 id={`${f.id}-title`} className="text-base font-semibold">
                  {f.summary}
                </h3>
                <p className="mt-0.5 text-xs text-gray-600 dark:text-gray-400">
                  Finding id <FigureLink id={f.id} />
                </p>
                <SourceSentence zh={f.sourceZh} en={f.sourceEn} />
              </article>
            ))}
          </div>
        </section>
      </main>
      <footer className="border-t border-gray-200 py-6 text-center text-xs text-gray-600 dark:border-gray-800 dark:text-gray-400">
        SalesMix · benchmarks from “{dataset.title}” ({dataset.vintageLabel}) ·{" "}
        <a href="#page-title" className="link underline">
          Back to top
        </a>
      </footer>
    </div>
  );
}
