/**
 * Who joined, who left and who changed role or team between two uploads. A rep is the same person in both when
 * their email matches (trimmed, case-insensitive); a rep without an email on either side is matched by name
 * (trimmed, case-insensitive, inner spaces collapsed), first unmatched with first unmatched, in file order.
 * One pass over each side with hash maps: linear in the number of reps.
 */
import type { Rep, RepRole } from "./types";

export type RosterRep = Pick<Rep, "name" | "email" | "role" | "team">;

export interface RosterPerson {
  name: string;
  email: string | null;
  role: RepRole;
  team: string | null;
}

export interface RosterMove {
  name: string;
  email: string | null;
  from: string | null;
  to: string | null;
  matchedBy: "email" | "name";
}

export interface RosterDiff {
  before: number;
  after: number;
  /** People in both uploads (by email, then by name). */
  matched: { byEmail: number; byName: number };
  joined: RosterPerson[];
  left: RosterPerson[];
  changedRole: RosterMove[];
  changedTeam: RosterMove[];
}

const emailKey = (email: string | null) => {
  const key = email?.trim().toLowerCase() ?? "";
  return key === "" ? null : key;
};
const nameKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
const teamKey = (team: string | null) => team?.trim().toLowerCase() ?? "";
const person = (r: RosterRep): RosterPerson => ({ name: r.name, email: r.email, role: r.role, team: r.team });

/** Indexes by key, taken first in, first out (a head pointer per key: no shifting). */
class Queues {
  private readonly lists = new Map<string, { items: number[]; head: number }>();
  add(key: string, index: number) {
    const list = this.lists.get(key);
    if (list) list.items.push(index);
    else this.lists.set(key, { items: [index], head: 0 });
  }
  take(key: string): number | undefined {
    const list = this.lists.get(key);
    if (!list || list.head >= list.items.length) return undefined;
    return list.items[list.head++];
  }
}

export function diffRosters(before: readonly RosterRep[], after: readonly RosterRep[]): RosterDiff {
  const matchedBefore = new Array<boolean>(before.length).fill(false);
  const byEmail = new Map<string, number>();
  before.forEach((r, i) => {
    const key = emailKey(r.email);
    if (key !== null && !byEmail.has(key)) byEmail.set(key, i);
  });
  const pairs: { b: number; a: number; matchedBy: "email" | "name" }[] = [];
  const unmatchedAfter: number[] = [];
  after.forEach((r, a) => {
    const key = emailKey(r.email);
    const b = key === null ? undefined : byEmail.get(key);
    if (b !== undefined && !matchedBefore[b]) {
      matchedBefore[b] = true;
      pairs.push({ b, a, matchedBy: "email" });
    } else unmatchedAfter.push(a);
  });
  // By name only where an email is missing on one side: two different emails are two different people.
  const withoutEmail = new Queues();
  const withEmail = new Queues();
  before.forEach((r, i) => {
    if (matchedBefore[i]) return;
    (emailKey(r.email) === null ? withoutEmail : withEmail).add(nameKey(r.name), i);
  });
  const joinedIdx: number[] = [];
  for (const a of unmatchedAfter) {
    const rep = after[a];
    if (!rep) continue;
    const key = nameKey(rep.name);
    const found = withoutEmail.take(key) ?? (emailKey(rep.email) === null ? withEmail.take(key) : undefined);
    if (found === undefined) joinedIdx.push(a);
    else {
      matchedBefore[found] = true;
      pairs.push({ b: found, a, matchedBy: "name" });
    }
  }
  const changedRole: RosterMove[] = [];
  const changedTeam: RosterMove[] = [];
  let viaEmail = 0;
  for (const { b, a, matchedBy } of pairs) {
    const old = before[b];
    const now = after[a];
    if (!old || !now) continue;
    if (matchedBy === "email") viaEmail += 1;
    if (old.role !== now.role)
      changedRole.push({ name: now.name, email: now.email, from: old.role, to: now.role, matchedBy });
    if (teamKey(old.team) !== teamKey(now.team))
      changedTeam.push({ name: now.name, email: now.email, from: old.team, to: now.team, matchedBy });
  }
  return {
    before: before.length,
    after: after.length,
    matched: { byEmail: viaEmail, byName: pairs.length - viaEmail },
    joined: joinedIdx.flatMap((a) => (after[a] ? [person(after[a])] : [])),
    left: before.flatMap((r, i) => (matchedBefore[i] ? [] : [person(r)])),
    changedRole,
    changedTeam,
  };
}
