import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/Logo";
import { buildOpenApiDocument } from "@/server/http/app";
import type { JsonSchema, OpenApiOperation, OpenApiResponse } from "@/server/http/openapi";
import { PROBLEM_TYPES, PROBLEM_TYPE_NAMES, problemTypeUri } from "@/server/rest/problem-types";
import { Inline, Prose } from "./Prose";
import { schemaAnchor, SchemaView, TypeLabel } from "./SchemaView";
import { constraints, exampleOf, type Components } from "./schema-text";

export const metadata: Metadata = {
  title: "API reference",
  description: "The SalesMix REST API: endpoints, parameters, schemas, examples and errors.",
};

// Rendered from the generated OpenAPI document (no database), per request only so that the page's scripts
// carry the Content-Security-Policy nonce the proxy sets; a prerendered page has none and its scripts are blocked.
export const dynamic = "force-dynamic";

const METHOD_COLORS: Record<string, string> = {
  get: "bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100",
  post: "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100",
  patch: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
};

const SCOPE_TEXT: Record<string, string> = {
  public: "No key needed",
  read: "Any key (read or read_write)",
  read_write: "A read_write key",
};

const operationAnchor = (op: OpenApiOperation) => `op-${op.operationId}`;

function Example({ value, label = "Example" }: { value: unknown; label?: string }) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm text-gray-700 dark:text-gray-300">{label}</summary>
      <pre className="mt-1 max-h-96 overflow-auto rounded bg-gray-900 p-3 text-xs text-gray-100">
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

function Response({
  status,
  response,
  components,
}: {
  status: string;
  response: OpenApiResponse;
  components: Components;
}) {
  const media = Object.entries(response.content ?? {});
  const success = status.startsWith("2");
  return (
    <li className="py-2">
      <p className="text-sm">
        <span className="mr-2 inline-block min-w-10 rounded bg-gray-100 px-1.5 py-0.5 text-center font-mono text-xs dark:bg-gray-800">
          {status}
        </span>
        {media.map(([type, m]) => (
          <span key={type} className="text-xs text-gray-700 dark:text-gray-300">
            {type}: <TypeLabel schema={m.schema} />
          </span>
        ))}
      </p>
      <div className="mt-1 space-y-1 text-sm text-gray-800 dark:text-gray-200">
        {response.description.split("\n\n").map((line, i) => (
          <p key={i}>
            <Inline text={line} />
          </p>
        ))}
      </div>
      {response.headers ? (
        <p className="mt-1 text-xs text-gray-700 dark:text-gray-300">
          Headers:{" "}
          {Object.entries(response.headers).map(([name, h]) => (
            <span key={name}>
              <code>{name}</code> ({h.description}){" "}
            </span>
          ))}
        </p>
      ) : null}
      {success && media[0] ? <Example value={exampleOf(media[0][1].schema, components)} /> : null}
    </li>
  );
}

