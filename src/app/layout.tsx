import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import "./globals.css";
import { TRPCReactProvider } from "@/trpc/react";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: "SalesMix", template: "%s · SalesMix" }, description: t("description") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the CSP nonce (src/server/http/security-headers.ts, set by the server in src/serve) is new each time, and Next.js can only put it
  // on the scripts of a page it renders now, never on a prerendered one.
  await connection();
  const locale = await getLocale();
  // The provider hands client components the messages of this request's locale only (src/server/i18n/request.ts).
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
