import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/Logo";
import { serverCaller } from "@/trpc/server";
import { AccountClient } from "./AccountClient";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const caller = await serverCaller();
  const me = await caller.auth.me().catch(() => null);
  if (!me) redirect("/signin?callbackUrl=/account");
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <Logo />
      <div>
        <p className="text-sm">
          <Link href="/" className="link">
            ← Back to SalesMix
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">Your account</h1>
        <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
          {me.name} · {me.email}
        </p>
      </div>
      <AccountClient />
    </main>
  );
}