function Operation({
  path,
  method,
  op,
  components,
}: {
  path: string;
  method: string;
  op: OpenApiOperation;
  components: Components;
}) {
  const body = op.requestBody;
  return (
    <section
      id={operationAnchor(op)}
      className="card scroll-mt-4 space-y-4"
      aria-labelledby={`${operationAnchor(op)}-title`}
    >
      <div>
        <h3
          id={`${operationAnchor(op)}-title`}
          className="flex flex-wrap items-center gap-2 text-lg font-semibold"
        >
          <span className={`rounded px-2 py-0.5 font-mono text-sm uppercase ${METHOD_COLORS[method] ?? ""}`}>
            {method}
          </span>
          <code className="font-mono text-base">/api/v1{path}</code>
        </h3>
        <p className="mt-1 font-medium">{op.summary}</p>
        <p className="text-xs text-gray-600 dark:text-gray-400">
          Authentication: {SCOPE_TEXT[op["x-required-scope"]]}
        </p>
        <Prose text={op.description} className="mt-2 text-sm text-gray-800 dark:text-gray-200" />
      </div>

      <div>
        <h4 className="text-sm font-semibold">Example request</h4>
        <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-gray-900 p-3 text-xs text-gray-100">
          {op["x-curl"]}
        </pre>
      </div>

      {op.parameters.length ? (
        <div>
          <h4 className="text-sm font-semibold">Parameters</h4>
          <div className="overflow-x-auto">
            <table className="mt-1 min-w-full text-left text-sm">
              <thead className="border-b border-gray-200 text-xs uppercase text-gray-600 dark:border-gray-800 dark:text-gray-400">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    Name
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    In
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
                {op.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`}>
                    <td className="py-1.5 pr-3 font-mono text-xs">
                      {p.name}
                      <span className="block text-gray-500">{p.required ? "required" : "optional"}</span>
                    </td>
                    <td className="py-1.5 pr-3 text-xs">{p.in}</td>
                    <td className="py-1.5 pr-3">
                      <TypeLabel schema={p.schema} />
                      {constraints(p.schema).length ? (
                        <span className="block text-xs text-gray-600 dark:text-gray-400">
                          {constraints(p.schema).join("; ")}
                        </span>
                      ) : null}
                    </td>
                    <td className="py-1.5">{p.description ? <Inline text={p.description} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}

      {body ? (
        <div>
          <h4 className="text-sm font-semibold">Request body{body.required ? "" : " (optional)"}</h4>
          <p className="text-sm">
            <Inline text={body.description} />
          </p>
          {Object.entries(body.content).map(([type, media]) => (
            <div key={type} className="mt-2">
              <p className="font-mono text-xs">{type}</p>
              <SchemaView schema={media.schema} components={components} />
              {type === "application/json" ? <Example value={exampleOf(media.schema, components)} /> : null}
            </div>
          ))}
        </div>
      ) : null}

      <div>
        <h4 className="text-sm font-semibold">Responses</h4>
        <ul className="divide-y divide-gray-100 dark:divide-gray-800">
          {Object.entries(op.responses).map(([status, response]) => (
            <Response key={status} status={status} response={response} components={components} />
          ))}
        </ul>
      </div>
    </section>
  );
}

export default function ApiDocsPage() {
  const document = buildOpenApiDocument();
  const components: Components = document.components.schemas;
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
        <div className="mx-auto flex max-w-5xl items-center gap-4 px-4 py-3">
          <Logo />
          <nav aria-label="Documentation" className="ml-auto flex gap-4 text-sm">
            <Link href="/methodology" className="link">
              Methodology
            </Link>
            <a href="/api/v1/openapi.json" className="link">
              openapi.json
            </a>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
        <div>
          <h1 className="text-3xl font-semibold">{document.info.title}</h1>
          <p className="text-sm text-gray-600 dark:text-gray-400">
            Version {document.info.version} · OpenAPI {document.openapi} · base URL{" "}
            <code>{document.servers[0]?.url}</code>
          </p>
          <Prose
            text={document.info.description}
            className="mt-4 max-w-3xl text-gray-800 dark:text-gray-200"
          />
        </div>

        <nav aria-labelledby="toc-title" className="card">
          <h2 id="toc-title" className="text-lg font-semibold">
            Endpoints
          </h2>
          {document.tags.map((tag) => (
            <div key={tag.name} className="mt-3">
              <p className="text-sm font-semibold">{tag.name}</p>
              <ul className="mt-1 space-y-1 text-sm">
                {operations
                  .filter(({ op }) => op.tags.includes(tag.name))
                  .map(({ path, method, op }) => (
                    <li key={op.operationId}>
                      <a href={`#${operationAnchor(op)}`} className="link">
                        <span className="font-mono uppercase">{method}</span>{" "}
                        <span className="font-mono">{path}</span>
                      </a>{" "}
                      — {op.summary}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </nav>

        <section aria-labelledby="operations-title" className="space-y-6">
          <h2 id="operations-title" className="sr-only">
            Operations
          </h2>
          {operations.map(({ path, method, op }) => (
            <Operation key={op.operationId} path={path} method={method} op={op} components={components} />
          ))}
        </section>

        <section aria-labelledby="problems-title" className="card space-y-3">
          <h2 id="problems-title" className="text-xl font-semibold">
            Errors
          </h2>
          <p className="text-sm">
            Every error is <code>application/problem+json</code> (RFC 9457) in the{" "}
            <a href={`#${schemaAnchor("Problem")}`} className="link">
              Problem
            </a>{" "}
            shape. Branch on <code>type</code>; show <code>detail</code> to people.
          </p>
          <div className="overflow-x-auto">
            <table className="min-w-full text-left text-sm">
              <thead className="border-b border-gray-200 text-xs uppercase text-gray-600 dark:border-gray-800 dark:text-gray-400">
                <tr>
                  <th scope="col" className="py-1 pr-3">
                    Status
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Type
                  </th>
                  <th scope="col" className="py-1">
                    When
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100 align-top dark:divide-gray-800">
                {PROBLEM_TYPE_NAMES.map((name) => (
                  <tr key={name} id={`problem-${name}`}>
                    <td className="py-1.5 pr-3">{PROBLEM_TYPES[name].status}</td>
                    <td className="py-1.5 pr-3 font-mono text-xs">{problemTypeUri(name)}</td>
                    <td className="py-1.5">
                      <Inline text={PROBLEM_TYPES[name].when} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="schemas-title" className="space-y-4">
          <h2 id="schemas-title" className="text-xl font-semibold">
            Schemas
          </h2>
          {Object.entries(components).map(([name, schema]: [string, JsonSchema]) => (
            <section key={name} id={schemaAnchor(name)} className="card scroll-mt-4 space-y-2">
              <h3 className="font-mono text-lg font-semibold">{name}</h3>
              <SchemaView schema={schema} components={components} />
            </section>
          ))}
        </section>
      </main>
    </div>
  );
}
