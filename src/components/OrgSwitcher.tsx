"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { isRole } from "@/lib/permissions";

interface OrgItem {
  slug: string;
  name: string;
  role: string;
}

/** Lists the user's organizations; a native <details> keeps it keyboard- and screen-reader-friendly. */
export function OrgSwitcher({ current, orgs }: { current: OrgItem; orgs: OrgItem[] }) {
  const t = useTranslations("nav");
  const roles = useTranslations("roles");
  return (
    <details className="relative min-w-0" data-testid="org-switcher">
      <summary className="flex min-w-0 cursor-pointer list-none items-center gap-2 rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-800">
        <span className="sr-only">{t("currentOrg")}</span>
        <span className="truncate">{current.name}</span>
        <span aria-hidden>▾</span>
      </summary>
      <div className="absolute left-0 z-20 mt-2 w-72 rounded-md border border-gray-200 bg-white p-1 shadow-lg dark:border-gray-700 dark:bg-gray-900">
        <p className="px-3 py-2 text-xs font-semibold uppercase text-gray-600 dark:text-gray-400">
          {t("yourOrgs")}
        </p>
        <ul>
          {orgs.map((o) => (
            <li key={o.slug}>
              <Link
                href={`/o/${o.slug}`}
                aria-current={o.slug === current.slug ? "page" : undefined}
                className="flex items-center justify-between rounded px-3 py-2 text-sm hover:bg-gray-100 aria-[current=page]:font-semibold dark:hover:bg-gray-800"
              >
                <span>{o.name}</span>
                <span className="text-xs text-gray-600 dark:text-gray-400">
                  {isRole(o.role) ? roles(o.role) : o.role}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-1 border-t border-gray-200 pt-1 dark:border-gray-700">
          <Link
            href="/orgs/new"
            className="block rounded px-3 py-2 text-sm text-blue-700 hover:bg-gray-100 dark:text-blue-400 dark:hover:bg-gray-800"
          >
            {t("newOrg")}
          </Link>
        </div>
      </div>
    </details>
  );
}
