"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { FormError } from "@/components/Field";
import { useTRPC } from "@/trpc/react";

/**
 * Joining is an explicit POST from this button: opening the link (a GET, which a page elsewhere can make the
 * browser do) only shows what the invitation is for.
 */
export function AcceptInvitation({ token, organizationName }: { token: string; organizationName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="mt-6 space-y-3">
      <FormError message={error} />
      <button
        type="button"
        className="btn-primary w-full"
        disabled={accept.isPending}
        onClick={async () => {
          setError(null);
          try {
            const { organization } = await accept.mutateAsync({ token });
            router.push(`/o/${organization.slug}`);
            router.refresh();
          } catch (e) {
            setError(e instanceof Error ? e.message : "Something went wrong. Please try again.");
          }
        }}
      >
        {accept.isPending ? "Joining…" : `Accept and join ${organizationName}`}
      </button>
    </div>
  );
}
