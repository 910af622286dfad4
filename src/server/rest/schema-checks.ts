/**
 * Compile-time proof that the response schemas describe exactly what the services return: if a service type
 * gains, loses or changes a field, `tsc` fails here until schemas.ts (and so the OpenAPI document) follows.
 * Types only; nothing here runs.
 */
import type { z } from "zod";
import type { Report } from "../reports/report";
import type { ImportResult } from "../imports/import-team";
import type { listReps, listSnapshots } from "../imports/snapshots";
import type { OrgProfile } from "@/lib/team/types";
import type { SizeBandInfo } from "@/lib/benchmarks";
import type {
  importCreatedSchema,
  orgProfileOutputSchema,
  repSchema,
  reportSchema,
  sizeBandInfoSchema,
  snapshotSchema,
} from "./schemas";

/** What JSON.stringify makes of a value: dates become ISO strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

type SnapshotItem = Awaited<ReturnType<typeof listSnapshots>>["items"][number];
type RepItem = Awaited<ReturnType<typeof listReps>>["items"][number];

export type SchemaChecks = [
  Assert<Same<z.output<typeof reportSchema>, Jsonified<Report>>>,
  Assert<Same<z.output<typeof snapshotSchema>, Jsonified<SnapshotItem>>>,
  Assert<Same<z.output<typeof repSchema>, RepItem>>,
  Assert<Same<z.output<typeof importCreatedSchema>, ImportResult>>,
  Assert<Same<z.output<typeof orgProfileOutputSchema>, OrgProfile>>,
  Assert<Same<z.output<typeof sizeBandInfoSchema>, SizeBandInfo>>,
];
