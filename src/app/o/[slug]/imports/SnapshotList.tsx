"use client";
import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { FormError } from "@/components/Field";

export interface SnapshotItem {
  id: string;
  asOf: string;
  period: string;
  fileName: string;
  rowCount: number;
  skippedRowCount: number;
  status: "processing" | "completed" | "failed";
  failureReason: string | null;
  encoding: string | null;
  createdAt: string;
  createdByName: string | null;
  createdByApiKeyId: string | null;
  isCurrent: boolean;
}

const STATUS_TONE = {
  completed: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  failed: "bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
  processing: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
} as const;

export function SnapshotList({
  slug,
  items,
  canSetCurrent,
  canDelete,
  canExport,
}: {
  slug: string;
  items: SnapshotItem[];
  canSetCurrent: boolean;
  canDelete: boolean;
  canExport: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const setCurrent = useMutation(trpc.imports.setCurrent.mutationOptions());
  const remove = useMutation(trpc.imports.delete.mutationOptions());
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (items.length === 0) {
    return (
      <div className="card">
        <p>No uploads yet. Download the template or export your team from your CRM, then upload it.</p>
      </div>
    );
  }
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Something went wrong.");
    }
  };
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <div className="card overflow-x-auto p-0">
        <table className="w-full min-w-[760px] text-left text-sm" data-testid="snapshot-table">
          <thead className="bg-gray-50 text-xs uppercase text-gray-600 dark:bg-gray-800 dark:text-gray-300">
            <tr>
              <th scope="col" className="px-4 py-2">
                As of
              </th>
              <th scope="col" className="px-4 py-2">
                Period
              </th>
              <th scope="col" className="px-4 py-2">
                File
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                Reps
              </th>
              <th scope="col" className="px-4 py-2">
                By
              </th>
              <th scope="col" className="px-4 py-2">
                Status
              </th>
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} className="border-t border-gray-100 align-top dark:border-gray-800">
                <td className="px-4 py-2 whitespace-nowrap">
                  {s.asOf}
                  {s.isCurrent ? (
                    <span className="ml-2 rounded bg-blue-100 px-1.5 py-0.5 text-xs font-medium text-blue-900 dark:bg-blue-900 dark:text-blue-100">
                      current
                    </span>
                  ) : null}
                </td>
                <td className="px-4 py-2">{s.period}</td>
                <td className="px-4 py-2">
                  {s.fileName}
                  {s.encoding ? (
                    <span className="block text-xs text-gray-600 dark:text-gray-400">{s.encoding}</span>
                  ) : null}
                </td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {s.rowCount.toLocaleString("en-US")}
                  {s.skippedRowCount ? (
                    <span className="block text-xs text-gray-600 dark:text-gray-400">
                      {s.skippedRowCount} rows skipped
                    </span>
                  ) : null}
                </td>
                <td className="px-4 py-2">
                  {s.createdByName ?? (s.createdByApiKeyId ? "API key" : "—")}
                  <span className="block text-xs text-gray-600 dark:text-gray-400">
                    {new Date(s.createdAt).toLocaleString()}
                  </span>
                </td>
                <td className="px-4 py-2">
                  <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_TONE[s.status]}`}>
                    {s.status}
                  </span>
                  {s.failureReason ? (
                    <span className="mt-1 block max-w-xs text-xs text-rose-800 dark:text-rose-300">
                      {s.failureReason}
                    </span>
                  ) : null}
                </td>
                <td className="px-4 py-2">
                  <div className="flex flex-wrap justify-end gap-2">
                    {s.status === "completed" ? (
                      <Link className="link text-sm" href={`/o/${slug}/imports/${s.id}`}>
                        View reps
                      </Link>
                    ) : null}
                    {s.status === "completed" && canExport ? (
                      <a className="link text-sm" href={`/api/orgs/${slug}/snapshots/${s.id}/reps.csv`}>
                        Export CSV
                      </a>
                    ) : null}
                    {s.status === "completed" && !s.isCurrent && canSetCurrent ? (
                      <button
                        type="button"
                        className="link text-sm"
                        onClick={() => act(() => setCurrent.mutateAsync({ orgSlug: slug, snapshotId: s.id }))}
                      >
                        Show on dashboard
                      </button>
                    ) : null}
                    {canDelete ? (
                      confirming === s.id ? (
                        <span className="flex items-center gap-2">
                          <button
                            type="button"
                            className="btn-danger px-2 py-1 text-xs"
                            onClick={() => act(() => remove.mutateAsync({ orgSlug: slug, snapshotId: s.id }))}
                          >
                            Delete {s.rowCount} reps for good
                          </button>
                          <button type="button" className="link text-xs" onClick={() => setConfirming(null)}>
                            Cancel
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="text-sm text-rose-700 hover:underline dark:text-rose-400"
                          onClick={() => setConfirming(s.id)}
                        >
                          Delete
                        </button>
                      )
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
