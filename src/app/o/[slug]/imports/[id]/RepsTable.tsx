"use client";
import { useId, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

type Sort =
  | "row"
  | "name"
  | "role"
  | "team"
  | "title"
  | "baseSalary"
  | "ote"
  | "quotaAttainment"
  | "calls"
  | "avgDealSize";
const PAGE = 50;
const money = (v: number | null) => (v === null ? "—" : `$${Math.round(v).toLocaleString("en-US")}`);
const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 1000) / 10}%`);
const num = (v: number | null) => (v === null ? "—" : v.toLocaleString("en-US"));

const COLUMNS: { key: Sort; label: string; numeric?: boolean }[] = [
  { key: "row", label: "Row", numeric: true },
  { key: "name", label: "Name" },
  { key: "role", label: "Role" },
  { key: "title", label: "Title" },
  { key: "team", label: "Team" },
  { key: "baseSalary", label: "Base", numeric: true },
  { key: "ote", label: "OTE", numeric: true },
  { key: "quotaAttainment", label: "Attainment", numeric: true },
  { key: "calls", label: "Calls", numeric: true },
  { key: "avgDealSize", label: "Deal size", numeric: true },
];

export function RepsTable({ slug, snapshotId }: { slug: string; snapshotId: string }) {
  const trpc = useTRPC();
  const [sort, setSort] = useState<Sort>("row");
  const [direction, setDirection] = useState<"asc" | "desc">("asc");
  const [role, setRole] = useState<"" | "inside" | "outside" | "hybrid">("");
  const [search, setSearch] = useState("");
  const [offset, setOffset] = useState(0);
  const searchId = useId();
  const roleId = useId();
  const query = useQuery({
    ...trpc.imports.reps.queryOptions({
      orgSlug: slug,
      snapshotId,
      sort,
      direction,
      role: role || null,
      search: search || null,
      offset,
      limit: PAGE,
    }),
    placeholderData: keepPreviousData,
  });
  const toggle = (key: Sort) => {
    setOffset(0);
    if (sort === key) setDirection((d) => (d === "asc" ? "desc" : "asc"));
    else {
      setSort(key);
      setDirection("asc");
    }
  };
  const total = query.data?.total ?? 0;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor={searchId} className="field-label">
            Search name or email
          </label>
          <input
            id={searchId}
            className="field-input"
            value={search}
            onChange={(e) => {
              setOffset(0);
              setSearch(e.target.value);
            }}
          />
        </div>
        <div>
          <label htmlFor={roleId} className="field-label">
            Role
          </label>
          <select
            id={roleId}
            className="field-input"
            value={role}
            onChange={(e) => {
              setOffset(0);
              setRole(e.target.value as typeof role);
            }}
          >
            <option value="">All roles</option>
            <option value="inside">Inside</option>
            <option value="hybrid">Hybrid</option>
            <option value="outside">Outside</option>
          </select>
        </div>
      </div>
      {query.isError ? (
        <div role="alert" className="card text-sm">
          The reps could not be loaded: {query.error.message}{" "}
          <button type="button" className="link" onClick={() => query.refetch()}>
            Retry
          </button>
        </div>
      ) : null}
      <div className="card overflow-x-auto p-0">
        <table
          className="w-full min-w-[900px] text-left text-sm"
          data-testid="reps-table"
          aria-busy={query.isFetching}
        >
          <thead className="bg-gray-50 text-xs uppercase text-gray-600 dark:bg-gray-800 dark:text-gray-300">
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={`px-3 py-2 ${c.numeric ? "text-right" : ""}`}
                  aria-sort={sort === c.key ? (direction === "asc" ? "ascending" : "descending") : "none"}
                >
                  <button type="button" className="uppercase hover:underline" onClick={() => toggle(c.key)}>
                    {c.label}
                    {sort === c.key ? (direction === "asc" ? " ▲" : " ▼") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {query.isPending
              ? Array.from({ length: 5 }, (_, i) => (
                  <tr key={i}>
                    <td colSpan={COLUMNS.length} className="px-3 py-2">
                      <div className="h-4 animate-pulse rounded bg-gray-100 dark:bg-gray-800" />
                    </td>
                  </tr>
                ))
              : query.data?.items.map((r) => (
                  <tr key={r.rowNumber} className="border-t border-gray-100 dark:border-gray-800">
                    <td className="px-3 py-1.5 text-right tabular-nums">{r.rowNumber}</td>
                    <td className="px-3 py-1.5">
                      {r.name}
                      {r.email ? (
                        <span className="block text-xs text-gray-600 dark:text-gray-400">{r.email}</span>
                      ) : null}
                    </td>
                    <td className="px-3 py-1.5">{r.role}</td>
                    <td className="px-3 py-1.5">{r.title ?? "—"}</td>
                    <td className="px-3 py-1.5">{r.team ?? "—"}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{money(r.baseSalary)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{money(r.ote)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{pct(r.quotaAttainment)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{num(r.calls)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{money(r.avgDealSize)}</td>
                  </tr>
                ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center justify-between text-sm">
        <span>
          {total === 0
            ? "No reps match."
            : `Reps ${offset + 1}–${Math.min(offset + PAGE, total)} of ${total.toLocaleString("en-US")}`}
        </span>
        <div className="flex gap-2">
          <button
            type="button"
            className="btn-secondary"
            disabled={offset === 0}
            onClick={() => setOffset((o) => Math.max(0, o - PAGE))}
          >
            Previous
          </button>
          <button
            type="button"
            className="btn-secondary"
            disabled={offset + PAGE >= total}
            onClick={() => setOffset((o) => o + PAGE)}
          >
            Next
          </button>
        </div>
      </div>
    </div>
  );
}
