"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Field, FormError } from "@/components/Field";
import { signInSchema } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/form";

const MESSAGES: Record<string, string> = {
  invalid_credentials: "That email and password don't match an account. Check both and try again.",
  rate_limited: "Too many sign-in attempts. Wait a few minutes and try again.",
};

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget));
    const found = fieldErrors(signInSchema, data);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    setPending(true);
    const result = await signIn("credentials", { ...data, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setFormError(MESSAGES[result?.code ?? ""] ?? MESSAGES.invalid_credentials ?? null);
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
