import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/AuthShell";
import { serverCaller } from "@/trpc/server";
import { ResetPasswordForm } from "./ResetPasswordForm";

export const metadata: Metadata = {
  title: "Choose a new password",
  referrer: "no-referrer",
  robots: { index: false },
};

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { valid } = await (await serverCaller()).auth.checkLink({ kind: "reset", token });
  if (!valid) {
    return (
      <AuthShell title="This link no longer works">
        <p className="text-gray-700 dark:text-gray-300" data-testid="link-status">
          Password links work once, for one hour, and only the latest one sent.
        </p>
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className="link">
            Ask for a new link
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Choose a new password">
      <ResetPasswordForm token={token} />
    </AuthShell>
  );
}
