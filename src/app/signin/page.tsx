import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/AuthShell";
import { LocaleSwitcher } from "@/components/LocaleSwitcher";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { SignInForm } from "./SignInForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("metaTitle") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const email = typeof params.email === "string" ? params.email : undefined;
  const t = await getTranslations("signIn");
  return (
    <AuthShell title={t("title")} aside={<LocaleSwitcher />}>
      <SignInForm callbackUrl={safeCallbackUrl(params.callbackUrl)} defaultEmail={email} />
    </AuthShell>
  );
}
