"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "@/trpc/errors";
import { Field, FormError } from "@/components/Field";
import { signInSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";

const MESSAGES: Record<string, string> = {
  invalid_credentials: "That email and password don't match an account. Check both and try again.",
  rate_limited: "Too many sign-in attempts. Wait a few minutes and try again.",
  throttled:
    "Too many wrong passwords for this account from this device: wait a few minutes before trying again, or get a sign-in link by email.",
  unverified:
    "Confirm your email address first: open the link we sent when you signed up, or get a new link by email.",
};
/** Refusals after which a sign-in link by email is offered. */
const OFFER_LINK = new Set(["throttled", "unverified"]);

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const router = useRouter();
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
      setFormError(MESSAGES[code] ?? MESSAGES.invalid_credentials ?? null);
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
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={defaultEmail}
        error={errors.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={errors.password}
      />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {linkFor ? (
        <button
          type="button"
          className="btn-secondary w-full"
          disabled={requestLink.isPending}
          onClick={async () => {
            try {
              await requestLink.mutateAsync({ email: linkFor });
              setLinkNotice(
                `If ${linkFor} has an account, a sign-in link is on its way. It works once, for 15 minutes.`,
              );
            } catch (err) {
              setLinkNotice(errorMessage(err));
            }
          }}
        >
          Email me a sign-in link
        </button>
      ) : null}
      <p role="status" className="text-sm text-gray-700 empty:hidden dark:text-gray-300">
        {linkNotice}
      </p>
      <p className="text-sm">
        <Link className="link" href="/forgot-password">
          Forgot your password?
        </Link>
      </p>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        New to SalesMix?{" "}
        <Link
          className="link"
          href={`/signup${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
