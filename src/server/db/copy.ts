import "server-only";
import type { Transaction } from "./client";

/** The two drivers' transaction clients, as far as COPY needs them. */
interface PostgresJsClient {
  unsafe(query: string): { writable(): Promise<NodeJS.WritableStream> };
}
interface PgliteClient {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

function driverClient(tx: Transaction): PostgresJsClient | PgliteClient {
  const client = (tx._.session as unknown as { client?: unknown }).client;
  if (client && typeof (client as PostgresJsClient).unsafe === "function") return client as PostgresJsClient;
  if (client && typeof (client as PgliteClient).query === "function") return client as PgliteClient;
  throw new Error("COPY needs a postgres.js or PGlite transaction");
}

/**
 * `COPY <target> FROM …` of `text` (COPY's text format) inside the transaction `tx`, on either driver: postgres.js
 * streams it as `FROM STDIN`, PGlite reads it as a blob from `/dev/blob`. `target` is trusted SQL (a table and its
 * column list), never user input.
 */
export async function copyTextInto(
  tx: Transaction,
  target: string,
  text: string | Uint8Array,
): Promise<void> {
  const client = driverClient(tx);
  if ("unsafe" in client) {
    const stream = await client.unsafe(`copy ${target} from stdin`).writable();
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.on("finish", () => resolve());
      stream.end(text);
    });
    return;
  }
  // COPY from a file (PGlite's /dev/blob) needs the right to read server files, which the app role rightly lacks.
  // PGlite's session user is its superuser, which switched to the app role after migrations: the COPY alone runs
  // as the session user (SET LOCAL, so only until this statement's end below or the transaction's end), into a
  // temporary table that has no row-level security; what then goes into tenant tables goes as the app role.
  const roles = (await client.query("select current_user as current, session_user as session")) as {
    rows: { current: string; session: string }[];
  };
  const current = roles.rows[0]?.current;
  const switchRole = current !== undefined && current !== roles.rows[0]?.session;
  if (switchRole) await client.query("set local role none");
  await client.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([text as BlobPart]) });
  // (A failed COPY aborts the transaction, which ends the switch with it.)
  if (switchRole) await client.query(`set local role "${current.replace(/"/g, '""')}"`);
}
