/**
 * A scenario's content as stored and sent over the API: the moves (reps by row number in the snapshot) and the
 * plan's assumptions. The schema bounds every count; `checkMoves` then checks the moves against the snapshot.
 */
import { z } from "zod";
import { MAX_ROWS } from "@/lib/csv/limits";
import { REP_ROLES } from "@/lib/team/types";
import { planAssumptionsSchema, DEFAULT_ASSUMPTIONS, type PlanAssumptions } from "./plan";
import type { PlannerRep, RepMove } from "./types";

export const SCENARIO_NAME_MAX = 120;

export const repMoveSchema = z
  .object({
    row: z
      .number({ error: "A move's row must be a number." })
      .int("A move's row must be a whole number.")
      .min(2, "Rows start at 2 (row 1 is the header)."),
    to: z.enum(REP_ROLES, { error: `A move goes to one of: ${REP_ROLES.join(", ")}.` }),
  })
  .strict();

export const scenarioContentSchema = z
  .object({
    moves: z.array(repMoveSchema).max(MAX_ROWS, `At most ${MAX_ROWS} moves.`),
    assumptions: planAssumptionsSchema,
  })
  .strict();

export type ScenarioContent = z.infer<typeof scenarioContentSchema>;

export const DEFAULT_CONTENT: ScenarioContent = { moves: [], assumptions: DEFAULT_ASSUMPTIONS };

export interface MoveProblem {
  index: number;
  message: string;
}

/**
 * Problems of moves against the snapshot's reps: more moves than reps, a row that is not in the snapshot (a rep
 * of another snapshot or organization), the same rep twice, or a move to the role the rep already has.
 */
export function checkMoves(
  reps: readonly Pick<PlannerRep, "row" | "role" | "name">[],
  moves: readonly RepMove[],
): MoveProblem[] {
  if (moves.length > reps.length) {
    return [
      {
        index: moves.length - 1,
        message: `${moves.length} moves, but the snapshot has only ${reps.length} reps.`,
      },
    ];
  }
  const byRow = new Map<number, Pick<PlannerRep, "row" | "role" | "name">>();
  for (const rep of reps) byRow.set(rep.row, rep);
  const seen = new Set<number>();
  const problems: MoveProblem[] = [];
  moves.forEach((move, index) => {
    const rep = byRow.get(move.row);
    if (!rep)
      problems.push({ index, message: `Move ${index + 1}: row ${move.row} is not a rep of this snapshot.` });
    else if (seen.has(move.row))
      problems.push({ index, message: `Move ${index + 1}: ${rep.name} (row ${move.row}) is moved twice.` });
    else if (rep.role === move.to)
      problems.push({
        index,
        message: `Move ${index + 1}: ${rep.name} (row ${move.row}) is already ${move.to}.`,
      });
    seen.add(move.row);
  });
  return problems;
}

export type { PlanAssumptions };
