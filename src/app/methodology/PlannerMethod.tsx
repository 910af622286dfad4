import {
  DEFAULT_ASSUMPTIONS,
  MAX_HIRES_PER_QUARTER,
  MAX_QUARTERS,
  MIN_KNOWN_CRITERIA,
  MIN_QUARTERS,
  OUTSIDE_REMOTE_SHARE,
} from "@/lib/planner";
import { REP_ROLES } from "@/lib/team/types";

/** How the restructuring planner computes: every formula and every assumption (docs/methodology.md "Planner"). */
export function PlannerMethod({ title }: { title: React.ReactNode }) {
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return (
    <section aria-labelledby="planner" className="space-y-3" data-testid="planner-method">
      {title}
      <div className="max-w-3xl space-y-3 text-sm text-gray-800 dark:text-gray-200">
        <h3 className="font-semibold">Fit of each rep</h3>
        <p>
          The article&apos;s sales-model rules, applied to the rep&apos;s own row. Each criterion leans
          inside, outside or borderline, or is &ldquo;not enough data&rdquo; when the file lacks the field:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Deal size: under $32,000 inside; $32,000–$35,000 borderline (both included); over $35,000 outside
            (<code>model.relationship.deal_min_structure</code>, <code>model.transactional.deal_max</code>).
          </li>
          <li>
            Sales cycle: under 90 days inside, 90 or more outside (<code>model.cycle_days</code>).
          </li>
          <li>
            Decision makers: 1–3 inside, 4 or more outside, an average between 3 and 4 borderline (
            <code>model.decision_makers</code>).
          </li>
          <li>
            Remote selling: at or above the outside reps&apos; {pct(OUTSIDE_REMOTE_SHARE)} of selling time
            leans inside (the rep already sells the way inside reps do), below it outside (
            <code>remote.outside_time_share</code>; a comparison with a figure, not a rule of the article).
          </li>
        </ul>
        <p>
          With fewer than {MIN_KNOWN_CRITERIA} known criteria a rep is &ldquo;not enough data&rdquo;.
          Otherwise the fit is inside (or outside) when those criteria are the majority with none against
          them, or lead by two; anything else is borderline. The score (criteria inside minus outside) ranks
          candidates; ties go to the deal size furthest on the fitting side, then file order.
        </p>
        <h3 className="font-semibold">Named candidates</h3>
        <p>
          For a recommended move of N reps outside → inside, the candidates are the outside reps with an
          inside fit, best first; the first N are preselected. Inside → outside, the inside reps with an
          outside fit. Borderline reps of the source role are listed apart, with hybrid as the step. When
          fewer reps fit than the recommendation moves, the shortfall is stated and nobody who does not fit is
          filled in.
        </p>
        <h3 className="font-semibold">Capacity and cost (your data)</h3>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Quota capacity = expected bookings = Σ annual quota × quota attainment, over reps with both.
          </li>
          <li>Bookings from deals = Σ deals won × average deal size, over reps with both.</li>
          <li>
            Comp cost = Σ base and Σ OTE. Cost of sale = Σ OTE ÷ Σ quota × attainment; quota-to-OTE = Σ quota
            ÷ Σ OTE, each over the reps that have every field.
          </li>
          <li>
            Each sum says how many reps it counts; with none it is &ldquo;not enough data&rdquo;, never a
            guess.
          </li>
          <li>
            The article gives no benchmark for cost of sale or quota-to-OTE: they are shown as your own
            figures only.
          </li>
        </ul>
        <h3 className="font-semibold">A moved rep (projection)</h3>
        <p>
          A moved rep keeps their own base and OTE (no role average and no pay change is assumed). Their
          quota, attainment and deal size are their own numbers scaled by the article&apos;s cohort figures:
          level(role) = 1 + premium × share of the higher side (inside 1, hybrid ½, outside 0 for an
          inside-higher figure), factor = level(new role) ÷ level(old role). Outside → inside: quota ÷ 1.296 (
          <code>quota.outside_quota_premium</code>), attainment × 1.098 (
          <code>quota.inside_attainment_premium</code>), deal size ÷ 2.302 (
          <code>deal.outside_size_premium</code>
          ); to hybrid, half of each premium. These compare cohorts of companies and teams; they are labelled
          as a projection, not a promised effect.
        </p>
        <h3 className="font-semibold">Quarterly plan (your assumptions)</h3>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            {MIN_QUARTERS}–{MAX_QUARTERS} quarters, starting from the team after the ticked moves.
          </li>
          <li>
            Yearly attrition a leaves s = (1 − a)<sup>1/4</sup> of the reps each quarter; hires join at the
            start of their quarter: head(q) = head(q − 1) × s + hires.
          </li>
          <li>
            Ramp: in month i after joining a hire produces min(1, i ÷ ramp months) of a ramped rep; a
            quarter&apos;s factor is the mean of its three months. Reps on the team at the start are ramped.
          </li>
          <li>
            A ramped rep produces the role&apos;s capacity per rep (after the moves) and costs the role&apos;s
            average base and OTE: hires are assumed to look like the role&apos;s reps today. Quarterly values
            are a quarter of the yearly ones.
          </li>
          <li>
            Inside share = (inside + ½ hybrid) ÷ all, against the band&apos;s target range (see Target mix
            ranges); the gap is the distance to the nearer end.
          </li>
          <li>
            Hires to reach the range: the smallest whole number of inside hires a quarter (outside, when the
            share is above the range) that puts the last quarter&apos;s inside share in the target range, with
            the ticked moves and every other assumption as you set them. The share grows with each inside
            hire, so the number is found by bisection over 0–{MAX_HIRES_PER_QUARTER}.
          </li>
          <li>
            Defaults, shown as editable assumptions and not taken from the article:{" "}
            {REP_ROLES.map((r) => {
              const a = DEFAULT_ASSUMPTIONS.roles[r];
              return `${r} ${pct(a.attritionPerYear)} attrition a year, ${a.rampMonths} months ramp, ${a.hiresPerQuarter} hires a quarter`;
            }).join("; ")}
            ; {DEFAULT_ASSUMPTIONS.quarters} quarters.
          </li>
        </ul>
      </div>
    </section>
  );
}
