import { useTranslations } from "next-intl";

/** Shown while an organization page loads its data. */
export default function Loading() {
  const t = useTranslations("orgError");
  return (
    <div className="space-y-6" aria-busy="true" aria-label={t("loading")}>
      <div className="h-8 w-64 animate-pulse rounded bg-gray-200 dark:bg-gray-800" />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="card h-36 animate-pulse" />
        ))}
      </div>
      <div className="card h-72 animate-pulse" />
    </div>
  );
}
