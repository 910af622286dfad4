import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/AuthShell";
import { LinkSignIn } from "@/components/LinkSignIn";
import { serverCaller } from "@/trpc/server";

// The token is in the address: keep it out of Referer headers and search engines.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verify");
  return { title: t("metaTitle"), referrer: "no-referrer", robots: { index: false } };
}

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("verify");
  const auth = await getTranslations("auth");
  const { valid } = await (await serverCaller()).auth.checkLink({ kind: "verify", token });
  if (!valid) {
    return (
      <AuthShell title={auth("linkDead")}>
        <p className="text-gray-700 dark:text-gray-300" data-testid="link-status">
          {t("dead")}
        </p>
        <p className="mt-4 text-sm">
          <Link href="/signin" className="link">
            {auth("goSignIn")}
          </Link>
        </p>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t("title")}>
      <p className="mb-4 text-gray-700 dark:text-gray-300">{t("body")}</p>
      <LinkSignIn token={token} label={t("submit")} />
    </AuthShell>
  );
}
