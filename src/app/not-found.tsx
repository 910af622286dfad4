import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-4 px-6">
      <p className="text-sm font-semibold text-blue-700 dark:text-blue-400">404</p>
      <h1 className="text-3xl font-bold">We couldn&apos;t find that page</h1>
      <p className="text-gray-700 dark:text-gray-300">
        The address may be mistyped, or it belongs to an organization you are not a member of.
      </p>
      <Link href="/" className="link">
        Go to your organizations
      </Link>
    </main>
  );
}
