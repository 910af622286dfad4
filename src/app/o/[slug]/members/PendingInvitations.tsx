"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FormError } from "@/components/Field";
import { useTRPC } from "@/trpc/react";
import {
  CopyInviteLink,
  DELIVERY_NOTES,
  errorMessage,
  formatDate,
  RoleBadge,
  type MembersPageProps,
} from "./shared";

/** Pending and expired invitations, each with resend (a new link) and revoke. */
export function PendingInvitations({
  slug,
  onNotice,
}: MembersPageProps & { onNotice: (m: string | null) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.invitations.list.queryOptions({ orgSlug: slug }));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey({ orgSlug: slug }) });
  const resend = useMutation(trpc.invitations.resend.mutationOptions({ onSettled: refresh }));
  const revoke = useMutation(trpc.invitations.revoke.mutationOptions({ onSettled: refresh }));
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ email: string; url: string; note: string | null } | null>(null);
  const [confirmRevoke, setConfirmRevoke] = useState<string | null>(null);

  const invitations = list.data?.invitations ?? [];
  if (!invitations.length && !link && !error) return null;

  return (
    <section className="card space-y-3" aria-labelledby="pending-title">
      <h2 id="pending-title" className="text-lg font-semibold">
        Pending invitations
      </h2>
      <FormError message={error} />
      {link ? (
        <div className="text-sm">
          {link.note ? <p className="text-gray-700 dark:text-gray-300">{link.note}</p> : null}
          <CopyInviteLink email={link.email} url={link.url} />
        </div>
      ) : null}
      <ul className="divide-y divide-gray-200 dark:divide-gray-800">
        {invitations.map((inv) => (
          <li
            key={inv.id}
            className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2">
                <span className="truncate font-medium">{inv.email}</span>
                <RoleBadge role={inv.role} />
              </p>
              <p className="text-xs text-gray-600 dark:text-gray-400">
                {inv.invitedBy ? `Invited by ${inv.invitedBy} · ` : ""}
                {inv.expired ? (
                  <span className="font-semibold text-red-700 dark:text-red-400">
                    Expired {formatDate(inv.expiresAt)}
                  </span>
                ) : (
                  `Expires ${formatDate(inv.expiresAt)}`
                )}
              </p>
            </div>
            {inv.canManage ? (
              <div className="flex flex-wrap gap-2">
                {confirmRevoke === inv.id ? (
                  <>
                    <button
                      type="button"
                      className="btn-danger"
                      disabled={revoke.isPending}
                      onClick={async () => {
                        setError(null);
                        try {
                          await revoke.mutateAsync({ orgSlug: slug, invitationId: inv.id });
                          onNotice(`The invitation for ${inv.email} was revoked; its link no longer works.`);
                        } catch (e) {
                          setError(errorMessage(e));
                        }
                        setConfirmRevoke(null);
                      }}
                    >
                      Revoke the invitation for {inv.email}
                    </button>
                    <button type="button" className="btn-secondary" onClick={() => setConfirmRevoke(null)}>
                      Keep it
                    </button>
                  </>
                ) : (
                  <>
                    <button
                      type="button"
                      className="btn-secondary"
                      disabled={resend.isPending}
                      aria-label={`Resend the invitation to ${inv.email}`}
                      onClick={async () => {
                        setError(null);
                        try {
                          const res = await resend.mutateAsync({ orgSlug: slug, invitationId: inv.id });
                          onNotice(
                            `A new invitation was sent to ${inv.email}; the previous link no longer works.`,
                          );
                          setLink(
                            res.inviteUrl
                              ? { email: inv.email, url: res.inviteUrl, note: DELIVERY_NOTES[res.delivery] }
                              : null,
                          );
                        } catch (e) {
                          setError(errorMessage(e));
                        }
                      }}
                    >
                      Resend
                    </button>
                    <button
                      type="button"
                      className="btn-secondary"
                      aria-label={`Revoke the invitation to ${inv.email}`}
                      onClick={() => setConfirmRevoke(inv.id)}
                    >
                      Revoke
                    </button>
                  </>
                )}
              </div>
            ) : (
              <p className="text-xs text-gray-600 dark:text-gray-400">
                Only an owner can change this invitation.
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
