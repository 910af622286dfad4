/**
 * The REST API's request and response shapes, as zod schemas. The endpoints (src/server/http/v1) declare them in
 * their `createRoute`, which validates requests with them and generates the OpenAPI document from them, so the
 * two cannot drift. Response schemas mirror the service types; schema-checks.ts fails the build when a service
 * type and its schema disagree.
 */
import { z } from "zod";
import { zodToOpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import {
  ATTAINMENT_BUCKETS,
  datasetSchema,
  FIGURE_IDS,
  FINDING_IDS,
  RULE_IDS,
  teamSummarySchema,
  type AttainmentBucketId,
  type RecommendationId,
} from "@/lib/benchmarks";
import { figureSchema } from "@/lib/benchmarks/schema";
import { REP_MEASURES, REP_ROLES } from "@/lib/team/types";
import { orgProfileSchema } from "@/lib/validation/org-profile";
import { SNAPSHOT_STATUSES } from "../db/schema";
import { importOptionsSchema } from "../imports/import-team";
import { PROBLEM_TYPE_NAMES, problemTypeUri } from "./problem-types";
import { createScenarioSchema, updateScenarioSchema } from "../planner/scenarios";
import { scenarioContentSchema } from "@/lib/planner/scenario";

/**
 * A named schema of the document (`#/components/schemas/<id>`); anything not named is inlined. The name is set on
 * the schema itself (not on a copy, as `.openapi(id)` would make), so every schema that contains it refers to it.
 */
function component<T extends z.ZodType>(id: string, schema: T): T {
  const meta = zodToOpenAPIRegistry.get(schema as z.ZodType) ?? {};
  zodToOpenAPIRegistry.remove(schema as z.ZodType);
  zodToOpenAPIRegistry.add(schema as z.ZodType, { ...meta, _internal: { ...meta._internal, refId: id } });
  return schema;
}

const int = () => z.int().min(0);
const uuid = () => z.uuid();
const dateTime = () => z.iso.datetime({ offset: true }).meta({ examples: ["2026-11-02T08:15:00.000Z"] });

// ---------------------------------------------------------------- requests

/** Query parameters of POST /imports; `as_of`, `period` and `mode` reuse the upload page's own rules. */
export const importQuerySchema = z
  .object({
    as_of: importOptionsSchema.shape.asOf.meta({
      description: "The date the team file describes (YYYY-MM-DD), not in the future.",
      examples: ["2026-10-31"],
    }),
    period: importOptionsSchema.shape.period.meta({
      description: "The period the activity counts (calls, emails, …) cover.",
      examples: ["Last 30 days"],
    }),
    mode: importOptionsSchema.shape.mode.meta({
      description:
        "`all` (default) refuses the whole file when any row has an error; `valid_rows_only` imports the valid rows and skips the rest.",
    }),
    allow_duplicate: z
      .enum(["true", "false"], "Use true or false")
      .default("false")
      .transform((v) => v === "true")
      .meta({ description: "Import a file whose exact content was imported before (default `false`: 409)." }),
    file_name: importOptionsSchema.shape.fileName.optional().meta({
      description:
        "The name to show for a `text/csv` upload (default `api-upload.csv`); a multipart upload uses its file's name.",
      examples: ["crm-export-2026-10-31.csv"],
    }),
  })
  .strict();

export const listImportsQuerySchema = z
  .object({
    limit: z.coerce
      .number("Use a whole number from 1 to 200")
      .int("Use a whole number from 1 to 200")
      .min(1, "Use a whole number from 1 to 200")
      .max(200, "At most 200 per page")
      .default(50)
      .meta({ description: "Snapshots per page (1–200, default 50)." }),
    cursor: z
      .uuid("Use the `nextCursor` of the previous page")
      .optional()
      .meta({ description: "The `nextCursor` of the previous page; omit it for the first page." }),
  })
  .strict();

export const listRepsQuerySchema = z
  .object({
    limit: z.coerce
      .number("Use a whole number from 1 to 1000")
      .int("Use a whole number from 1 to 1000")
      .min(1, "Use a whole number from 1 to 1000")
      .max(1000, "At most 1000 per page")
      .default(100)
      .meta({ description: "Reps per page (1–1000, default 100)." }),
    offset: z.coerce
      .number("Use a whole number, 0 or more")
      .int("Use a whole number, 0 or more")
      .min(0, "Use a whole number, 0 or more")
      .default(0)
      .meta({ description: "Reps to skip: the `nextOffset` of the previous page (default 0)." }),
    role: z
      .enum(REP_ROLES, "Use inside, outside or hybrid")
      .optional()
      .meta({ description: "Only reps of this role." }),
    team: z.string().min(1).max(200).optional().meta({ description: "Only reps of this team." }),
    title: z.string().min(1).max(200).optional().meta({ description: "Only reps with this job title." }),
  })
  .strict();

export const reportQuerySchema = z
  .object({
    snapshot: z
      .uuid("Not a snapshot id")
      .optional()
      .meta({ description: "The snapshot to report on; default: the one the dashboard shows." }),
    team: z.string().min(1).max(200).optional().meta({ description: "Narrow the report to one team." }),
    title: z.string().min(1).max(200).optional().meta({ description: "Narrow the report to one job title." }),
  })
  .strict();

export const compareQuerySchema = z
  .object({
    to: z
      .uuid("Use the id of another upload of this organization")
      .meta({ description: "The upload to compare with (the later one, usually); `{id}` is the earlier." }),
  })
  .strict();

export const snapshotPathSchema = z.object({
  id: z.uuid().meta({ description: "A snapshot id from GET /imports or POST /imports." }),
});

/** The profile fields an API key may change (the organization's name stays a decision made in the app). */
export const organizationPatchSchema = orgProfileSchema
  .omit({ name: true })
  .strict()
  .meta({
    description:
      "Only the fields sent are changed; `null` clears a field. Money is yearly, in the organization's currency.",
    examples: [
      { annualRevenue: 42_000_000, employeeCount: 180, typicalDealSize: 18_000, salesCycleDays: 45 },
    ],
  });

// ---------------------------------------------------------------- problems

const fieldErrorSchema = z
  .object({
    field: z.string().meta({ description: "The parameter or body field, dotted for nested fields." }),
    message: z.string(),
  })
  .meta({ description: "A query parameter or JSON body field that is invalid." });

const rowErrorSchema = z
  .object({
    row: z.int().min(1).meta({ description: "Row number in the file; the header is row 1." }),
    column: z.string().nullable().meta({ description: "The column header as written in the file." }),
    value: z.string(),
    message: z.string(),
  })
  .meta({ description: "A CSV cell (or row) that cannot be imported." });

export const problemSchema = component(
  "Problem",
  z
    .object({
      type: z.enum(PROBLEM_TYPE_NAMES.map(problemTypeUri) as [string, ...string[]]),
      title: z.string(),
      status: z.int().min(400).max(599),
      detail: z.string().meta({ description: "What went wrong and what to do, in plain words." }),
      instance: z.string().meta({ description: "The request path." }),
      errors: z
        .array(z.union([fieldErrorSchema, rowErrorSchema]))
        .optional()
        .meta({ description: "422 and 400: every invalid field, or the first 200 invalid cells of a CSV." }),
      errorCount: int().optional().meta({ description: "CSV: all errors in the file (errors may be cut)." }),
      rowCount: int().optional().meta({ description: "CSV: data rows in the file." }),
      snapshotId: uuid().optional().meta({ description: "409 duplicate-import: the earlier import." }),
      requestId: z.string().optional().meta({
        description: "500: the reference of the failure in the server's log (also in `X-Request-Id`).",
      }),
      retryAfterSeconds: z.int().min(1).optional().meta({ description: "429: also in `Retry-After`." }),
      rebaseSnapshotId: uuid().nullable().optional().meta({
        description:
          "422 on a scenario whose upload was deleted: the current upload to rebase it on (PATCH with `rebase: true`).",
      }),
    })
    .meta({
      description: "An error, as `application/problem+json` (RFC 9457).",
      examples: [
        {
          type: problemTypeUri("insufficient-scope"),
          title: "The API key's scope does not allow this",
          status: 403,
          detail: "This key can only read. Create a key with the read_write scope to import or change data.",
          instance: "/api/v1/imports",
        },
      ],
    }),
);
export type Problem = z.output<typeof problemSchema>;

// ---------------------------------------------------------------- benchmarks

component("BenchmarkFigure", figureSchema);
export const benchmarkDatasetSchema = component("BenchmarkDataset", datasetSchema);

// ---------------------------------------------------------------- imports and reps

export const snapshotSchema = component(
  "Snapshot",
  z.object({
    id: uuid(),
    asOf: z.iso.date(),
    period: z.string(),
    fileName: z.string(),
    rowCount: int().meta({ description: "Reps saved." }),
    skippedRowCount: int().meta({ description: "Rows skipped by `mode=valid_rows_only`." }),
    status: z.enum(SNAPSHOT_STATUSES),
    failureReason: z.string().nullable(),
    encoding: z.string().nullable(),
    createdAt: dateTime(),
    createdByName: z
      .string()
      .nullable()
      .meta({ description: "The member who uploaded it, if a person did." }),
    createdByApiKeyId: uuid().nullable().meta({ description: "The API key that uploaded it, if a key did." }),
    isCurrent: z
      .boolean()
      .meta({ description: "The snapshot the dashboard and GET /report show by default." }),
  }),
);

export const snapshotListSchema = component(
  "SnapshotList",
  z.object({
    data: z.array(snapshotSchema).meta({ description: "Newest `asOf` first." }),
    nextCursor: uuid()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page; null on the last." }),
    currentSnapshotId: uuid().nullable(),
  }),
);

export const importCreatedSchema = component(
  "ImportCreated",
  z.object({
    snapshotId: uuid(),
    rowCount: int().meta({ description: "Reps saved." }),
    skippedRowCount: int().meta({ description: "Invalid rows skipped (only with `mode=valid_rows_only`)." }),
    encoding: z
      .string()
      .meta({ description: "The text encoding the file was read in.", examples: ["UTF-8"] }),
    contentHash: z.string().meta({ description: "SHA-256 of the file, used to recognise duplicates." }),
  }),
);

const nullableNumber = () => z.number().nullable();
const nullableCount = () => z.int().nullable();

export const repSchema = component(
  "Rep",
  z.object({
    rowNumber: z.int().min(2).meta({ description: "The rep's row in the uploaded file (header = 1)." }),
    name: z.string(),
    email: z.string().nullable(),
    role: z.enum(REP_ROLES),
    title: z.string().nullable(),
    team: z.string().nullable(),
    baseSalary: nullableNumber(),
    ote: nullableNumber(),
    annualQuota: nullableNumber(),
    quotaAttainment: nullableNumber().meta({ description: "A fraction: 1.04 = 104% of quota." }),
    calls: nullableCount(),
    voicemails: nullableCount(),
    emails: nullableCount(),
    socialTouches: nullableCount(),
    meetings: nullableCount(),
    dealsWon: nullableCount(),
    avgDealSize: nullableNumber(),
    salesCycleDays: nullableNumber(),
    decisionMakers: nullableNumber(),
    remoteSellingPct: nullableNumber().meta({ description: "A fraction: 0.9 = 90%." }),
  }),
);

export const repListSchema = component(
  "RepList",
  z.object({
    data: z.array(repSchema),
    total: int().meta({ description: "Reps matching the filters." }),
    offset: int(),
    limit: z.int().min(1),
    nextOffset: int()
      .nullable()
      .meta({ description: "Pass as `offset` for the next page; null on the last." }),
  }),
);

// ---------------------------------------------------------------- organization

const sizeBandSchema = z.enum(["small", "mid", "large", "unknown"]);
const figureIdSchema = z.enum(FIGURE_IDS);
const sourceIdSchema = z
  .enum([...FIGURE_IDS, ...RULE_IDS, ...FINDING_IDS])
  .meta({ description: "A figure, rule or finding id of GET /benchmarks." });

const revenueBoundSchema = z.object({ revenue: z.number(), inclusive: z.boolean() });
export const sizeBandInfoSchema = component(
  "SizeBand",
  z.object({
    band: sizeBandSchema,
    label: z.string(),
    boundaries: z.string(),
    lower: revenueBoundSchema.nullable(),
    upper: revenueBoundSchema.nullable(),
    figureId: figureIdSchema.nullable(),
    fallbackFigureId: figureIdSchema.nullable(),
  }),
);

export const orgProfileOutputSchema = component(
  "OrganizationProfile",
  z.object({
    annualRevenue: nullableNumber(),
    employeeCount: nullableCount(),
    currency: z.string().meta({ examples: ["USD"] }),
    typicalDealSize: nullableNumber(),
    salesCycleDays: nullableNumber(),
    decisionMakers: nullableNumber(),
    customerEmployees: nullableCount(),
  }),
);

export const organizationSchema = component(
  "Organization",
  z.object({
    name: z.string(),
    slug: z.string(),
    industry: z.string().nullable(),
    profile: orgProfileOutputSchema,
    band: sizeBandInfoSchema,
  }),
);

// ---------------------------------------------------------------- report

const metricSchema = component(
  "Metric",
  z
    .discriminatedUnion("kind", [
      z.object({ kind: z.literal("value"), value: z.number(), reps: int() }),
      z.object({ kind: z.literal("insufficient"), needed: int(), have: int() }),
    ])
    .meta({ description: "A value with the reps behind it, or why there is none (too few reps with data)." }),
);

const attainmentBucketIdSchema = z.enum(
  ATTAINMENT_BUCKETS.map((b) => b.id) as [AttainmentBucketId, ...AttainmentBucketId[]],
);
const roleScopeSchema = z.enum([...REP_ROLES, "all"]);

const roleMetricsSchema = component(
  "RoleMetrics",
  z.object({
    headCount: int(),
    averages: z.record(z.enum(REP_MEASURES), metricSchema),
    socialShareOfTouches: metricSchema,
    shareAtOrAboveQuota: metricSchema,
    attainmentDistribution: z.array(
      z.object({
        id: attainmentBucketIdSchema,
        label: z.string(),
        count: int(),
        share: z.number().nullable(),
      }),
    ),
  }),
);

const teamMetricsSchema = component(
  "TeamMetrics",
  z.object({
    kind: z.literal("team_metrics"),
    minRepsPerMetric: z.int().min(1),
    headCount: z.object({ inside: int(), outside: int(), hybrid: int(), total: int() }),
    mix: z.object({
      insideShare: metricSchema,
      outsideShare: metricSchema,
      hybridShare: metricSchema,
      insideEquivalents: z.number(),
      orientation: z.enum(["mostly_inside", "mostly_outside", "balanced", "unknown"]),
    }),
    byRole: z.record(roleScopeSchema, roleMetricsSchema),
  }),
);

const gapSchema = component(
  "Gap",
  z.object({
    figureId: figureIdSchema,
    kind: z.enum(["level", "cohort_ratio"]),
    label: z.string(),
    basis: z.enum(["band", "band_fallback", "band_free"]),
    benchmark: z.object({
      value: z.number(),
      display: z.string(),
      isEstimate: z.boolean(),
      isFallback: z.boolean(),
      label: z.string().nullable(),
    }),
    orgValue: nullableNumber(),
    orgDescription: z.string(),
    orgReps: nullableCount(),
    absoluteDifference: nullableNumber(),
    relativeDifference: nullableNumber(),
    status: z.enum(["above", "on_par", "below", "insufficient", "not_comparable"]),
    tolerance: z.number(),
    assessment: z.enum(["good", "bad", "neutral"]).nullable(),
    assessmentReason: z.string(),
    insufficient: z.object({ scope: roleScopeSchema, needed: int(), have: int() }).nullable(),
    notComparableReason: z.string().nullable(),
    caveat: z.string(),
    vintageLabel: z.string(),
  }),
);

const salesModelSchema = z.enum(["transactional", "relationship", "borderline", "unknown"]);
const criterionSchema = z.enum(["deal_size", "sales_cycle", "decision_makers", "customer_employees"]);

const classificationSchema = component(
  "SalesModelClassification",
  z.object({
    model: salesModelSchema,
    confidence: z.enum(["high", "medium", "low", "none"]),
    votes: z.object({ transactional: int(), relationship: int(), borderline: int(), missing: int() }),
    evidence: z.array(
      z.object({
        criterion: criterionSchema,
        label: z.string(),
        value: nullableNumber(),
        source: z.enum(["org_profile", "team_average", "missing"]),
        teamAverageReps: nullableCount(),
        verdict: salesModelSchema,
        ruleIds: z.array(z.enum(RULE_IDS)),
        threshold: z.string(),
        explanation: z.string(),
        caveat: z.string().nullable(),
      }),
    ),
    missingInputs: z.array(criterionSchema),
    reasoning: z.string(),
  }),
);

const RECOMMENDATION_IDS = [
  "mix.move_toward_target",
  "mix.keep",
  "mix.no_team",
  "pay_quota.alignment",
  "activity.gaps",
  "collaboration.inside_closes_small_deals",
  "structure.next_step",
  "profile.complete_inputs",
  "caution.keep_field_team",
] as const satisfies readonly RecommendationId[];

const mixAdviceSchema = z.object({
  range: z.object({
    band: sizeBandSchema,
    model: salesModelSchema,
    low: z.number(),
    high: z.number(),
    anchor: z.object({
      value: z.number(),
      figureId: figureIdSchema,
      isFallback: z.boolean(),
      isDerived: z.boolean(),
      label: z.string(),
    }),
    figureIds: z.array(sourceIdSchema),
    rationale: z.string(),
  }),
  currentInsideShare: nullableNumber(),
  move: z.object({
    direction: z.enum(["outside_to_inside", "inside_to_outside", "none"]),
    reps: int(),
    insideShareAfter: nullableNumber(),
    reachesTarget: z.boolean(),
    viaHybrid: z.object({ reps: int(), insideShareAfter: z.number(), reachesTarget: z.boolean() }).nullable(),
  }),
});

const recommendationSchema = component(
  "Recommendation",
  z.object({
    id: z.enum(RECOMMENDATION_IDS),
    rank: z.int().min(1),
    priority: z.enum(["high", "medium", "low"]),
    title: z.string(),
    reasoning: z.string(),
    figureIds: z.array(sourceIdSchema).meta({ description: "The dataset ids the recommendation rests on." }),
    expectedEffect: z.string(),
    mix: mixAdviceSchema.nullable(),
  }),
);

export const reportSchema = component(
  "Report",
  z
    .object({
      organization: z.object({
        name: z.string(),
        slug: z.string(),
        currency: z.string(),
        profile: orgProfileOutputSchema,
        profileComplete: z.boolean(),
      }),
      snapshot: z.object({
        id: uuid(),
        asOf: z.iso.date(),
        period: z.string(),
        fileName: z.string(),
        rowCount: int(),
        createdAt: dateTime(),
      }),
      filter: z.object({
        team: z.string().nullable(),
        title: z.string().nullable(),
        options: z.object({ teams: z.array(z.string()), titles: z.array(z.string()) }),
      }),
      bandInfo: sizeBandInfoSchema,
      analysis: z.object({
        datasetId: z.string().meta({ description: "The benchmark dataset of GET /benchmarks." }),
        vintageLabel: z.string().meta({ description: "How old the benchmark data is." }),
        band: sizeBandSchema,
        metrics: teamMetricsSchema,
        gaps: z.array(gapSchema).meta({ description: "One per benchmark figure compared, by `figureId`." }),
        classification: classificationSchema,
        recommendations: z.array(recommendationSchema).meta({ description: "Ranked, most important first." }),
      }),
      summary: teamSummarySchema.meta({ description: "The per-role sums the analysis is computed from." }),
    })
    .meta({ description: "Everything the overview dashboard shows, from the same computation." }),
);
export type ReportJson = z.output<typeof reportSchema>;

const movedSchema = z
  .object({ before: nullableNumber(), after: nullableNumber(), change: nullableNumber() })
  .meta({ description: "A value in both uploads; null where that upload has not enough data." });
const countMovedSchema = z.object({ before: int(), after: int(), change: z.int() });
const rosterPersonSchema = z.object({
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(REP_ROLES),
  team: z.string().nullable(),
});
const rosterMoveSchema = z.object({
  name: z.string(),
  email: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  matchedBy: z.enum(["email", "name"]),
});
const listedSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    count: int().meta({ description: "How many, in full." }),
    items: z.array(item).meta({ description: "The first 200." }),
  });
