"use client";
import Link from "next/link";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** Asked on the dashboard until the org sets its revenue or skips, with the consequence of skipping stated. */
export function ProfilePrompt({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const dismiss = useMutation(trpc.org.dismissProfilePrompt.mutationOptions());
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  return (
    <section
      className="card border-blue-200 bg-blue-50 dark:border-blue-900 dark:bg-blue-950"
      aria-labelledby="profile-prompt-title"
      data-testid="profile-prompt"
    >
      <h2 id="profile-prompt-title" className="font-semibold">
        How big is your company?
      </h2>
      <p className="mt-1 text-sm text-gray-800 dark:text-gray-200">
        The article&apos;s mix benchmarks depend on revenue (under $50M, $50M–$500M, over $500M). Without it
        you get no band-specific comparison, only the band-free figures.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        {canEdit ? (
          <Link href={`/o/${slug}/settings`} className="btn-primary">
            Add company size and sales profile
          </Link>
        ) : (
          <p className="text-sm">Ask an admin to set the company size in Settings.</p>
        )}
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            setHidden(true);
            dismiss.mutate({ orgSlug: slug });
          }}
        >
          Skip: no band-specific comparison
        </button>
      </div>
    </section>
  );
}
