import { describe, expect, it } from "vitest";
import { analyzeTeamCsv, matchHeader, MAX_COLUMNS, normalizeHeader, parseRole } from "@/lib/csv";
import { withoutBrackets } from "@/lib/csv/headers";
import { PATHOLOGICAL_INPUTS } from "../../helpers/pathological";

/**
 * Every pathological input of tests/helpers/pathological.ts, 1 MB of it, through the whole preview. A linear
 * reader takes tens to hundreds of milliseconds (a megabyte of escaped quotes is the slowest: the CSV grammar
 * has to unescape them); the bound is generous for a busy shared machine, and far below what a quadratic
 * pattern takes (a 120 KB run of "(" in a header kept the old header matching busy for 5 s, so 1 MB would
 * take minutes).
 * Figures: scripts/bench-pathological.ts, docs/performance.md.
 */
const SIZE = 1024 * 1024;
const BOUND_MS = 10_000;

/**
 * CPU time of this process while `run` runs: what the work costs. On a shared machine the wall time also counts
 * the time other processes held the cores (a 1 MB input measured 5–10 times its CPU time at a load of 15 on two
 * cores), so a wall-clock bound would fail for the machine's load rather than the code.
 */
function timed<T>(run: () => T): { value: T; ms: number } {
  const before = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(before);
  return { value, ms: (used.user + used.system) / 1000 };
}

describe("pathological inputs are read in linear time", () => {
  it.each(PATHOLOGICAL_INPUTS.map((input) => [input.name, input] as const))(
    "%s (1 MB) through analyzeTeamCsv",
    (_name, input) => {
      const bytes = new TextEncoder().encode(input.csv(SIZE));
      const { value, ms } = timed(() => analyzeTeamCsv(bytes));
      expect(ms).toBeLessThan(BOUND_MS);
      // The file was read to an answer, not given up on: a preview, or a message about the file.
      expect(value.ok ? value.preview.rowCount : value.error.message.length).toBeGreaterThan(0);
    },
  );

  it("strips brackets from a 1 MB header of unclosed brackets in one pass, and keeps closed ones working", () => {
    for (const unit of ["(", "[", "{", "【", "〔", "(a", "([{"]) {
      const { ms } = timed(() => withoutBrackets(unit.repeat(SIZE / unit.length)));
      expect(ms, unit).toBeLessThan(BOUND_MS / 3);
    }
    expect(withoutBrackets("Base (USD) [k]")).toBe("Base    ");
    expect(withoutBrackets("OTE (annual")).toBe("OTE (annual");
    expect(withoutBrackets("(a (b) c)")).toBe("  c)");
    expect(withoutBrackets("目标【元】收入〔年〕")).toBe("目标 收入 ");
  });

  it("does not match a header longer than the header limit, and matches the same header when short", () => {
    expect(matchHeader(`OTE (${"(".repeat(300)}`)).toBeNull();
    expect(matchHeader("OTE (USD)")?.target).toBe("ote");
    const { ms } = timed(() => normalizeHeader("(".repeat(SIZE)));
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("refuses long role cells without reading them as a role", () => {
    expect(parseRole(`inside ${"and ".repeat(1000)}`).ok).toBe(false);
    expect(parseRole("Inside Sales").ok).toBe(true);
  });
});

describe("runs of quotes cost what their length does", () => {
  // Four times the input takes about four times the CPU time when the reading is linear, sixteen when it is
  // quadratic; best of two runs each, and 12× with 50 ms of slack leaves room for the garbage collector.
  const QUOTE_INPUTS = PATHOLOGICAL_INPUTS.filter((input) => input.name.includes("quote"));
  const bestCpu = (bytes: Uint8Array) => Math.min(...[0, 1].map(() => timed(() => analyzeTeamCsv(bytes)).ms));

  it.each(QUOTE_INPUTS.map((input) => [input.name, input] as const))(
    "%s: 1 MB within 12× the CPU time of 256 KB",
    (_name, input) => {
      const small = bestCpu(new TextEncoder().encode(input.csv(SIZE / 4)));
      const large = bestCpu(new TextEncoder().encode(input.csv(SIZE)));
      expect(large).toBeLessThan(12 * small + 50);
    },
  );
});

describe("the header's width is bounded before it is matched", () => {
  it("refuses a header of more columns than MAX_COLUMNS with a message, and reads one at the limit", () => {
    const wide = analyzeTeamCsv(`Name,Role${",x".repeat(MAX_COLUMNS)}\nAna,inside\n`);
    expect(wide.ok).toBe(false);
    if (!wide.ok) {
      expect(wide.error.code).toBe("too-many-columns");
      expect(wide.error.message).toContain(`has ${(MAX_COLUMNS + 2).toLocaleString("en-US")} columns`);
    }
    const atLimit = analyzeTeamCsv(
      `Name,Role${",x".repeat(MAX_COLUMNS - 2)}\nAna,inside${",".repeat(MAX_COLUMNS - 2)}\n`,
    );
    expect(atLimit.ok && atLimit.preview.validCount).toBe(1);
  });
});
