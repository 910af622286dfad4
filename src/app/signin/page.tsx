import type { Metadata } from "next";
import { AuthShell } from "@/components/AuthShell";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const email = typeof params.email === "string" ? params.email : undefined;
  return (
    <AuthShell title="Sign in to SalesMix">
      <SignInForm callbackUrl={safeCallbackUrl(params.callbackUrl)} defaultEmail={email} />
    </AuthShell>
  );
}
