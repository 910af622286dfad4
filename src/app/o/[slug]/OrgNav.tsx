"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { can, type Role } from "@/lib/permissions";

export function OrgNav({ slug, role }: { slug: string; role: Role }) {
  const pathname = usePathname();
  const base = `/o/${slug}`;
  const items = [
    { href: base, label: "Overview", show: true },
    { href: `${base}/planner`, label: "Planner", show: true },
    { href: `${base}/imports`, label: "Team uploads", show: true },
    { href: `${base}/members`, label: "Members", show: true },
    { href: `${base}/notifications`, label: "Notifications", show: can(role, "dashboard.read") },
    { href: `${base}/settings`, label: "Settings", show: can(role, "org.update") },
    { href: `${base}/audit`, label: "Audit log", show: can(role, "audit.read") },
  ].filter((i) => i.show);
  return (
    <nav aria-label="Organization" className="mx-auto max-w-7xl overflow-x-auto px-4">
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
