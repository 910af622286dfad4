import { ScrollRegion } from "./ScrollRegion";
import type { SalesModelClassification } from "@/lib/benchmarks";
import { methodologyHref, useFormat } from "./format";
import Link from "next/link";

const MODEL_TEXT = {
  transactional: {
    title: "Transactional",
    text: "Smaller, faster deals with few decision makers: the article's ground for inside sales.",
  },
  relationship: {
    title: "Relationship",
    text: "Large deals, long cycles, many decision makers: where the article sees outside sellers earn their cost.",
  },
  borderline: { title: "Borderline / hybrid", text: "Your inputs point both ways: a hybrid team fits." },
  unknown: {
    title: "Not enough inputs",
    text: "Add deal size, cycle, decision makers and customer size to classify.",
  },
} as const;

const SOURCE_TEXT = {
  org_profile: "Org profile",
  team_average: "Team average (your data)",
  missing: "Missing",
} as const;

export function SalesModelCard({
  classification,
  currency,
}: {
  classification: SalesModelClassification;
  currency: string;
}) {
  const f = useFormat();
  const model = MODEL_TEXT[classification.model];
  return (
    <section className="card" aria-labelledby="model-title" data-testid="sales-model">
      <h2 id="model-title" className="text-lg font-semibold">
        Sales model: <span data-testid="sales-model-value">{model.title}</span>
      </h2>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        {model.text} Confidence: <strong>{classification.confidence}</strong>.
      </p>
      <p className="mt-2 text-sm text-gray-700 dark:text-gray-300">{classification.reasoning}</p>
      <ScrollRegion label="Sales model evidence, table" className="mt-3">
        <table className="w-full min-w-[520px] text-left text-sm">
          <caption className="sr-only">Evidence per criterion</caption>
          <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
            <tr>
              <th scope="col" className="py-1 pr-2">
                Criterion
              </th>
              <th scope="col" className="py-1 pr-2">
                Value
              </th>
              <th scope="col" className="py-1 pr-2">
                From
              </th>
              <th scope="col" className="py-1 pr-2">
                Points to
              </th>
              <th scope="col" className="py-1">
                Rule
              </th>
            </tr>
          </thead>
          <tbody>
            {classification.evidence.map((e) => (
              <tr key={e.criterion} className="border-t border-gray-100 align-top dark:border-gray-800">
                <th scope="row" className="py-1 pr-2 font-medium">
                  {e.label}
                </th>
                <td className="py-1 pr-2 tabular-nums">
                  {e.value === null
                    ? "—"
                    : e.criterion === "deal_size"
                      ? f.money(e.value, currency)
                      : e.criterion === "sales_cycle"
                        ? `${f.number(e.value)} days`
                        : e.criterion === "customer_employees"
                          ? `${f.number(e.value)} employees`
                          : f.number(e.value)}
                </td>
                <td className="py-1 pr-2">{SOURCE_TEXT[e.source]}</td>
                <td className="py-1 pr-2">{e.verdict === "unknown" ? "—" : e.verdict}</td>
                <td className="py-1 text-xs [overflow-wrap:anywhere]">
                  {e.threshold}
                  <span className="mt-0.5 flex flex-wrap gap-x-2">
                    {e.ruleIds.map((id) => (
                      <Link key={id} href={methodologyHref(id)} className="link">
                        {id}
                      </Link>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
