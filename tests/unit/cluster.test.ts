import os from "node:os";
import { describe, expect, it } from "vitest";
import { workerCount } from "../../scripts/cluster.mjs";

describe("server processes (WEB_CONCURRENCY)", () => {
  it("runs one process per core on PostgreSQL unless told otherwise", () => {
    expect(workerCount({ DATABASE_URL: "postgres://db/app" })).toBe(os.availableParallelism());
    expect(workerCount({ DATABASE_URL: "postgres://db/app", WEB_CONCURRENCY: "3" })).toBe(3);
    expect(workerCount({ DATABASE_URL: "postgres://db/app", WEB_CONCURRENCY: " 1 " })).toBe(1);
  });

  it("keeps the embedded database to the one process that owns it", () => {
    expect(workerCount({})).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "4" })).toBe(1);
  });

  it("refuses a value that is not a whole number of processes, naming it", () => {
    for (const bad of ["0", "-2", "1.5", "two", "4x"]) {
      expect(() => workerCount({ DATABASE_URL: "postgres://db/app", WEB_CONCURRENCY: bad })).toThrow(
        `WEB_CONCURRENCY must be a whole number of processes (1 or more), not "${bad}".`,
      );
    }
  });
});
