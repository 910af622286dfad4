import Link from "next/link";
import { useTranslations } from "next-intl";
import { methodologyHref } from "./format";

/** Says where a number comes from: the article (linked to its figure) or the org's own data. */
export function ArticleSource({
  figureId,
  note,
}: {
  figureId: string;
  note?: "fallback" | "estimate" | null;
}) {
  const t = useTranslations("source");
  return (
    <Link
      href={methodologyHref(figureId)}
      className="inline-flex items-center gap-1 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900 hover:underline dark:bg-amber-950 dark:text-amber-200"
      title={t("articleTitle", { id: figureId })}
    >
      {t("article", { id: figureId })}
      {note ? <span className="font-normal">({t(note)})</span> : null}
    </Link>
  );
}

export function YourDataTag({ label }: { label?: string }) {
  const t = useTranslations("source");
  return (
    <span className="inline-flex shrink-0 items-center whitespace-nowrap rounded bg-blue-50 px-1.5 py-0.5 text-xs font-medium text-blue-900 dark:bg-blue-950 dark:text-blue-200">
      {label ?? t("yourData")}
    </span>
  );
}
