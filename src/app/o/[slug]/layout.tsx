import Link from "next/link";
import { Logo } from "@/components/Logo";
import { OrgSwitcher } from "@/components/OrgSwitcher";
import { UserMenu } from "@/components/UserMenu";
import { getTranslations } from "next-intl/server";
import { requireOrgPage } from "@/trpc/org-page";
import { OrgNav } from "./OrgNav";

export default async function OrgLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const { me, org, caller } = await requireOrgPage(slug);
  const orgs = await caller.org.mine();
  const t = await getTranslations("nav");
  return (
    <div className="min-h-screen">
      <header className="no-print border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3">
          <Logo href={`/o/${org.slug}`} />
          <OrgSwitcher current={{ slug: org.slug, name: org.name, role: org.role }} orgs={orgs} />
          <div className="ml-auto flex shrink-0 items-center gap-2">
            <Link
              href="/methodology"
              className="hidden text-sm text-gray-700 hover:underline sm:inline dark:text-gray-300"
            >
              {t("methodology")}
            </Link>
            <UserMenu name={me.name} email={me.email} />
          </div>
        </div>
        <OrgNav slug={org.slug} role={org.role} />
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
