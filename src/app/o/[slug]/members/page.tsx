import type { Metadata } from "next";
import { requireOrgPage } from "@/trpc/org-page";
import { emailDeliveryMode } from "@/server/email";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { can } from "@/lib/permissions";
import { MembersClient } from "./MembersClient";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org } = await requireOrgPage(slug);
  const canInvite = can(org.role, "members.invite");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.members.list.queryOptions({ orgSlug: slug })),
    canInvite ? queryClient.prefetchQuery(trpc.invitations.list.queryOptions({ orgSlug: slug })) : null,
  ]);
  return (
    <HydrateClient>
      <MembersClient
        slug={org.slug}
        orgName={org.name}
        role={org.role}
        canInvite={canInvite}
        emailDelivery={emailDeliveryMode()}
      />
    </HydrateClient>
  );
}
