"use client";
import { useId, useState } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { FormError } from "@/components/Field";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";

type AuditAction = RouterOutputs["audit"]["filters"]["actions"][number]["value"];

const formatTime = (d: Date) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" }).format(new Date(d));

/** A short, readable line from an event's small before/after data. */
function describe(data: Record<string, unknown> | null): string {
  if (!data) return "";
  const parts: string[] = [];
  const before = data.before as Record<string, unknown> | undefined;
  const after = data.after as Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(data)) {
    if (key === "before" || key === "after") continue;
    parts.push(`${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
  }
  if (before || after) {
    const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
    for (const k of keys) parts.push(`${k}: ${String(before?.[k] ?? "—")} → ${String(after?.[k] ?? "—")}`);
  }
  return parts.join(" · ");
}

export function AuditClient({ slug, orgName }: { slug: string; orgName: string }) {
  const trpc = useTRPC();
  const ids = { action: useId(), actor: useId() };
  const [action, setAction] = useState<AuditAction | "">("");
  const [actorUserId, setActorUserId] = useState("");
  const filters = useQuery(trpc.audit.filters.queryOptions({ orgSlug: slug }));
  const input = {
    orgSlug: slug,
    ...(action ? { action } : {}),
    ...(actorUserId ? { actorUserId } : {}),
  };
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor }),
  );
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
          Who did what in {orgName}, newest first. Entries cannot be edited or deleted.
        </p>
      </div>
      <form
        className="card grid gap-4 sm:grid-cols-2"
        aria-label="Filter the audit log"
        onSubmit={(e) => e.preventDefault()}
      >
        <div>
          <label htmlFor={ids.action} className="field-label">
            Action
          </label>
          <select
            id={ids.action}
            className="field-input"
            value={action}
            onChange={(e) => setAction(e.target.value as AuditAction | "")}
          >
            <option value="">All actions</option>
            {filters.data?.actions.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.actor} className="field-label">
            Person
          </label>
          <select
            id={ids.actor}
            className="field-input"
            value={actorUserId}
            onChange={(e) => setActorUserId(e.target.value)}
          >
            <option value="">Everyone</option>
            {filters.data?.actors.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
      </form>

      <FormError message={events.error ? events.error.message : null} />
      <section className="card overflow-hidden p-0" aria-labelledby="events-title">
        <h2 id="events-title" className="sr-only">
          Events
        </h2>
        {rows.length === 0 && !events.isPending ? (
          <p className="p-5 text-sm text-gray-700 dark:text-gray-300">No events match these filters.</p>
        ) : (
          <ol className="divide-y divide-gray-200 dark:divide-gray-800" data-testid="audit-events">
            {rows.map((e) => (
              <li key={e.id} className="grid gap-1 px-5 py-3 text-sm md:grid-cols-[13rem_1fr_auto] md:gap-4">
                <time
                  dateTime={new Date(e.createdAt).toISOString()}
                  className="text-gray-600 dark:text-gray-400"
                >
                  {formatTime(e.createdAt)}
                </time>
                <div className="min-w-0">
                  <p>
                    <span className="font-medium">{e.actorLabel ?? "System"}</span> — {e.actionLabel}
                  </p>
                  {describe(e.data) ? (
                    <p className="break-words text-xs text-gray-700 dark:text-gray-300">{describe(e.data)}</p>
                  ) : null}
                </div>
                <p className="text-xs text-gray-600 md:text-right dark:text-gray-400">
                  {e.ip ? `IP ${e.ip}` : ""}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {events.hasNextPage ? (
        <button
          type="button"
          className="btn-secondary"
          disabled={events.isFetchingNextPage}
          onClick={() => void events.fetchNextPage()}
        >
          {events.isFetchingNextPage ? "Loading…" : "Load older events"}
        </button>
      ) : null}
    </div>
  );
}
