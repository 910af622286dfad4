import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/AuthShell";
import { LinkSignIn } from "@/components/LinkSignIn";
import { serverCaller } from "@/trpc/server";

// The token is in the address: keep it out of Referer headers and search engines.
export const metadata: Metadata = {
  title: "Confirm your email",
  referrer: "no-referrer",
  robots: { index: false },
};

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { valid } = await (await serverCaller()).auth.checkLink({ kind: "verify", token });
  if (!valid) {
    return (
      <AuthShell title="This link no longer works">
        <p className="text-gray-700 dark:text-gray-300" data-testid="link-status">
          It was already used or has expired. If your address is already confirmed, sign in; otherwise sign in
          and ask for a sign-in link, which confirms it too.
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
    <AuthShell title="Confirm your email address">
      <p className="mb-4 text-gray-700 dark:text-gray-300">
        One click confirms this address and signs you in to your new SalesMix account.
      </p>
      <LinkSignIn token={token} label="Confirm and sign in" />
    </AuthShell>
  );
}
