import { z } from "zod";
import { MAPPING_TARGETS, type MappingTarget } from "./fields";

/** zod schemas for what the browser sends back about a mapping (for tRPC inputs). */
export const mappingTargetSchema = z.enum(MAPPING_TARGETS as [MappingTarget, ...MappingTarget[]]);

export const columnOverridesSchema = z
  .array(z.object({ columnIndex: z.number().int().min(0), target: mappingTargetSchema.nullable() }))
  .max(10_000);

export const rememberedMappingSchema = z.record(z.string().max(500), mappingTargetSchema.nullable());
