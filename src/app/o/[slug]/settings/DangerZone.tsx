"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { FormError } from "@/components/Field";

/** Owner only: take everything out, or delete the organization after typing its slug. */
export function DangerZone({ slug, name }: { slug: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.org.delete.mutationOptions());
  const [confirmation, setConfirmation] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <section className="card space-y-4 border-rose-200 dark:border-rose-900" aria-labelledby="danger-title">
      <h2 id="danger-title" className="font-semibold">
        Your data, yours
      </h2>
      <div>
        <p className="text-sm text-gray-700 dark:text-gray-300">
          Download everything of {name}: the profile, members, every upload with its reps, and the audit log
          (a zip of CSV and JSON files).
        </p>
        <a className="btn-secondary mt-2" href={`/api/orgs/${slug}/export.zip`}>
          Export all data
        </a>
      </div>
      <form
        className="space-y-2 border-t border-gray-200 pt-4 dark:border-gray-800"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await remove.mutateAsync({ orgSlug: slug, confirmation });
            router.push("/");
            router.refresh();
          } catch (err) {
            setError(err instanceof Error ? err.message : "Could not delete the organization.");
          }
        }}
      >
        <FormError message={error} />
        <label htmlFor={id} className="field-label">
          Delete {name} and all its data for good: type <code className="font-mono">{slug}</code> to confirm
        </label>
        <input
          id={id}
          className="field-input"
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
          autoComplete="off"
        />
        <button type="submit" className="btn-danger" disabled={confirmation !== slug || remove.isPending}>
          {remove.isPending ? "Deleting…" : "Delete the organization"}
        </button>
      </form>
    </section>
  );
}
