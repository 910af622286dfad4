import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/AuthShell";
import { ROLE_LABELS } from "@/lib/permissions";
import { serverCaller } from "@/trpc/server";
import { SignUpForm } from "./SignUpForm";
import { InvitedSignUpForm } from "./InvitedSignUpForm";

export const metadata: Metadata = { title: "Create your organization", referrer: "no-referrer" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const token = typeof params.invitation === "string" ? params.invitation : null;
  if (token) {
    // Sign-up from an invitation: the email is the invited one and the account joins that organization.
    const invite = await (await serverCaller()).invitations.preview({ token });
    if (invite.status !== "pending" || invite.accountExists) redirect(`/invite/${encodeURIComponent(token)}`);
    return (
      <AuthShell title={`Join ${invite.organization.name} on SalesMix`}>
        <p className="mb-4 text-sm text-gray-700 dark:text-gray-300">
          {invite.invitedBy ? `${invite.invitedBy.name} invited you` : "You are invited"} as{" "}
          {ROLE_LABELS[invite.role]}. Create your account to join.
        </p>
        <InvitedSignUpForm token={token} email={invite.email} organizationName={invite.organization.name} />
        <p className="mt-4 text-sm text-gray-700 dark:text-gray-300">
          Already have an account?{" "}
          <Link
            className="link"
            href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}&email=${encodeURIComponent(invite.email)}`}
          >
            Sign in
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Create your SalesMix organization">
      <SignUpForm />
    </AuthShell>
  );
}
