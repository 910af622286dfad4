/**
 * Helpers of the REST API tests: keys made through the real tRPC procedures, requests built like a client
 * would send them, and a contract checker that validates every response against the OpenAPI document.
 */
import { expect } from "vitest";
import { sql } from "drizzle-orm";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { Database } from "@/server/db/client";
import type { ApiKeyScope } from "@/server/db/schema";
import { buildOpenApiDocument, createHttpApp } from "@/server/http/app";
import { findOperation, type OpenApiDocument } from "@/server/http/openapi";
import { newTenant } from "../helpers/callers";

export const BASE_URL = "http://salesmix.test";

export type Tenant = Awaited<ReturnType<typeof newTenant>>;

/** A key created the way an admin would (the tRPC procedure), returned whole as the page shows it once. */
export async function createKey(tenant: Tenant, scope: ApiKeyScope = "read_write", name = `${scope} key`) {
  const created = await tenant.caller.apiKeys.create({ orgSlug: tenant.org.slug, name, scope });
  return created;
}

export interface CallOptions {
  key?: string | null;
  headers?: Record<string, string>;
  body?: BodyInit | null;
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  /** Sent as text/csv. */
  csv?: Uint8Array | string;
}

export function apiRequest(method: string, path: string, options: CallOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  let body: BodyInit | null | undefined = options.body;
  if (options.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.json);
  }
  if (options.csv !== undefined) {
    if (!headers.has("content-type")) headers.set("content-type", "text/csv");
    body = typeof options.csv === "string" ? options.csv : new Uint8Array(options.csv);
  }
  return new Request(`${BASE_URL}/api/v1${path}`, { method, headers, body });
}

/** The HTTP API the server runs (src/server/http), every request on the database the test gives it. */
export const httpApp = createHttpApp();

/**
 * Runs `fn` as the app's ordinary database role (no superuser, no BYPASSRLS), as the server does, so every
 * request of these tests also passes row-level security. The test's own checks run as the owner.
 */
export async function asAppRole<T>(db: Database, fn: (appDb: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local role salesmix_app`);
    return fn(tx as unknown as Database);
  });
}

export async function dispatch(db: Database, request: Request): Promise<Response> {
  return await httpApp.fetch(request, { database: db });
}

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  contentType: string;
  body: T;
}

/** Every response the tests saw, as "METHOD /template STATUS", to check the contract was exercised. */
export const seenResponses = new Set<string>();

let validator: ((schemaPointer: string) => ValidateFunction) | null = null;
const DOCUMENT_ID = "https://salesmix.test/openapi.json";

function compile(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document as unknown as Record<string, unknown>, DOCUMENT_ID);
  const cache = new Map<string, ValidateFunction>();
  return (pointer: string) => {
    let fn = cache.get(pointer);
    if (!fn) {
      fn = ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
      cache.set(pointer, fn);
    }
    return fn;
  };
}

const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Sends the request and checks the response against the OpenAPI document: the operation exists, the status is
 * documented for it, the content type is the documented one and the body validates against its schema.
 */
export async function send<T = unknown>(db: Database, request: Request): Promise<ApiResult<T>> {
  const method = request.method;
  const { pathname } = new URL(request.url);
  const response = await asAppRole(db, (appDb) => dispatch(appDb, request));
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  const text = await response.text();
  const body = (contentType.endsWith("json") ? JSON.parse(text) : text) as T;
  if (!pathname.endsWith("/openapi.json")) {
    const document = buildOpenApiDocument();
    const found = findOperation(document, method, pathname);
    expect(found, `${method} ${pathname} is in the OpenAPI document`).not.toBeNull();
    if (found) {
      const status = String(response.status);
      const documented = found.operation.responses[status];
      expect(documented, `${method} ${found.template} documents status ${status}`).toBeDefined();
      const media = documented?.content?.[contentType];
      expect(media, `${method} ${found.template} ${status} documents ${contentType}`).toBeDefined();
      validator ??= compile(document);
      const pointer = `/paths/${escapePointer(found.template)}/${method.toLowerCase()}/responses/${status}/content/${escapePointer(contentType)}/schema`;
      const validate = validator(pointer);
      const ok = validate(body);
      expect(validate.errors ?? [], `${method} ${found.template} ${status} matches its schema`).toEqual([]);
      expect(ok).toBe(true);
      seenResponses.add(`${method} ${found.template} ${status}`);
    }
  }
  return { status: response.status, headers: response.headers, contentType, body };
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: { field?: string; row?: number; column?: string | null; value?: string; message: string }[];
  errorCount?: number;
  rowCount?: number;
  snapshotId?: string;
  retryAfterSeconds?: number;
  rebaseSnapshotId?: string | null;
}

export const problemType = (name: string) => `https://salesmix.app/problems/${name}`;
