"use client";
import Link from "next/link";
import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { FormError } from "@/components/Field";
import { useTRPC } from "@/trpc/react";
import { CopyField } from "../api-keys/CopyField";

const EVENTS = [
  { value: "import.completed", help: "an upload was saved" },
  { value: "report.changed", help: "the upload the report shows changed" },
] as const;
type EventName = (typeof EVENTS)[number]["value"];

const message = (err: unknown) =>
  err instanceof TRPCClientError ? err.message : "Something went wrong. Please try again.";

export function WebhooksClient({ slug, orgName }: { slug: string; orgName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.webhooks.list.queryOptions({ orgSlug: slug }));
  const deliveries = useQuery(trpc.webhooks.deliveries.queryOptions({ orgSlug: slug }));
  const create = useMutation(trpc.webhooks.create.mutationOptions());
  const remove = useMutation(trpc.webhooks.delete.mutationOptions());
  const enable = useMutation(trpc.webhooks.enable.mutationOptions());
  const replay = useMutation(trpc.webhooks.replay.mutationOptions());
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<EventName[]>(["import.completed", "report.changed"]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const urlId = useId();

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey({ orgSlug: slug }) });
    await queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.queryKey({ orgSlug: slug }) });
  };
  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
      await refresh();
    } catch (err) {
      setError(message(err));
    }
  };

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      const created = await create.mutateAsync({ orgSlug: slug, url, events });
      setSecret(created.secret);
      setUrl("");
      setNotice(
        created.ping.ok
          ? "The endpoint answered the ping."
          : `Saved, but the ping failed (${created.ping.error ?? `status ${created.ping.statusCode}`}); deliveries will retry.`,
      );
      await refresh();
    } catch (err) {
      setError(message(err));
    }
  }

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/o/${slug}/settings`} className="link">
            ← Settings
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">Webhooks</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-700 dark:text-gray-300">
          SalesMix POSTs signed JSON to these HTTPS endpoints when something changes in {orgName}. How to
          verify the <code>{list.data?.signatureHeader ?? "SalesMix-Signature"}</code> header is in the{" "}
          <Link href="/docs/api" className="link">
            API documentation
          </Link>
          .
        </p>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-green-800 empty:hidden dark:text-green-300">
        {notice}
      </p>
      <FormError message={error} />

      {secret ? (
        <section className="card space-y-3 border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950">
          <h2 className="text-lg font-semibold">Copy the signing secret now</h2>
          <p className="text-sm">
            This is the only time it is shown. If it is lost, remove the endpoint and add it again.
          </p>
          <CopyField label="Signing secret" value={secret} testId="webhook-secret" />
          <button type="button" className="btn-secondary" onClick={() => setSecret(null)}>
            I have copied the secret
          </button>
        </section>
      ) : null}

      <section className="card space-y-4" aria-labelledby="add-hook">
        <h2 id="add-hook" className="text-lg font-semibold">
          Add an endpoint
        </h2>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <div className="max-w-xl">
            <label htmlFor={urlId} className="field-label">
              URL
            </label>
            <input
              id={urlId}
              className="field-input"
              value={url}
              maxLength={2000}
              placeholder="https://example.com/hooks/salesmix"
              onChange={(e) => setUrl(e.target.value)}
            />
          </div>
          <fieldset>
            <legend className="field-label">Events</legend>
            {EVENTS.map((ev) => (
              <label key={ev.value} className="mt-2 flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={events.includes(ev.value)}
                  onChange={(e) =>
                    setEvents((cur) =>
                      e.target.checked ? [...cur, ev.value] : cur.filter((x) => x !== ev.value),
                    )
                  }
                />
                <span>
                  <code>{ev.value}</code>: {ev.help}
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="btn-primary" disabled={create.isPending}>
            {create.isPending ? "Checking the endpoint…" : "Add endpoint"}
          </button>
        </form>
      </section>

      <section className="card space-y-3" aria-labelledby="hooks">
        <h2 id="hooks" className="text-lg font-semibold">
          Endpoints
        </h2>
        {list.data?.endpoints.length ? (
          <ul className="divide-y divide-gray-200 dark:divide-gray-700">
            {list.data.endpoints.map((ep) => (
              <li key={ep.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span className="min-w-0 break-all">
                  <span className="font-mono">{ep.url}</span> — {ep.events.join(", ")}
                  {ep.disabledAt ? (
                    <span className="ml-2 text-red-700 dark:text-red-400">Disabled: {ep.disabledReason}</span>
                  ) : null}
                </span>
                <span className="flex gap-2">
                  {ep.disabledAt ? (
                    <button
                      type="button"
                      className="btn-secondary"
                      onClick={() =>
                        run(
                          () => enable.mutateAsync({ orgSlug: slug, endpointId: ep.id }),
                          `Enabled ${ep.url}.`,
                        )
                      }
                    >
                      Enable
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="btn-secondary"
                    onClick={() =>
                      run(
                        () => remove.mutateAsync({ orgSlug: slug, endpointId: ep.id }),
                        `Removed ${ep.url}.`,
                      )
                    }
                  >
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-gray-600 dark:text-gray-400">No endpoint yet.</p>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="log">
        <h2 id="log" className="text-lg font-semibold">
          Delivery log
        </h2>
        {deliveries.data?.deliveries.length ? (
          <div className="overflow-x-auto" role="region" aria-labelledby="log" tabIndex={0}>
            <table className="min-w-full text-left text-sm">
              <thead>
                <tr>
                  <th className="p-2">When</th>
                  <th className="p-2">Event</th>
                  <th className="p-2">Endpoint</th>
                  <th className="p-2">Status</th>
                  <th className="p-2">Attempts</th>
                  <th className="p-2">Last answer</th>
                  <th className="p-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {deliveries.data.deliveries.map((d) => (
                  <tr key={d.id} className="border-t border-gray-200 dark:border-gray-700">
                    <td className="p-2 whitespace-nowrap">{new Date(d.createdAt).toLocaleString()}</td>
                    <td className="p-2 font-mono">{d.eventType}</td>
                    <td className="p-2 break-all">{d.url}</td>
                    <td className="p-2">{d.status}</td>
                    <td className="p-2">
                      {d.attempts}
                      {d.replays ? ` (${d.replays} replay${d.replays > 1 ? "s" : ""})` : ""}
                    </td>
                    <td className="p-2">
                      {d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : "—")}
                    </td>
                    <td className="p-2">
                      {d.status !== "pending" ? (
                        <button
                          type="button"
                          className="btn-secondary"
                          onClick={() =>
                            run(
                              () => replay.mutateAsync({ orgSlug: slug, deliveryId: d.id }),
                              "Replay queued.",
                            )
                          }
                        >
                          Replay
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-gray-600 dark:text-gray-400">Nothing delivered yet.</p>
        )}
      </section>
    </div>
  );
}