const snapshotRefSchema = z.object({ id: uuid(), asOf: z.iso.date(), fileName: z.string(), rowCount: int() });
const gapStatusSchema = z.enum(["above", "on_par", "below", "insufficient", "not_comparable"]);

export const comparisonSchema = component(
  "Comparison",
  z
    .object({
      from: snapshotRefSchema,
      to: snapshotRefSchema,
      people: z
        .object({
          matchedByEmail: int(),
          matchedByName: int(),
          joined: listedSchema(rosterPersonSchema),
          left: listedSchema(rosterPersonSchema),
          changedRole: listedSchema(rosterMoveSchema),
          changedTeam: listedSchema(rosterMoveSchema),
        })
        .meta({
          description: "People matched by email (trimmed, any case), else by name when an email is missing.",
        }),
      analysis: z.object({
        headCount: z.object({
          inside: countMovedSchema,
          outside: countMovedSchema,
          hybrid: countMovedSchema,
          total: countMovedSchema,
        }),
        insideShare: movedSchema,
        hybridShare: movedSchema,
        shareAtOrAboveQuota: movedSchema,
        averageAttainment: movedSchema,
        pay: z.object({
          inside: z.object({ baseSalary: movedSchema, ote: movedSchema }),
          outside: z.object({ baseSalary: movedSchema, ote: movedSchema }),
          hybrid: z.object({ baseSalary: movedSchema, ote: movedSchema }),
        }),
        gaps: z.array(
          z.object({
            figureId: figureIdSchema,
            label: z.string(),
            kind: z.enum(["level", "cohort_ratio"]),
            benchmark: z.string().meta({ description: "The article's figure as displayed." }),
            before: z.object({ orgValue: nullableNumber(), status: gapStatusSchema }),
            after: z.object({ orgValue: nullableNumber(), status: gapStatusSchema }),
            change: nullableNumber(),
            statusChanged: z.boolean(),
          }),
        ),
      }),
    })
    .meta({
      description: "Two uploads of the organization: who joined, left or moved, and how the analysis moved.",
    }),
);
export type ComparisonJson = z.input<typeof comparisonSchema>;

