"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FormError } from "@/components/Field";
import { useTRPC } from "@/trpc/react";
import { errorMessage, SCOPE_LABELS } from "./shared";

const formatDateTime = (d: Date) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(d));

/** Every key of the organization: active first, each with scope, dates and revoke. */
export function ApiKeyList({ slug, onNotice }: { slug: string; onNotice: (message: string | null) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.apiKeys.list.queryOptions({ orgSlug: slug }));
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey({ orgSlug: slug }) }),
    }),
  );
  const [confirm, setConfirm] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const keys = list.data?.keys ?? [];

  return (
    <section className="card space-y-3" aria-labelledby="keys-title">
      <h2 id="keys-title" className="text-lg font-semibold">
        Keys
      </h2>
      <FormError message={error ?? (list.error ? errorMessage(list.error) : null)} />
      {keys.length === 0 ? (
        <p className="text-sm text-gray-700 dark:text-gray-300">No keys yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-gray-200 text-xs uppercase text-gray-600 dark:border-gray-800 dark:text-gray-400">
              <tr>
                <th scope="col" className="py-2 pr-4">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4">
                  Key
                </th>
                <th scope="col" className="py-2 pr-4">
                  Scope
                </th>
                <th scope="col" className="py-2 pr-4">
                  Created
                </th>
                <th scope="col" className="py-2 pr-4">
                  Last used
                </th>
                <th scope="col" className="py-2 pr-4">
                  Expires
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-200 dark:divide-gray-800">
              {keys.map((k) => (
                <tr key={k.id} className={k.revokedAt ? "text-gray-500 dark:text-gray-500" : undefined}>
                  <td className="py-2 pr-4 font-medium">{k.name}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{k.prefix}…</td>
                  <td className="py-2 pr-4">{SCOPE_LABELS[k.scope]}</td>
                  <td className="py-2 pr-4">
                    {formatDateTime(k.createdAt)}
                    {k.createdByName ? (
                      <span className="block text-xs text-gray-600 dark:text-gray-400">
                        by {k.createdByName}
                      </span>
                    ) : null}
                    {k.creatorLeft && !k.revokedAt ? (
                      <span
                        className="mt-1 block text-xs font-medium text-amber-800 dark:text-amber-300"
                        data-testid="creator-left"
                      >
                        ⚠ Its creator{k.createdByName ? `, ${k.createdByName},` : ""} has left the
                        organization. The key still works: revoke it unless something still needs it.
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</td>
                  <td className="py-2 pr-4">
                    {k.expiresAt ? (
                      k.expired ? (
                        <span className="font-medium">Expired {formatDateTime(k.expiresAt)}</span>
                      ) : (
                        formatDateTime(k.expiresAt)
                      )
                    ) : (
                      "Never"
                    )}
                  </td>
                  <td className="py-2 text-right">
                    {k.revokedAt ? (
                      <span className="text-xs">Revoked {formatDateTime(k.revokedAt)}</span>
                    ) : confirm === k.id ? (
                      <span className="inline-flex flex-wrap justify-end gap-2">
                        <button
                          type="button"
                          className="btn-danger"
                          disabled={revoke.isPending}
                          onClick={async () => {
                            setError(null);
                            try {
                              await revoke.mutateAsync({ orgSlug: slug, keyId: k.id });
                              onNotice(
                                `The key “${k.name}” was revoked. Requests with it are refused from now on.`,
                              );
                            } catch (e) {
                              setError(errorMessage(e));
                            }
                            setConfirm(null);
                          }}
                        >
                          Revoke “{k.name}”
                        </button>
                        <button type="button" className="btn-secondary" onClick={() => setConfirm(null)}>
                          Keep it
                        </button>
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="btn-secondary"
                        aria-label={`Revoke the key ${k.name}`}
                        onClick={() => setConfirm(k.id)}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
