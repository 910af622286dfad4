"use client";
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Field, FormError } from "@/components/Field";
import { sizeBandFor, SIZE_BANDS, type SizeBandInfo } from "@/lib/benchmarks";
import { orgProfileSchema } from "@/lib/validation/org-profile";
import { formErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

interface Initial {
  name: string;
  industry: string | null;
  currency: string;
  annualRevenue: number | null;
  employeeCount: number | null;
  typicalDealSize: number | null;
  salesCycleDays: number | null;
  decisionMakers: number | null;
  customerEmployees: number | null;
}

const NUMBER_FIELDS = [
  "annualRevenue",
  "employeeCount",
  "typicalDealSize",
  "salesCycleDays",
  "decisionMakers",
  "customerEmployees",
] as const;

const BAND_EFFECT: Record<SizeBandInfo["band"], string> = {
  small: "Your mix is compared with the article's 47% inside share for companies under $50M.",
  mid: "The article has no figure for $50M–$500M: your mix is shown beside the US overall 45.5%, labelled as a fallback.",
  large: "Your mix is compared with the article's 71.2% field share for companies over $500M.",
  unknown: "Without revenue there is no band-specific comparison; only band-free figures are compared.",
};

/** "1,200,000", "$38M", "38 000 000" → a number; "" → null; anything else → NaN (reported by zod). */
function parseAmount(raw: string): number | null {
  const s = raw.trim().replace(/[$€£\s,]/g, "");
  if (s === "") return null;
  const m = /^(\d+(?:\.\d+)?)([kmb])?$/i.exec(s);
  if (!m) return Number.NaN;
  const mult = { k: 1e3, m: 1e6, b: 1e9 }[(m[2] ?? "").toLowerCase() as "k" | "m" | "b"] ?? 1;
  return Number(m[1]) * mult;
}

export function ProfileForm({
  slug,
  initial,
  initialBand,
}: {
  slug: string;
  initial: Initial;
  initialBand: SizeBandInfo;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.org.updateProfile.mutationOptions());
  const [values, setValues] = useState<Record<string, string>>(() => ({
    name: initial.name,
    industry: initial.industry ?? "",
    currency: initial.currency,
    ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, initial[f] === null ? "" : String(initial[f])])),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const revenue = parseAmount(values.annualRevenue ?? "");
  const band = useMemo(
    () => (revenue === null || Number.isNaN(revenue) ? initialBand : SIZE_BANDS[sizeBandFor(revenue)]),
    [revenue, initialBand],
  );

  const set = (k: string) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setSaved(false);
    setValues((v) => ({ ...v, [k]: e.target.value }));
  };

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    setFormError(null);
    const input = {
      name: values.name ?? "",
      industry: values.industry?.trim() ? values.industry.trim() : null,
      currency: (values.currency ?? "USD").trim().toUpperCase(),
      ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, parseAmount(values[f] ?? "")])),
    };
    const parsed = orgProfileSchema.safeParse(input);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    try {
      await update.mutateAsync({ orgSlug: slug, ...parsed.data });
      setSaved(true);
      router.refresh();
    } catch (err) {
      const shown = formErrors(err, ["name", "industry", "currency", ...NUMBER_FIELDS], "Could not save.");
      setErrors(shown.fields);
      setFormError(shown.form);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-3">
      <div className="card space-y-4 lg:col-span-2">
        <FormError message={formError} />
        <h2 className="font-semibold">Company</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Organization name"
            name="name"
            value={values.name}
            onChange={set("name")}
            error={errors.name}
          />
          <Field
            label="Industry / market"
            name="industry"
            value={values.industry}
            onChange={set("industry")}
            error={errors.industry}
          />
          <Field
            label="Annual revenue (USD)"
            name="annualRevenue"
            inputMode="decimal"
            placeholder="e.g. 38M or 38,000,000"
            value={values.annualRevenue}
            onChange={set("annualRevenue")}
            error={errors.annualRevenue}
          />
          <Field
            label="Employees"
            name="employeeCount"
            inputMode="numeric"
            value={values.employeeCount}
            onChange={set("employeeCount")}
            error={errors.employeeCount}
          />
          <Field
            label="Currency of your team file"
            name="currency"
            hint="Three letters, e.g. USD. The article's figures are USD and are not converted."
            value={values.currency}
            onChange={set("currency")}
            error={errors.currency}
          />
        </div>
        <h2 className="pt-2 font-semibold">Sales profile</h2>
        <p className="text-sm text-gray-700 dark:text-gray-300">
          Used to classify your sales model (transactional vs relationship). Empty fields fall back to your
          team&apos;s averages, and lower the confidence when those are missing too.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Typical deal size"
            name="typicalDealSize"
            inputMode="decimal"
            value={values.typicalDealSize}
            onChange={set("typicalDealSize")}
            error={errors.typicalDealSize}
          />
          <Field
            label="Sales cycle (days)"
            name="salesCycleDays"
            inputMode="numeric"
            value={values.salesCycleDays}
            onChange={set("salesCycleDays")}
            error={errors.salesCycleDays}
          />
          <Field
            label="Decision makers per deal"
            name="decisionMakers"
            inputMode="decimal"
            value={values.decisionMakers}
            onChange={set("decisionMakers")}
            error={errors.decisionMakers}
          />
          <Field
            label="Typical customer's employees"
            name="customerEmployees"
            inputMode="numeric"
            value={values.customerEmployees}
            onChange={set("customerEmployees")}
            error={errors.customerEmployees}
          />
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className="btn-primary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save profile"}
          </button>
          {saved ? (
            <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              Saved.
            </p>
          ) : null}
        </div>
      </div>
      <aside className="card h-fit" aria-live="polite" data-testid="band-preview">
        <h2 className="font-semibold">Your size band</h2>
        <p className="mt-1 text-2xl font-semibold">{band.label}</p>
        <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">{band.boundaries}</p>
        <p className="mt-3 text-sm text-gray-800 dark:text-gray-200">{BAND_EFFECT[band.band]}</p>
      </aside>
    </form>
  );
}
