import type { Metadata } from "next";
import { requireOrgPage } from "@/trpc/org-page";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { WebhooksClient } from "./WebhooksClient";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org } = await requireOrgPage(slug);
  if (!can(org.role, "webhooks.manage")) {
    return (
      <div className="card max-w-2xl space-y-2">
        <h1 className="text-2xl font-semibold">Webhooks</h1>
        <p className="text-gray-700 dark:text-gray-300">
          Only admins and owners of {org.name} can manage webhooks. Your role is{" "}
          {ROLE_LABELS[org.role].toLowerCase()}.
        </p>
      </div>
    );
  }
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.webhooks.list.queryOptions({ orgSlug: slug })),
    queryClient.prefetchQuery(trpc.webhooks.deliveries.queryOptions({ orgSlug: slug })),
  ]);
  return (
    <HydrateClient>
      <WebhooksClient slug={org.slug} orgName={org.name} />
    </HydrateClient>
  );
}
