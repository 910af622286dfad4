/**
 * Reading the generated JSON schemas for people: a one-line type label, the properties of an object, and an
 * example value built from the schema (its own `examples` first). No React here, so it is easy to test.
 */
import type { JsonSchema } from "@/server/http/openapi";

export type Components = Record<string, JsonSchema>;

const isSchema = (v: unknown): v is JsonSchema => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): JsonSchema[] => (Array.isArray(v) ? v.filter(isSchema) : []);

export function refName(schema: JsonSchema): string | null {
  const ref = schema.$ref;
  return typeof ref === "string" ? ref.replace("#/components/schemas/", "") : null;
}

export function resolve(schema: JsonSchema, components: Components): JsonSchema {
  const name = refName(schema);
  return name ? (components[name] ?? {}) : schema;
}

function types(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === "string");
  return typeof schema.type === "string" ? [schema.type] : [];
}

/** A record with enumerated keys (zod `z.record(z.enum(...), …)`). */
export function recordOf(schema: JsonSchema): { keys: string[]; value: JsonSchema } | null {
  const names = isSchema(schema.propertyNames) ? schema.propertyNames : null;
  const value = isSchema(schema.additionalProperties) ? schema.additionalProperties : null;
  if (!value || schema.properties) return null;
  const keys = Array.isArray(names?.enum) ? names.enum.map(String) : [];
  return { keys, value };
}

/** "string (date)", "integer or null", "array of Rep", "one of: all, valid_rows_only". */
export function typeLabel(schema: JsonSchema): string {
  const name = refName(schema);
  if (name) return name;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.map((v) => JSON.stringify(v));
    return values.length > 6 ? `one of ${values.length} values` : `one of ${values.join(", ")}`;
  }
  const union = [...list(schema.anyOf), ...list(schema.oneOf)];
  if (union.length) return union.map(typeLabel).join(" or ");
  const record = recordOf(schema);
  if (record)
    return `map of ${record.keys.length ? `${record.keys.length} keys` : "keys"} to ${typeLabel(record.value)}`;
  const labels = types(schema).map((t) => {
    if (t === "array") return `array of ${isSchema(schema.items) ? typeLabel(schema.items) : "values"}`;
    if (t === "string" && typeof schema.format === "string") return `string (${schema.format})`;
    return t;
  });
  return labels.length ? labels.join(" or ") : "any";
}

/** Constraints worth showing beside a type: bounds, lengths, default. */
export function constraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  const num = (k: string) => (typeof schema[k] === "number" ? (schema[k] as number) : null);
  const min = num("minimum");
  const max = num("maximum");
  const safe = (n: number | null) => n !== null && Math.abs(n) < Number.MAX_SAFE_INTEGER;
  if (safe(min) && safe(max)) out.push(`${min} to ${max}`);
  else if (safe(min)) out.push(`≥ ${min}`);
  else if (safe(max)) out.push(`≤ ${max}`);
  if (num("maxLength") !== null) out.push(`up to ${num("maxLength")} characters`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

export interface PropertyRow {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

export function properties(schema: JsonSchema): PropertyRow[] {
  if (!isSchema(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(schema.properties)
    .filter((entry): entry is [string, JsonSchema] => isSchema(entry[1]))
    .map(([name, s]) => ({ name, schema: s, required: required.has(name) }));
}

const SAMPLE_FORMATS: Record<string, string> = {
  date: "2026-10-31",
  "date-time": "2026-11-02T08:15:00.000Z",
  uuid: "6e8b56b1-c362-473f-9747-7df6c2f2a714",
  binary: "<file>",
};

/** An example value: the schema's own example, else one built from its shape (maps show their first key). */
export function exampleOf(schema: JsonSchema, components: Components, depth = 0): unknown {
  if (depth > 12) return null;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  const name = refName(schema);
  if (name) return exampleOf(components[name] ?? {}, components, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const union = [...list(schema.oneOf), ...list(schema.anyOf)];
  if (union[0]) return exampleOf(union[0], components, depth + 1);
  const record = recordOf(schema);
  if (record) {
    const key = record.keys[0] ?? "key";
    return { [key]: exampleOf(record.value, components, depth + 1) };
  }
  const type = types(schema).find((t) => t !== "null") ?? (types(schema).length ? "null" : "object");
  switch (type) {
    case "object":
      return Object.fromEntries(
        properties(schema).map((p) => [p.name, exampleOf(p.schema, components, depth + 1)]),
      );
    case "array":
      return isSchema(schema.items) ? [exampleOf(schema.items, components, depth + 1)] : [];
    case "string":
      return typeof schema.format === "string" ? (SAMPLE_FORMATS[schema.format] ?? "string") : "string";
    case "integer":
    case "number":
      return typeof schema.minimum === "number" && Math.abs(schema.minimum) < Number.MAX_SAFE_INTEGER
        ? schema.minimum
        : 0;
    case "boolean":
      return true;
    default:
      return null;
  }
}
