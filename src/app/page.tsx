import Link from "next/link";
import { redirect } from "next/navigation";
import { serverCaller } from "@/trpc/server";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/Logo";

export default async function Home() {
  const caller = await serverCaller();
  const me = await caller.auth.me().catch(() => null);
  if (me) {
    const orgs = await caller.org.mine();
    if (orgs[0]) redirect(`/o/${orgs[0].slug}`);
    redirect("/orgs/new");
  }
  const t = await getTranslations("home");
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-8 px-6 py-16">
      <Logo />
      <h1 className="text-4xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-lg text-gray-700 dark:text-gray-300">{t("intro")}</p>
      <div className="flex flex-wrap gap-3">
        <Link href="/signup" className="btn-primary">
          {t("signUp")}
        </Link>
        <Link href="/signin" className="btn-secondary">
          {t("signIn")}
        </Link>
        <Link href="/methodology" className="btn-secondary">
          {t("methodology")}
        </Link>
      </div>
    </main>
  );
}
