"use client";
import { useState } from "react";
import { Badge } from "@tremor/react";
import { ROLE_LABELS, type Role } from "@/lib/permissions";
import type { EmailDelivery } from "@/lib/email/delivery";

/** What the members page passes to each of its parts (MembersClient and the sections under it). */
export interface MembersPageProps {
  slug: string;
  orgName: string;
  role: Role;
  canInvite: boolean;
  emailDelivery: EmailDelivery;
}

/** What the inviter is told when an invitation's email did not go out as a real email. */
export const DELIVERY_NOTES = {
  smtp: null,
  outbox: "Email is not set up here, so the message went to the development outbox. Send the link yourself:",
  none: "Email is not set up, so no message was sent. Copy the link and send it yourself:",
  failed: "The email could not be sent. Copy the link and send it yourself, or resend later:",
} as const;

const ROLE_COLORS: Record<Role, string> = {
  owner: "violet",
  admin: "blue",
  analyst: "emerald",
  viewer: "gray",
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={ROLE_COLORS[role]} size="xs">
      {ROLE_LABELS[role]}
    </Badge>
  );
}

export { errorField, errorMessage } from "@/trpc/errors";

export const formatDate = (d: Date) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium" }).format(new Date(d));

export const formatDateTime = (d: Date) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(new Date(d));

/** A link the inviter passes on by hand: shown in a read-only field with a copy button. */
export function CopyInviteLink({ email, url }: { email: string; url: string }) {
  return (
    <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <label className="field-label" htmlFor={`link-${email}`}>
          Invite link for {email}
        </label>
        <input
          id={`link-${email}`}
          className="field-input font-mono text-xs"
          readOnly
          value={url}
          data-testid="invite-link"
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <CopyButton text={url} />
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      className="btn-secondary"
      aria-live="polite"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setState("copied");
        } catch {
          setState("failed");
        }
      }}
    >
      {state === "copied"
        ? "Copied"
        : state === "failed"
          ? "Select the link and copy it"
          : "Copy invite link"}
    </button>
  );
}
