"use client";
import Link from "next/link";
import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FormError } from "@/components/Field";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { CopyField } from "../api-keys/CopyField";
import { errorMessage } from "../api-keys/shared";

type CreatedShare = RouterOutputs["shares"]["create"];
type ShareRow = RouterOutputs["shares"]["list"]["links"][number];

export interface UploadChoice {
  id: string;
  label: string;
  current: boolean;
}
export interface ScenarioChoice {
  id: string;
  name: string;
  snapshotId: string;
}

const REDACTION_LABELS = {
  aggregates: "Aggregates only",
  names: "With rep names",
} as const;

const REDACTION_HELP = {
  aggregates:
    "Figures, charts and recommendations: no rep names, emails or individual pay. For the board, a CFO, a consultant.",
  names:
    "Adds the list of reps with role, team, title and attainment (never emails or pay). For internal use.",
} as const;

const when = (d: Date | null) =>
  d ? new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(d) : "never";

function stateOf(link: ShareRow) {
  if (link.revokedAt) return "Revoked";
  if (link.expired) return "Expired";
  return "Active";
}

export function SharesClient({
  slug,
  orgName,
  uploads,
  scenarios,
}: {
  slug: string;
  orgName: string;
  uploads: UploadChoice[];
  scenarios: ScenarioChoice[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.shares.list.queryOptions({ orgSlug: slug }));
  const create = useMutation(trpc.shares.create.mutationOptions());
  const revoke = useMutation(trpc.shares.revoke.mutationOptions());
  const currentId = uploads.find((u) => u.current)?.id ?? uploads[0]?.id ?? "";
  const [snapshotId, setSnapshotId] = useState(currentId);
  const [scenarioId, setScenarioId] = useState("");
  const [days, setDays] = useState("14");
  const [password, setPassword] = useState("");
  const [redaction, setRedaction] = useState<"aggregates" | "names">("aggregates");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedShare | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ids = { upload: useId(), scenario: useId(), days: useId(), daysHelp: useId(), password: useId() };
  const scenarioChoices = scenarios.filter((s) => s.snapshotId === snapshotId);
  const invalidate = () =>
    queryClient.invalidateQueries({ queryKey: trpc.shares.list.queryKey({ orgSlug: slug }) });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const expiresInDays = Number(days);
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 90) {
      setError("A link lasts a whole number of days, from 1 to 90.");
      return;
    }
    try {
      const share = await create.mutateAsync({
        orgSlug: slug,
        snapshotId: snapshotId || null,
        scenarioId: scenarioId || null,
        expiresInDays,
        password: password || null,
        redaction,
      });
      setCreated(share);
      setPassword("");
      await invalidate();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function onRevoke(link: ShareRow) {
    setError(null);
    try {
      await revoke.mutateAsync({ orgSlug: slug, shareId: link.id });
      setNotice(`The link to ${link.snapshotLabel} was revoked: it opens nothing from now on.`);
      await invalidate();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const links = list.data?.links ?? [];
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/o/${slug}/settings`} className="link">
            ← Settings
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">Share links</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-700 dark:text-gray-300">
          A share link opens the report of one upload of {orgName}, read-only, for someone without an account.
          It shows that upload only (no other uploads, no trend), is not listed by search engines, expires on
          the day you choose and can be revoked at any time. Anyone with the link (and its password, if you
          set one) can read it: send it only to the people it is meant for.
        </p>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-green-800 empty:hidden dark:text-green-300">
        {notice}
      </p>

      {created ? (
        <section
          className="card space-y-3 border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950"
          aria-labelledby="new-share-title"
        >
          <h2 id="new-share-title" className="text-lg font-semibold">
            Copy the link now
          </h2>
          <p className="text-sm text-gray-800 dark:text-gray-200">
            This is the only time it is shown: SalesMix keeps only a hash of it. If it is lost, revoke it and
            create another.
          </p>
          <CopyField
            label="Share link"
            value={`${typeof window === "undefined" ? "" : window.location.origin}${created.path}`}
            testId="new-share-link"
          />
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setCreated(null);
              setNotice("The link was created. It is listed below; its address is not shown again.");
            }}
          >
            I have copied the link
          </button>
        </section>
      ) : null}

      <section className="card space-y-4" aria-labelledby="create-share-title">
        <h2 id="create-share-title" className="text-lg font-semibold">
          Create a link
        </h2>
        {uploads.length === 0 ? (
          <p className="text-sm text-gray-700 dark:text-gray-300">
            There is nothing to share yet: upload a team first.
          </p>
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            <FormError message={error} />
            <div className="max-w-xl">
              <label htmlFor={ids.upload} className="field-label">
                Upload
              </label>
              <select
                id={ids.upload}
                name="snapshotId"
                className="field-input"
                value={snapshotId}
                onChange={(e) => {
                  setSnapshotId(e.target.value);
                  setScenarioId("");
                }}
              >
                {uploads.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.label}
                    {u.current ? " — current" : ""}
                  </option>
                ))}
              </select>
            </div>
            <div className="max-w-xl">
              <label htmlFor={ids.scenario} className="field-label">
                Include a saved scenario
              </label>
              <select
                id={ids.scenario}
                name="scenarioId"
                className="field-input"
                value={scenarioId}
                onChange={(e) => setScenarioId(e.target.value)}
              >
                <option value="">None</option>
                {scenarioChoices.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">
                Only scenarios that start from this upload are offered.
              </p>
            </div>
            <div className="max-w-xs">
              <label htmlFor={ids.days} className="field-label">
                Expires after (days)
              </label>
              <input
                id={ids.days}
                name="expiresInDays"
                type="number"
                min={1}
                max={90}
                step={1}
                className="field-input"
                value={days}
                onChange={(e) => setDays(e.target.value)}
                aria-describedby={ids.daysHelp}
              />
              <p id={ids.daysHelp} className="mt-1 text-xs text-gray-600 dark:text-gray-400">
                From 1 to 90 days.
              </p>
            </div>
            <div className="max-w-md">
              <label htmlFor={ids.password} className="field-label">
                Password (optional)
              </label>
              <input
                id={ids.password}
                name="password"
                type="password"
                autoComplete="new-password"
                className="field-input"
                value={password}
                maxLength={200}
                onChange={(e) => setPassword(e.target.value)}
              />
              <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">
                At least 8 characters. Send it separately from the link.
              </p>
            </div>
            <fieldset>
              <legend className="field-label">What the link shows</legend>
              <div className="mt-2 space-y-2">
                {(["aggregates", "names"] as const).map((r) => (
                  <label key={r} className="flex items-start gap-2 text-sm">
                    <input
                      type="radio"
                      name="redaction"
                      value={r}
                      checked={redaction === r}
                      onChange={() => setRedaction(r)}
                      className="mt-0.5"
                    />
                    <span>
                      <span className="font-medium">{REDACTION_LABELS[r]}</span>
                      <span className="block text-gray-600 dark:text-gray-400">{REDACTION_HELP[r]}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <button type="submit" className="btn-primary" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create link"}
            </button>
          </form>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="shares-title">
        <h2 id="shares-title" className="text-lg font-semibold">
          Links
        </h2>
        {links.length === 0 ? (
          <p className="text-sm text-gray-700 dark:text-gray-300">No share links yet.</p>
        ) : (
          <div className="overflow-x-auto" role="region" aria-label="Share links" tabIndex={0}>
            <table className="w-full text-sm" data-testid="share-links">
              <thead>
                <tr className="text-left">
                  <th scope="col" className="pr-3">
                    Upload
                  </th>
                  <th scope="col" className="pr-3">
                    Shows
                  </th>
                  <th scope="col" className="pr-3">
                    Created
                  </th>
                  <th scope="col" className="pr-3">
                    Expires
                  </th>
                  <th scope="col" className="pr-3">
                    Views
                  </th>
                  <th scope="col" className="pr-3">
                    Last viewed
                  </th>
                  <th scope="col" className="pr-3">
                    State
                  </th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {links.map((link) => (
                  <tr
                    key={link.id}
                    className="border-t border-gray-200 align-top dark:border-gray-800"
                    data-share={link.id}
                  >
                    <th scope="row" className="pr-3 text-left font-normal">
                      {link.snapshotLabel}
                      {link.scenarioName ? (
                        <span className="block text-xs text-gray-600 dark:text-gray-400">
                          with scenario “{link.scenarioName}”
                        </span>
                      ) : null}
                    </th>
                    <td className="pr-3">
                      {REDACTION_LABELS[link.redaction]}
                      {link.hasPassword ? ", password" : ""}
                    </td>
                    <td className="pr-3">
                      {when(link.createdAt)}
                      <span className="block text-xs text-gray-600 dark:text-gray-400">
                        by {link.createdByLabel}
                      </span>
                    </td>
                    <td className="pr-3">{when(link.expiresAt)}</td>
                    <td className="pr-3 tabular-nums" data-testid="share-views">
                      {link.viewCount}
                    </td>
                    <td className="pr-3">{when(link.lastViewedAt)}</td>
                    <td className="pr-3" data-testid="share-state">
                      {stateOf(link)}
                    </td>
                    <td>
                      {stateOf(link) === "Active" ? (
                        <button
                          type="button"
                          className="btn-secondary"
                          disabled={revoke.isPending}
                          onClick={() => void onRevoke(link)}
                        >
                          Revoke
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
