"use client";
import { useTranslations } from "next-intl";

/** An unexpected failure while loading an organization page: say so, and offer to try again. */
export default function OrgError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("orgError");
  return (
    <div role="alert" className="card max-w-2xl space-y-3">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-gray-700 dark:text-gray-300">
        {t.rich("body", {
          ref: error.digest ?? t("unknownRef"),
          code: (chunks) => <code className="font-mono">{chunks}</code>,
        })}
      </p>
      <button type="button" className="btn-primary" onClick={() => reset()}>
        {t("retry")}
      </button>
    </div>
  );
}
