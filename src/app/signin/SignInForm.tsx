"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "@/trpc/errors";
import { Field, FormError } from "@/components/Field";
import { signInSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";

/** Auth.js's refusal codes (src/server/auth), each with its message under signIn.errors. */
const REFUSALS = ["invalid_credentials", "rate_limited", "throttled", "unverified"] as const;
type Refusal = (typeof REFUSALS)[number];
const isRefusal = (code: string): code is Refusal => (REFUSALS as readonly string[]).includes(code);
/** Refusals after which a sign-in link by email is offered. */
const OFFER_LINK = new Set(["throttled", "unverified"]);

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const router = useRouter();
  const t = useTranslations("signIn");
  const trpc = useTRPC();
  const requestLink = useMutation(trpc.auth.requestSignInLink.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [linkFor, setLinkFor] = useState<string | null>(null);
  const [linkNotice, setLinkNotice] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget));
    const found = fieldErrors(signInSchema, data);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    setPending(true);
    setLinkNotice(null);
    const result = await signIn("credentials", { ...data, redirect: false });
    setPending(false);
    if (!result || result.error) {
      const code = result?.code ?? "";
      setFormError(t(`errors.${isRefusal(code) ? code : "invalid_credentials"}`));
      setLinkFor(OFFER_LINK.has(code) ? String(data.email ?? "") : null);
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={defaultEmail}
        error={errors.email}
      />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        error={errors.password}
      />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
      {linkFor ? (
        <button
          type="button"
          className="btn-secondary w-full"
          disabled={requestLink.isPending}
          onClick={async () => {
            try {
              await requestLink.mutateAsync({ email: linkFor });
              setLinkNotice(t("linkSent", { email: linkFor }));
            } catch (err) {
              setLinkNotice(errorMessage(err));
            }
          }}
        >
          {t("emailLink")}
        </button>
      ) : null}
      <p role="status" className="text-sm text-gray-700 empty:hidden dark:text-gray-300">
        {linkNotice}
      </p>
      <p className="text-sm">
        <Link className="link" href="/forgot-password">
          {t("forgot")}
        </Link>
      </p>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        {t("newHere")}{" "}
        <Link
          className="link"
          href={`/signup${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}
        >
          {t("createAccount")}
        </Link>
      </p>
    </form>
  );
}