// ---------------------------------------------------------------- scenarios

export const scenarioPathSchema = z.object({
  id: z.uuid().meta({ description: "A scenario id from GET /scenarios or POST /scenarios." }),
});
export const listScenariosQuerySchema = z.object({}).strict();
export const scenarioCreateBodySchema = createScenarioSchema.meta({
  description:
    "A name, optionally the snapshot to start from (default: the current upload), and the moves and assumptions (default: no moves, SalesMix's default assumptions).",
});
export const scenarioPatchBodySchema = updateScenarioSchema.meta({
  description: "The fields to change; `rebase: true` moves a scenario to the current upload.",
});

export const scenarioSchema = component(
  "Scenario",
  z.object({
    id: uuid(),
    name: z.string(),
    snapshotId: uuid().meta({ description: "The upload the moves' row numbers refer to." }),
    snapshotLabel: z.string().meta({ description: "File name, as-of date and period of that upload." }),
    snapshotDeleted: z
      .boolean()
      .meta({ description: "The upload was deleted: the scenario can be rebased on `rebaseSnapshotId`." }),
    rebaseSnapshotId: uuid().nullable(),
    author: z.string().meta({ description: "Who saved it: a member's email or an API key's name." }),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    content: scenarioContentSchema,
  }),
);
export const scenarioListSchema = component(
  "ScenarioList",
  z.object({ data: z.array(scenarioSchema).meta({ description: "Last changed first." }) }),
);
export const scenarioDeletedSchema = component(
  "ScenarioDeleted",
  z.object({ id: uuid(), deleted: z.literal(true) }),
);
export type ScenarioJson = z.input<typeof scenarioSchema>;

export type SnapshotListJson = z.input<typeof snapshotListSchema>;
export type RepListJson = z.input<typeof repListSchema>;
export type ImportCreatedJson = z.input<typeof importCreatedSchema>;
export type OrganizationJson = z.input<typeof organizationSchema>;
export type BenchmarkDatasetJson = z.input<typeof benchmarkDatasetSchema>;
