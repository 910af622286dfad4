"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { LOCALE_NAMES, LOCALES, isLocale } from "@/lib/i18n/locales";

/** Switches the interface language: saved on the account when signed in, and on this browser either way. */
export function LocaleSwitcher({ className = "" }: { className?: string }) {
  const t = useTranslations("locale");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <label className={`inline-flex items-center gap-2 text-sm ${className}`}>
      <span className="text-gray-600 dark:text-gray-400">{t("label")}</span>
      <select
        data-testid="locale-switcher"
        className="rounded-md border border-gray-300 bg-white py-1 pr-8 pl-2 text-sm dark:border-gray-700 dark:bg-gray-900"
        value={current}
        disabled={pending}
        onChange={async (e) => {
          const locale = e.target.value;
          if (!isLocale(locale)) return;
          setFailed(false);
          const res = await fetch("/api/locale", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ locale }),
          }).catch(() => null);
          if (!res?.ok) {
            setFailed(true);
            return;
          }
          startTransition(() => router.refresh());
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      {failed ? (
        <span role="alert" className="text-xs text-red-700">
          {t("failed")}
        </span>
      ) : null}
    </label>
  );
}
