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
export async function copyTextInto(tx: Transaction, target: string, text: string): Promise<void> {
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
  await client.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([text]) });
}
