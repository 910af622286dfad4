import { useTranslations } from "next-intl";
import type { GapAssessment, GapStatus } from "@/lib/benchmarks";

const TONE: Record<GapAssessment | "none", string> = {
  good: "bg-emerald-50 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200",
  bad: "bg-rose-50 text-rose-900 ring-rose-600/30 dark:bg-rose-950 dark:text-rose-200",
  neutral: "bg-gray-100 text-gray-800 ring-gray-500/30 dark:bg-gray-800 dark:text-gray-200",
  none: "bg-gray-100 text-gray-700 ring-gray-500/20 dark:bg-gray-800 dark:text-gray-300",
};

export function StatusBadge({ status, assessment }: { status: GapStatus; assessment: GapAssessment | null }) {
  const t = useTranslations("status");
  const tone = TONE[assessment ?? "none"];
  const suffix = assessment === "good" ? t("good") : assessment === "bad" ? t("bad") : "";
  return (
    <span
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}
    >
      {t(status)}
      {suffix}
    </span>
  );
}
