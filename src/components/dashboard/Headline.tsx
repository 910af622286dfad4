import Link from "next/link";
import { useTranslations } from "next-intl";
import type { HeadlineSection, HeadlineSentence } from "@/lib/benchmarks/headline";
import { methodologyHref } from "./format";

/**
 * The summary sentences at the top of the overview and the report. Each links to the section it sums up and to
 * the article's figures it rests on; the text itself is generated from the analysis (src/lib/benchmarks/headline).
 */
export function Headline({
  sentences,
  sectionHref,
}: {
  sentences: HeadlineSentence[];
  sectionHref: Record<HeadlineSection, string>;
}) {
  const t = useTranslations("headline");
  return (
    <section
      className="card border-l-4 border-l-blue-700 dark:border-l-blue-400"
      aria-labelledby="headline-title"
      data-testid="headline"
    >
      <h2 id="headline-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ul className="mt-2 space-y-3 text-base leading-relaxed">
        {sentences.map((s) => (
          <li key={s.topic} data-topic={s.topic}>
            <span data-testid={`headline-${s.topic}`}>{s.text}</span>{" "}
            <Link href={sectionHref[s.section]} className="link whitespace-nowrap text-sm underline">
              {t(`see.${s.section}`)}
            </Link>
            {s.figureIds.length ? (
              <span className="mt-1 flex flex-wrap gap-x-2 gap-y-1 text-xs text-gray-700 dark:text-gray-300">
                <span>{t("article")}</span>
                {s.figureIds.map((id) => (
                  <Link
                    key={id}
                    href={methodologyHref(id)}
                    className="link font-mono [overflow-wrap:anywhere] underline"
                  >
                    {id}
                  </Link>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
