import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/env";
import { getDb } from "@/server/db";
import { listOutbox } from "@/server/email/outbox";
import { Logo } from "@/components/Logo";

export const metadata: Metadata = { title: "Development outbox", robots: { index: false } };
export const dynamic = "force-dynamic";

const LINK = /(https?:\/\/[^\s<>"]+)/g;

/** The emails the app would have sent, for development without SMTP. Not available in production. */
export default async function OutboxPage() {
  if (env.NODE_ENV === "production") notFound();
  const messages = await listOutbox(await getDb());
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <Logo />
      <div>
        <h1 className="text-2xl font-semibold">Development outbox</h1>
        <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
          No SMTP server is configured (SMTP_URL), so outgoing emails are kept here instead. This page does
          not exist in production.
        </p>
      </div>
      {messages.length === 0 ? (
        <p className="card text-sm">No emails yet.</p>
      ) : (
        <ol className="space-y-4">
          {messages.map((m) => (
            <li key={m.id} className="card space-y-2">
              <p className="text-xs text-gray-600 dark:text-gray-400">
                {new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" }).format(
                  m.createdAt,
                )}
              </p>
              <h2 className="font-semibold">{m.subject}</h2>
              <p className="text-sm">
                To: <span className="font-medium">{m.to}</span>
              </p>
              <pre className="whitespace-pre-wrap break-words rounded bg-gray-50 p-3 text-sm dark:bg-gray-950">
                {m.text.split(LINK).map((part, i) =>
                  i % 2 === 1 ? (
                    <a key={i} href={part} className="link">
                      {part}
                    </a>
                  ) : (
                    part
                  ),
                )}
              </pre>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
