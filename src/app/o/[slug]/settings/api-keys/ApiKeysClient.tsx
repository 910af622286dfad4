"use client";
import Link from "next/link";
import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormError } from "@/components/Field";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { ApiKeyList } from "./ApiKeyList";
import { CopyField } from "./CopyField";
import { errorMessage, SCOPE_LABELS, type Scope } from "./shared";

type CreatedKey = RouterOutputs["apiKeys"]["create"];

const SCOPE_HELP: Record<Scope, string> = {
  read: "Lists uploads and reps, reads the organization and the report. For BI tools and dashboards.",
  read_write: "Everything a read key does, plus uploading the team and changing the organization profile.",
};

const EXPIRY_CHOICES = [
  { value: "never", label: "Never (until revoked)" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In 1 year" },
] as const;

export function ApiKeysClient({ slug, orgName }: { slug: string; orgName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const [name, setName] = useState("");
  const [scope, setScope] = useState<Scope>("read");
  const [expiry, setExpiry] = useState<string>("never");
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ids = { name: useId(), nameHelp: useId(), nameError: useId(), expiry: useId(), expiryHelp: useId() };

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setNameError(null);
    setNotice(null);
    if (!name.trim()) {
      setNameError("Name the key after what uses it (e.g. “Nightly CRM sync”)");
      return;
    }
    try {
      const key = await create.mutateAsync({
        orgSlug: slug,
        name,
        scope,
        expiresInDays: expiry === "never" ? null : Number(expiry),
      });
      setCreated(key);
      setName("");
      await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey({ orgSlug: slug }) });
    } catch (err) {
      setError(errorMessage(err));
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
        <h1 className="mt-1 text-2xl font-semibold">API keys</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-700 dark:text-gray-300">
          Keys let scripts and tools use the SalesMix API for {orgName}: push the team from your CRM every
          night, pull the report into a BI tool. A key belongs to the organization, not to you, and keeps
          working until it is revoked or its expiry date passes. See the{" "}
          <Link href="/docs/api" className="link">
            API documentation
          </Link>
          .
        </p>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-green-800 empty:hidden dark:text-green-300">
        {notice}
      </p>

      {created ? (
        <section
          className="card space-y-3 border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950"
          aria-labelledby="new-key-title"
        >
          <h2 id="new-key-title" className="text-lg font-semibold">
            Copy the key “{created.name}” now
          </h2>
          <p className="text-sm text-gray-800 dark:text-gray-200">
            This is the only time it is shown: SalesMix keeps only a hash of it. Store it in your secret
            manager. If it is lost, revoke it and create another.
          </p>
          <CopyField label={`API key “${created.name}”`} value={created.key} testId="new-api-key" />
          <p className="text-sm text-gray-700 dark:text-gray-300">Try it:</p>
          <pre className="overflow-x-auto rounded bg-gray-900 p-3 text-xs text-gray-100">
            {`curl -sS "${typeof window === "undefined" ? "" : window.location.origin}/api/v1/organization" \\\n  -H "Authorization: Bearer ${created.key}"`}
          </pre>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setCreated(null);
              setNotice(
                `The key “${created.name}” was created. Only its first characters are shown from now on.`,
              );
            }}
          >
            I have copied the key
          </button>
        </section>
      ) : null}

      <section className="card space-y-4" aria-labelledby="create-key-title">
        <h2 id="create-key-title" className="text-lg font-semibold">
          Create a key
        </h2>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={error} />
          <div className="max-w-md">
            <label htmlFor={ids.name} className="field-label">
              Name
            </label>
            <input
              id={ids.name}
              name="name"
              className="field-input"
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
              placeholder="Nightly CRM sync"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? ids.nameError : ids.nameHelp}
            />
            {nameError ? (
              <p id={ids.nameError} className="field-error" role="alert">
                {nameError}
              </p>
            ) : (
              <p id={ids.nameHelp} className="mt-1 text-xs text-gray-600 dark:text-gray-400">
                What will use the key, so you know which one to revoke later.
              </p>
            )}
          </div>
          <fieldset>
            <legend className="field-label">Scope</legend>
            <div className="mt-2 space-y-2">
              {(["read", "read_write"] as const).map((s) => (
                <label key={s} className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="scope"
                    value={s}
                    checked={scope === s}
                    onChange={() => setScope(s)}
                    className="mt-0.5"
                  />
                  <span>
                    <span className="font-medium">{SCOPE_LABELS[s]}</span>
                    <span className="block text-gray-600 dark:text-gray-400">{SCOPE_HELP[s]}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="max-w-md">
            <label htmlFor={ids.expiry} className="field-label">
              Expires
            </label>
            <select
              id={ids.expiry}
              name="expiry"
              className="field-input"
              value={expiry}
              onChange={(e) => setExpiry(e.target.value)}
              aria-describedby={ids.expiryHelp}
            >
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
            <p id={ids.expiryHelp} className="mt-1 text-xs text-gray-600 dark:text-gray-400">
              After this the key is refused, as if revoked. A key for a one-off job should not outlive it.
            </p>
          </div>
          <button type="submit" className="btn-primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create key"}
          </button>
        </form>
      </section>

      <ApiKeyList slug={slug} onNotice={setNotice} />
    </div>
  );
}
