import fs from "node:fs";
import path from "node:path";
import { analyzeTeamCsv, type AnalyzeTeamCsvOptions, type TeamCsvPreview } from "@/lib/csv";
import type { Rep } from "@/lib/team/types";
import { EMPTY_REP } from "../../helpers/reps";

export const FIXTURES = path.resolve(__dirname, "../../fixtures/csv");

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
}

/** analyzeTeamCsv that must succeed. */
export function preview(input: string | Uint8Array, options?: AnalyzeTeamCsvOptions): TeamCsvPreview {
  const result = analyzeTeamCsv(input, options);
  if (!result.ok) throw new Error(`expected a preview, got ${result.error.code}: ${result.error.message}`);
  return result.preview;
}

export function sampleReps(p: TeamCsvPreview): Rep[] {
  return p.sampleRows.flatMap((r) => ("rep" in r ? [r.rep] : []));
}

export { EMPTY_REP };

export function rep(fields: Partial<Rep> & { name: string }): Rep {
  return { ...EMPTY_REP, ...fields };
}
