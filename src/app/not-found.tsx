import Link from "next/link";
import { useTranslations } from "next-intl";

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-4 px-6">
      <p className="text-sm font-semibold text-blue-700 dark:text-blue-400">404</p>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-gray-700 dark:text-gray-300">{t("body")}</p>
      <Link href="/" className="link">
        {t("home")}
      </Link>
    </main>
  );
}
