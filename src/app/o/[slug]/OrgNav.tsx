"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { can, type Role } from "@/lib/permissions";

export function OrgNav({ slug, role }: { slug: string; role: Role }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const base = `/o/${slug}`;
  const items = [
    { href: base, label: t("overview"), show: true },
    { href: `${base}/planner`, label: t("planner"), show: true },
    { href: `${base}/imports`, label: t("imports"), show: true },
    { href: `${base}/members`, label: t("members"), show: true },
    { href: `${base}/notifications`, label: t("notifications"), show: can(role, "dashboard.read") },
    { href: `${base}/settings`, label: t("settings"), show: can(role, "org.update") },
    { href: `${base}/audit`, label: t("audit"), show: can(role, "audit.read") },
  ].filter((i) => i.show);
  return (
    <nav aria-label={t("label")} className="mx-auto max-w-7xl overflow-x-auto px-4">
      <ul className="flex gap-1">
        {items.map((item) => {
          const active = item.href === base ? pathname === base : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className="inline-block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm text-gray-700 hover:text-gray-900 aria-[current=page]:border-blue-600 aria-[current=page]:font-semibold aria-[current=page]:text-gray-900 dark:text-gray-300 dark:hover:text-white dark:aria-[current=page]:text-white"
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
