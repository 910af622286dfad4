import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = {
  title: { default: "SalesMix", template: "%s · SalesMix" },
  description:
    "Compare your sales team's inside/outside mix, pay, quota and activity with published benchmarks, and plan the shift to hybrid.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the CSP nonce (src/proxy.ts) is new each time, and Next.js can only put it
  // on the scripts of a page it renders now, never on a prerendered one.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
