import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/AuthShell";
import { serverCaller } from "@/trpc/server";
import { NewOrgForm } from "./NewOrgForm";

export const metadata: Metadata = { title: "Create an organization" };

export default async function NewOrgPage() {
  const caller = await serverCaller();
  const me = await caller.auth.me().catch(() => null);
  if (!me) redirect("/signin?callbackUrl=/orgs/new");
  return (
    <AuthShell title="Create another organization">
      <NewOrgForm />
    </AuthShell>
  );
}
