import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/AuthShell";
import { ForgotPasswordForm } from "./ForgotPasswordForm";

export const metadata: Metadata = { title: "Forgot your password" };

export default async function ForgotPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const email = typeof params.email === "string" ? params.email : undefined;
  return (
    <AuthShell title="Reset your password">
      <ForgotPasswordForm defaultEmail={email} />
      <p className="mt-4 text-sm">
        <Link href="/signin" className="link">
          Back to sign in
        </Link>
      </p>
    </AuthShell>
  );
}
