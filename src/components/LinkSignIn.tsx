"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/Field";

/**
 * Spends an emailed link (verification or sign-in) with a POST from this button. Opening the link only shows the
 * page, so a mail scanner that fetches links does not use it up.
 */
export function LinkSignIn({ token, label }: { token: string; label: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <button
        type="button"
        className="btn-primary w-full"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const result = await signIn("email-link", { token, redirect: false });
          setPending(false);
          if (!result || result.error) {
            setError(t("linkFailed"));
            return;
          }
          router.push("/");
          router.refresh();
        }}
      >
        {pending ? t("signingIn") : label}
      </button>
    </div>
  );
}
