import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/AuthShell";
import { ROLE_LABELS } from "@/lib/permissions";
import { serverCaller } from "@/trpc/server";
import { AcceptInvitation } from "./AcceptInvitation";
import { SwitchAccount } from "./SwitchAccount";

// The token is in the address: keep it out of Referer headers, and out of search engines.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false } };

const TITLES = {
  invalid: "This invitation link is not valid",
  expired: "This invitation has expired",
  revoked: "This invitation was withdrawn",
  accepted: "This invitation has already been used",
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const caller = await serverCaller();
  const invite = await caller.invitations.preview({ token });

  if (invite.status === "invalid") {
    return (
      <AuthShell title={TITLES.invalid}>
        <p className="text-gray-700 dark:text-gray-300">{invite.message}</p>
        <p className="mt-4 text-sm">
          <Link href="/" className="link">
            Go to SalesMix
          </Link>
        </p>
      </AuthShell>
    );
  }

  // Used by this very person, who is still a member: take them to the org.
  if (invite.status === "accepted" && invite.organization.slug) redirect(`/o/${invite.organization.slug}`);

  if (invite.status !== "pending") {
    return (
      <AuthShell title={TITLES[invite.status]}>
        <p className="text-gray-700 dark:text-gray-300" data-testid="invite-status">
          {invite.message}
        </p>
        <p className="mt-4 text-sm text-gray-700 dark:text-gray-300">
          The invitation was for {invite.email} to join {invite.organization.name} as{" "}
          {ROLE_LABELS[invite.role]}.
        </p>
      </AuthShell>
    );
  }

  const from = invite.invitedBy ? `${invite.invitedBy.name} (${invite.invitedBy.email})` : "An admin";
  const summary = (
    <p className="text-gray-700 dark:text-gray-300">
      {from} invited <strong>{invite.email}</strong> to join <strong>{invite.organization.name}</strong> as{" "}
      <strong>{ROLE_LABELS[invite.role]}</strong>. The invitation expires on{" "}
      {new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(invite.expiresAt)}.
    </p>
  );

  if (invite.viewer === "invited") {
    // Signed in as the invited email: show what joining means; the button accepts (a POST, never this GET).
    return (
      <AuthShell title={`Join ${invite.organization.name}`}>
        {summary}
        <p className="mt-4 text-sm text-gray-700 dark:text-gray-300">
          You are signed in as <strong>{invite.viewerEmail}</strong>.
        </p>
        <AcceptInvitation token={token} organizationName={invite.organization.name} />
      </AuthShell>
    );
  }

  const here = `/invite/${token}`;
  if (invite.viewer === "other") {
    return (
      <AuthShell title={`Join ${invite.organization.name}`}>
        {summary}
        <div
          role="alert"
          className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          You are signed in as <strong>{invite.viewerEmail}</strong>, but this invitation is for{" "}
          <strong>{invite.email}</strong>. Switch to that account to accept it.
        </div>
        <div className="mt-4 flex flex-col gap-2 sm:flex-row">
          <SwitchAccount callbackUrl={here} />
          <Link href="/" className="btn-secondary">
            Stay as {invite.viewerEmail}
          </Link>
        </div>
      </AuthShell>
    );
  }

  const signIn = `/signin?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(invite.email)}`;
  const signUp = `/signup?invitation=${encodeURIComponent(token)}`;
  return (
    <AuthShell title={`Join ${invite.organization.name}`}>
      {summary}
      <div className="mt-6 flex flex-col gap-2">
        {invite.accountExists ? (
          <>
            <p className="text-sm text-gray-700 dark:text-gray-300">
              {invite.email} already has a SalesMix account. Sign in to accept.
            </p>
            <Link href={signIn} className="btn-primary">
              Sign in to accept
            </Link>
          </>
        ) : (
          <>
            <Link href={signUp} className="btn-primary">
              Create your account
            </Link>
            <Link href={signIn} className="btn-secondary">
              I already have an account: sign in
            </Link>
          </>
        )}
      </div>
    </AuthShell>
  );
}
