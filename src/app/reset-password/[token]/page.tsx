import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/AuthShell";
import { serverCaller } from "@/trpc/server";
import { ResetPasswordForm } from "./ResetPasswordForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reset");
  return { title: t("metaTitle"), referrer: "no-referrer", robots: { index: false } };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("reset");
  const auth = await getTranslations("auth");
  const { valid } = await (await serverCaller()).auth.checkLink({ kind: "reset", token });
  if (!valid) {
    return (
      <AuthShell title={auth("linkDead")}>
        <p className="text-gray-700 dark:text-gray-300" data-testid="link-status">
          {t("dead")}
        </p>
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className="link">
            {t("askNew")}
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("metaTitle")}>
      <ResetPasswordForm token={token} />
    </AuthShell>
  );
}
