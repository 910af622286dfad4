import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/AuthShell";
import { LocaleSwitcher } from "@/components/LocaleSwitcher";
import { serverCaller } from "@/trpc/server";
import { SignUpForm } from "./SignUpForm";
import { InvitedSignUpForm } from "./InvitedSignUpForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUp"))("metaTitle"), referrer: "no-referrer" };
}

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const t = await getTranslations("signUp");
  const auth = await getTranslations("auth");
  const roles = await getTranslations("roles");
  const token = typeof params.invitation === "string" ? params.invitation : null;
  if (token) {
    // Sign-up from an invitation: the email is the invited one and the account joins that organization.
    const invite = await (await serverCaller()).invitations.preview({ token });
    if (invite.status !== "pending" || invite.accountExists) redirect(`/invite/${encodeURIComponent(token)}`);
    return (
      <AuthShell
        title={t("joinTitle", { organization: invite.organization.name })}
        aside={<LocaleSwitcher />}
      >
        <p className="mb-4 text-sm text-gray-700 dark:text-gray-300">
          {invite.invitedBy
            ? t("invitedBy", { name: invite.invitedBy.name, role: roles(invite.role) })
            : t("invited", { role: roles(invite.role) })}
        </p>
        <InvitedSignUpForm token={token} email={invite.email} organizationName={invite.organization.name} />
        <p className="mt-4 text-sm text-gray-700 dark:text-gray-300">
          {auth("haveAccount")}{" "}
          <Link
            className="link"
            href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}&email=${encodeURIComponent(invite.email)}`}
          >
            {auth("signIn")}
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("title")} aside={<LocaleSwitcher />}>
      <SignUpForm />
    </AuthShell>
  );
}
