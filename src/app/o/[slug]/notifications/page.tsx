import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireOrgPage } from "@/trpc/org-page";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { can } from "@/lib/permissions";
import { NotificationsForm } from "./NotificationsForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("metaTitle") };
}

/** The signed-in member's own email choices for this organization (every role that reads the dashboard). */
export default async function NotificationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org } = await requireOrgPage(slug);
  const t = await getTranslations("notifications");
  if (!can(org.role, "dashboard.read")) {
    return (
      <div className="card max-w-2xl space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-gray-700 dark:text-gray-300">{t("noDashboard", { org: org.name })}</p>
      </div>
    );
  }
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.notifications.get.queryOptions({ orgSlug: slug }));
  return (
    <HydrateClient>
      <div className="max-w-2xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <NotificationsForm slug={org.slug} orgName={org.name} />
      </div>
    </HydrateClient>
  );
}
