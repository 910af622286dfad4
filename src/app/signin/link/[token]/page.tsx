import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/AuthShell";
import { LinkSignIn } from "@/components/LinkSignIn";
import { serverCaller } from "@/trpc/server";

export const metadata: Metadata = {
  title: "Sign-in link",
  referrer: "no-referrer",
  robots: { index: false },
};

export default async function SignInLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { valid } = await (await serverCaller()).auth.checkLink({ kind: "sign_in", token });
  if (!valid) {
    return (
      <AuthShell title="This link no longer works">
        <p className="text-gray-700 dark:text-gray-300" data-testid="link-status">
          Sign-in links work once, for 15 minutes, and only the latest one sent. Ask for a new one on the
          sign-in page.
        </p>
        <p className="mt-4 text-sm">
          <Link href="/signin" className="link">
            Go to sign in
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Sign in with your link">
      <p className="mb-4 text-gray-700 dark:text-gray-300">This signs you in without your password, once.</p>
      <LinkSignIn token={token} label="Sign in" />
    </AuthShell>
  );
}
