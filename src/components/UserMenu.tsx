"use client";
import { useState } from "react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import { LocaleSwitcher } from "./LocaleSwitcher";

export function UserMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("userMenu");
  const trpc = useTRPC();
  const everywhere = useMutation(trpc.auth.signOutEverywhere.mutationOptions());
  const [busy, setBusy] = useState(false);
  return (
    <details className="relative" data-testid="user-menu">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-3 py-1.5 text-sm hover:bg-gray-100 dark:hover:bg-gray-800">
        <span
          aria-hidden
          className="inline-flex h-7 w-7 items-center justify-center rounded-full bg-gray-200 text-xs font-semibold dark:bg-gray-700"
        >
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="sr-only sm:not-sr-only">{name}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 rounded-md border border-gray-200 bg-white p-1 shadow-lg dark:border-gray-700 dark:bg-gray-900">
        <p className="truncate px-3 py-2 text-xs text-gray-600 dark:text-gray-400">{email}</p>
        <Link
          href="/account"
          className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-gray-100 dark:hover:bg-gray-800"
        >
          {t("account")}
        </Link>
        <div className="px-3 py-2">
          <LocaleSwitcher />
        </div>
        <button
          type="button"
          disabled={busy}
          className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-gray-100 dark:hover:bg-gray-800"
          onClick={async () => {
            setBusy(true);
            await signOut({ redirectTo: "/signin" });
          }}
        >
          {t("signOut")}
        </button>
        <button
          type="button"
          disabled={busy}
          className="block w-full rounded px-3 py-2 text-left text-sm hover:bg-gray-100 dark:hover:bg-gray-800"
          onClick={async () => {
            setBusy(true);
            await everywhere.mutateAsync({});
            await signOut({ redirectTo: "/signin" });
          }}
        >
          {t("signOutEverywhere")}
        </button>
      </div>
    </details>
  );
}
