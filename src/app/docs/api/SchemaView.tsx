import type { JsonSchema } from "@/server/http/openapi";
import { Inline } from "./Prose";
import { constraints, properties, recordOf, refName, typeLabel, type Components } from "./schema-text";

export const schemaAnchor = (name: string) => `schema-${name}`;

/** A type label that links to the component it names. */
export function TypeLabel({ schema }: { schema: JsonSchema }) {
  const name = refName(schema);
  if (name) {
    return (
      <a href={`#${schemaAnchor(name)}`} className="link font-mono text-xs">
        {name}
      </a>
    );
  }
  const items = schema.items;
  if (typeof items === "object" && items !== null && !Array.isArray(items) && refName(items as JsonSchema)) {
    return (
      <span className="font-mono text-xs">
        array of <TypeLabel schema={items as JsonSchema} />
      </span>
    );
  }
  const long = longEnum(schema) ?? (isObject(items) ? longEnum(items as JsonSchema) : null);
  if (long) {
    return (
      <details className="font-mono text-xs">
        <summary className="cursor-pointer">{typeLabel(schema)}</summary>
        <span className="mt-1 block leading-relaxed text-gray-700 dark:text-gray-300">{long.join(", ")}</span>
      </details>
    );
  }
  return <span className="font-mono text-xs">{typeLabel(schema)}</span>;
}

const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

/** The values of an enum too long for the one-line label (figure ids, recommendation ids). */
function longEnum(schema: JsonSchema): string[] | null {
  return Array.isArray(schema.enum) && schema.enum.length > 6
    ? schema.enum.map((v) => JSON.stringify(v))
    : null;
}

function variants(schema: JsonSchema): JsonSchema[] {
  const options = Array.isArray(schema.oneOf)
    ? schema.oneOf
    : Array.isArray(schema.anyOf)
      ? schema.anyOf
      : [];
  return (options as JsonSchema[]).filter((o) => properties(o).length > 0);
}

/** The inline object (or union of objects) a field holds, directly or in an array or map, to open beneath it. */
function nested(schema: JsonSchema): JsonSchema | null {
  if (refName(schema)) return null;
  if (properties(schema).length || variants(schema).length) return schema;
  const items = schema.items;
  if (typeof items === "object" && items !== null && !Array.isArray(items))
    return nested(items as JsonSchema);
  const record = recordOf(schema);
  return record ? nested(record.value) : null;
}

function Variants({
  schema,
  components,
  depth,
}: {
  schema: JsonSchema;
  components: Components;
  depth: number;
}) {
  const objects = variants(schema);
  if (!objects.length) return null;
  return (
    <div className="space-y-2">
      {objects.map((o, i) => (
        <div key={i}>
          <p className="text-xs text-gray-600 dark:text-gray-400">Variant {i + 1}</p>
          <SchemaView schema={o} components={components} depth={depth + 1} />
        </div>
      ))}
    </div>
  );
}

/** The fields of an object schema as a table; nested inline objects open beneath their field. */
export function SchemaView({
  schema,
  components,
  depth = 0,
}: {
  schema: JsonSchema;
  components: Components;
  depth?: number;
}) {
  const rows = properties(schema);
  const record = recordOf(schema);
  if (!rows.length) {
    return (
      <div className="space-y-2 text-sm">
        <p>
          <TypeLabel schema={schema} />
          {record && record.keys.length ? (
            <span className="block text-xs text-gray-600 dark:text-gray-400">
              Keys: {record.keys.map((k) => `“${k}”`).join(", ")}
            </span>
          ) : null}
        </p>
        {typeof schema.description === "string" ? <Inline text={schema.description} /> : null}
        {record && nested(record.value) && depth < 6 ? (
          <SchemaView schema={nested(record.value) ?? {}} components={components} depth={depth + 1} />
        ) : null}
        <Variants schema={schema} components={components} depth={depth} />
      </div>
    );
  }
  return (
    <div className="overflow-x-auto">
      {typeof schema.description === "string" && depth === 0 ? (
        <p className="mb-2 text-sm">
          <Inline text={schema.description} />
        </p>
      ) : null}
      <table className="min-w-full text-left text-sm">
        <thead className="border-b border-gray-200 text-xs uppercase text-gray-600 dark:border-gray-800 dark:text-gray-400">
          <tr>
            <th scope="col" className="py-1 pr-3">
              Field
            </th>
            <th scope="col" className="py-1 pr-3">
              Type
            </th>
            <th scope="col" className="py-1">
              Description
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 align-top dark:divide-gray-800">
          {rows.map((row) => {
            const inner = depth < 6 ? nested(row.schema) : null;
            const notes = constraints(row.schema);
            return (
              <tr key={row.name}>
                <td className="py-1.5 pr-3 font-mono text-xs">
                  {row.name}
                  {row.required ? null : <span className="block text-gray-500">optional</span>}
                </td>
                <td className="py-1.5 pr-3">
                  <TypeLabel schema={row.schema} />
                  {notes.length ? (
                    <span className="block text-xs text-gray-600 dark:text-gray-400">{notes.join("; ")}</span>
                  ) : null}
                </td>
                <td className="py-1.5">
                  {typeof row.schema.description === "string" ? (
                    <Inline text={row.schema.description} />
                  ) : null}
                  {inner ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs text-gray-600 dark:text-gray-400">
                        Fields
                      </summary>
                      <div className="mt-1 border-l-2 border-gray-200 pl-3 dark:border-gray-700">
                        <SchemaView schema={inner} components={components} depth={depth + 1} />
                      </div>
                    </details>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
