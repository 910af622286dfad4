import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { requireOrgPage } from "@/trpc/org-page";
import type { Moved } from "@/lib/benchmarks/compare";
import { formatGapValue } from "@/lib/benchmarks/headline";
import { ScrollRegion } from "@/components/dashboard/ScrollRegion";
import { getLocale } from "next-intl/server";
import { methodologyHref } from "@/components/dashboard/format";
import { formatter } from "@/lib/format";

export const metadata: Metadata = { title: "Compare uploads" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const one = (v: string | string[] | undefined) => (typeof v === "string" && UUID.test(v) ? v : null);

function signed(v: number | null, format: (v: number) => string) {
  if (v === null) return "—";
  return `${v > 0 ? "+" : v < 0 ? "−" : "±"}${format(Math.abs(v))}`;
}

function MovedRow({
  label,
  m,
  format,
  change,
}: {
  label: string;
  m: Moved;
  format: (v: number) => string;
  change: (v: number | null) => string;
}) {
  return (
    <tr className="border-t border-gray-100 dark:border-gray-800">
      <th scope="row" className="py-1.5 pr-2 font-normal">
        {label}
      </th>
      <td className="py-1.5 pr-2 text-right tabular-nums">
        {m.before === null ? "not enough data" : format(m.before)}
      </td>
      <td className="py-1.5 pr-2 text-right tabular-nums">
        {m.after === null ? "not enough data" : format(m.after)}
      </td>
      <td className="py-1.5 text-right tabular-nums">{change(m.change)}</td>
    </tr>
  );
}

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const q = await searchParams;
  const { org, caller } = await requireOrgPage(slug);
  const f = formatter(await getLocale());
  const list = await caller.imports.list({ orgSlug: slug, limit: 200 });
  const completed = list.items.filter((s) => s.status === "completed");
  const current = list.currentSnapshotId ?? completed[0]?.id ?? null;
  const since =
    current && !one(q.from) && !one(q.to)
      ? await caller.report.sinceLast({ orgSlug: slug, snapshotId: current })
      : null;
  const fromId = one(q.from) ?? since?.comparison.from.id ?? completed[1]?.id ?? null;
  const toId = one(q.to) ?? since?.comparison.to.id ?? current;
  // An id that is not one of this organization's completed uploads (mistyped, deleted, another
  // organization's) answers a message under the pickers instead of the error page.
  let missing = false;
  const comparison =
    since?.comparison ??
    (fromId && toId
      ? await caller.report.compare({ orgSlug: slug, from: fromId, to: toId }).catch((e: unknown) => {
          if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) {
            missing = true;
            return null;
          }
          throw e;
        })
      : null);
  const currency = org.currency;
  const money = (v: number) => f.money(v, currency);
  const pts = (v: number | null) => f.points(v);

  return (
    <div className="space-y-6" data-testid="compare">
      <div>
        <h1 className="text-2xl font-semibold">Compare two uploads</h1>
        <p className="text-sm text-gray-700 dark:text-gray-300">
          Your data only: who joined, who left, who changed role or team (the same person is matched by email,
          else by name when an email is missing), and how the mix, attainment, pay and the gaps against the
          article moved.
        </p>
      </div>
      {completed.length < 2 ? (
        <p className="card">
          {org.name} has {completed.length === 1 ? "one upload" : "no upload"} so far: there is nothing to
          compare yet.{" "}
          <Link href={`/o/${org.slug}`} className="link underline">
            Back to the overview
          </Link>
        </p>
      ) : (
        <form className="card flex flex-wrap items-end gap-4" method="get" aria-label="Choose the uploads">
          {(
            [
              ["from", "Earlier upload", fromId],
              ["to", "Later upload", toId],
            ] as const
          ).map(([name, label, value]) => (
            <label key={name} className="flex w-full min-w-0 flex-col gap-1 text-sm font-medium sm:w-auto">
              {label}
              <select
                name={name}
                defaultValue={value ?? undefined}
                className="w-full max-w-full rounded-md border-gray-300 text-sm sm:w-auto dark:border-gray-700 dark:bg-gray-900"
              >
                {completed.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.asOf} · {s.fileName} ({s.rowCount} reps)
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit" className="btn-primary">
            Compare
          </button>
        </form>
      )}
      {missing ? (
        <p className="card" role="alert" data-testid="compare-missing">
          One of the chosen uploads is not among {org.name}&apos;s completed uploads: it may have been
          deleted, or the link is mistyped. Choose two uploads above.
        </p>
      ) : null}
      {comparison ? (
        <>
          <section aria-labelledby="people-title" className="card space-y-3">
            <h2 id="people-title" className="text-lg font-semibold">
              People: {comparison.from.asOf} → {comparison.to.asOf}
            </h2>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {(
                [
                  ["joined", "Joined", comparison.people.joined.count],
                  ["left", "Left", comparison.people.left.count],
                  ["changed-role", "Changed role", comparison.people.changedRole.count],
                  ["changed-team", "Changed team", comparison.people.changedTeam.count],
                ] as const
              ).map(([id, label, count]) => (
                <div key={id} className="rounded-md border border-gray-200 p-3 dark:border-gray-800">
                  <dt className="text-sm text-gray-700 dark:text-gray-300">{label}</dt>
                  <dd className="text-2xl font-semibold tabular-nums" data-testid={`compare-${id}`}>
                    {count}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="text-xs text-gray-700 dark:text-gray-300">
              Matched by email: {comparison.people.matchedByEmail}; by name: {comparison.people.matchedByName}
              . Lists show the first 200 of each.
            </p>
            {comparison.people.changedRole.count + comparison.people.changedTeam.count > 0 ? (
              <ScrollRegion label="People who changed role or team, table">
                <table className="w-full min-w-[480px] text-left text-sm" data-testid="compare-moves">
                  <caption className="sr-only">People who changed role or team</caption>
                  <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
                    <tr>
                      <th scope="col" className="py-1 pr-2">
                        Name
                      </th>
                      <th scope="col" className="py-1 pr-2">
                        Change
                      </th>
                      <th scope="col" className="py-1 pr-2">
                        From
                      </th>
                      <th scope="col" className="py-1">
                        To
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {[
                      ...comparison.people.changedRole.items.map((m) => ({ ...m, what: "role" })),
                      ...comparison.people.changedTeam.items.map((m) => ({ ...m, what: "team" })),
                    ].map((m, i) => (
                      <tr key={`${m.what}-${i}`} className="border-t border-gray-100 dark:border-gray-800">
                        <th scope="row" className="py-1 pr-2 font-normal">
                          {m.name}
                        </th>
                        <td className="py-1 pr-2">{m.what}</td>
                        <td className="py-1 pr-2">{m.from ?? "—"}</td>
                        <td className="py-1">{m.to ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            ) : null}
            {(
              [
                ["Joined", comparison.people.joined.items],
                ["Left", comparison.people.left.items],
              ] as const
            ).map(([label, items]) =>
              items.length ? (
                <div key={label}>
                  <h3 className="text-sm font-semibold">{label}</h3>
                  <p className="text-sm text-gray-800 dark:text-gray-200">
                    {items.map((p) => `${p.name} (${p.role}${p.team ? `, ${p.team}` : ""})`).join(" · ")}
                  </p>
                </div>
              ) : null,
            )}
          </section>

          <section aria-labelledby="moved-title" className="card">
            <h2 id="moved-title" className="text-lg font-semibold">
              How the team moved (your data)
            </h2>
            <ScrollRegion label="How the team moved, table" className="mt-2">
              <table className="w-full min-w-[480px] text-left text-sm" data-testid="compare-moved">
                <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
                  <tr>
                    <th scope="col" className="py-1 pr-2">
                      Measure
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right">
                      {comparison.from.asOf}
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right">
                      {comparison.to.asOf}
                    </th>
                    <th scope="col" className="py-1 text-right">
                      Change
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {(["inside", "hybrid", "outside", "total"] as const).map((r) => {
                    const h = comparison.analysis.headCount[r];
                    return (
                      <tr key={r} className="border-t border-gray-100 dark:border-gray-800">
                        <th scope="row" className="py-1.5 pr-2 font-normal">
                          {r === "total" ? "All reps" : `${r[0]?.toUpperCase()}${r.slice(1)} reps`}
                        </th>
                        <td className="py-1.5 pr-2 text-right tabular-nums">{h.before}</td>
                        <td className="py-1.5 pr-2 text-right tabular-nums">{h.after}</td>
                        <td className="py-1.5 text-right tabular-nums">{signed(h.change, String)}</td>
                      </tr>
                    );
                  })}
                  <MovedRow
                    label="Inside share (hybrid half)"
                    m={comparison.analysis.insideShare}
                    format={f.share}
                    change={pts}
                  />
                  <MovedRow
                    label="Hybrid share"
                    m={comparison.analysis.hybridShare}
                    format={f.share}
                    change={pts}
                  />
                  <MovedRow
                    label="Reps at or above quota"
                    m={comparison.analysis.shareAtOrAboveQuota}
                    format={f.share}
                    change={pts}
                  />
                  <MovedRow
                    label="Average attainment"
                    m={comparison.analysis.averageAttainment}
                    format={f.share}
                    change={pts}
                  />
                  {(["inside", "hybrid", "outside"] as const).flatMap((r) => [
                    <MovedRow
                      key={`${r}-base`}
                      label={`Average base, ${r}`}
                      m={comparison.analysis.pay[r].baseSalary}
                      format={money}
                      change={(v) => signed(v, money)}
                    />,
                    <MovedRow
                      key={`${r}-ote`}
                      label={`Average OTE, ${r}`}
                      m={comparison.analysis.pay[r].ote}
                      format={money}
                      change={(v) => signed(v, money)}
                    />,
                  ])}
                </tbody>
              </table>
            </ScrollRegion>
          </section>

          <section aria-labelledby="gap-moves-title" className="card">
            <h2 id="gap-moves-title" className="text-lg font-semibold">
              How the gaps against the article moved
            </h2>
            <ScrollRegion label="Gaps moved, table" className="mt-2">
              <table className="w-full min-w-[560px] text-left text-sm" data-testid="compare-gaps">
                <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
                  <tr>
                    <th scope="col" className="py-1 pr-2">
                      Figure
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right">
                      Article
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right">
                      {comparison.from.asOf}
                    </th>
                    <th scope="col" className="py-1 text-right">
                      {comparison.to.asOf}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.analysis.gaps.map((g) => {
                    const show = (v: number | null, status: string) =>
                      v === null ? status.replace("_", " ") : formatGapValue(g, v);
                    return (
                      <tr
                        key={g.figureId}
                        className="border-t border-gray-100 dark:border-gray-800"
                        data-figure={g.figureId}
                      >
                        <th scope="row" className="py-1.5 pr-2 font-normal">
                          {g.label}{" "}
                          <Link
                            href={methodologyHref(g.figureId)}
                            className="link font-mono text-xs underline"
                          >
                            {g.figureId}
                          </Link>
                        </th>
                        <td className="py-1.5 pr-2 text-right tabular-nums">{g.benchmark}</td>
                        <td className="py-1.5 pr-2 text-right tabular-nums">
                          {show(g.before.orgValue, g.before.status)} ({g.before.status.replace("_", " ")})
                        </td>
                        <td className="py-1.5 text-right tabular-nums">
                          {show(g.after.orgValue, g.after.status)} ({g.after.status.replace("_", " ")})
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        </>
      ) : null}
    </div>
  );
}
