import Link from "next/link";
import { redirect } from "next/navigation";
import { serverCaller } from "@/trpc/server";
import { Logo } from "@/components/Logo";

export default async function Home() {
  const caller = await serverCaller();
  const me = await caller.auth.me().catch(() => null);
  if (me) {
    const orgs = await caller.org.mine();
    if (orgs[0]) redirect(`/o/${orgs[0].slug}`);
    redirect("/orgs/new");
  }
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-8 px-6 py-16">
      <Logo />
      <h1 className="text-4xl font-bold tracking-tight">Is your sales team built the way your buyers buy?</h1>
      <p className="text-lg text-gray-700 dark:text-gray-300">
        Upload your team from your CRM or HR export. SalesMix compares your inside/outside mix, pay, quota and
        activity with the published figures of the XANT research for companies of your size, classifies your
        sales model, and recommends concrete moves toward a hybrid team, with a what-if you can play with.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/signup" className="btn-primary">
          Create your organization
        </Link>
        <Link href="/signin" className="btn-secondary">
          Sign in
        </Link>
        <Link href="/methodology" className="btn-secondary">
          Methodology and sources
        </Link>
      </div>
    </main>
  );
}
