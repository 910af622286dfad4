import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/trpc/org-page";
import { can } from "@/lib/permissions";
import { ProfileForm } from "./ProfileForm";
import { DangerZone } from "./DangerZone";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org, caller } = await requireOrgPage(slug);
  if (!can(org.role, "org.update")) {
    return (
      <div className="card max-w-2xl">
        <h1 className="text-xl font-semibold">Settings</h1>
        <p className="mt-2 text-gray-700 dark:text-gray-300">
          Only admins and owners can change the organization profile. Your role is {org.role}.
        </p>
      </div>
    );
  }
  const profile = await caller.org.profile({ orgSlug: slug });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Organization profile</h1>
        <div className="flex gap-2">
          <Link href={`/o/${slug}/settings/api-keys`} className="btn-secondary">
            API keys
          </Link>
          <Link href={`/o/${slug}/settings/webhooks`} className="btn-secondary">
            Webhooks
          </Link>
          <Link href={`/o/${slug}/settings/shares`} className="btn-secondary">
            Share links
          </Link>
        </div>
      </div>
      <ProfileForm
        slug={slug}
        initial={{ name: profile.name, industry: profile.industry, ...profile.profile }}
        initialBand={profile.band}
      />
      {can(org.role, "org.delete") ? <DangerZone slug={slug} name={org.name} /> : null}
    </div>
  );
}
