import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/AuthShell";
import { LocaleSwitcher } from "@/components/LocaleSwitcher";
import { ForgotPasswordForm } from "./ForgotPasswordForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgot"))("metaTitle") };
}

export default async function ForgotPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const t = await getTranslations("forgot");
  const email = typeof params.email === "string" ? params.email : undefined;
  return (
    <AuthShell title={t("title")} aside={<LocaleSwitcher />}>
      <ForgotPasswordForm defaultEmail={email} />
      <p className="mt-4 text-sm">
        <Link href="/signin" className="link">
          {t("back")}
        </Link>
      </p>
    </AuthShell>
  );
}
