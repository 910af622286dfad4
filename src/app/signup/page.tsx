import type { Metadata } from "next";
import { AuthShell } from "@/components/AuthShell";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { SignUpForm } from "./SignUpForm";

export const metadata: Metadata = { title: "Create your organization" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callback = safeCallbackUrl(params.callbackUrl);
  return (
    <AuthShell title="Create your SalesMix organization">
      <SignUpForm callbackUrl={callback === "/" ? null : callback} />
    </AuthShell>
  );
}
