import { describe, expect, it } from "vitest";
import { diffRosters, type RosterRep } from "@/lib/team/roster-diff";

const rep = (
  name: string,
  email: string | null,
  role: RosterRep["role"] = "inside",
  team: string | null = "A",
) => ({
  name,
  email,
  role,
  team,
});

describe("diffRosters", () => {
  it("matches by email in any case and spacing, and reports role and team changes", () => {
    const d = diffRosters(
      [rep("Ana Ruiz", "Ana@X.test"), rep("Ben Ode", "ben@x.test", "outside", "B")],
      [rep("Ana R.", " ana@x.test ", "hybrid"), rep("Ben Ode", "ben@x.test", "outside", "b")],
    );
    expect(d.matched).toEqual({ byEmail: 2, byName: 0 });
    expect(d.changedRole).toEqual([
      { name: "Ana R.", email: " ana@x.test ", from: "inside", to: "hybrid", matchedBy: "email" },
    ]);
    // Team names compare without case: "B" and "b" are the same team.
    expect(d.changedTeam).toEqual([]);
    expect(d.joined).toEqual([]);
    expect(d.left).toEqual([]);
  });

  it("matches by name only when an email is missing on one side; two different emails are two people", () => {
    const d = diffRosters(
      [rep("Cleo  Park", null), rep("Dev Shah", "dev@x.test"), rep("Eve Lin", "eve@x.test")],
      [
        rep("cleo park", "cleo@x.test", "inside", "C"),
        rep("Dev Shah", null),
        rep("Eve Lin", "eve.lin@y.test"),
      ],
    );
    expect(d.matched).toEqual({ byEmail: 0, byName: 2 });
    expect(d.changedTeam).toEqual([
      expect.objectContaining({ name: "cleo park", from: "A", to: "C", matchedBy: "name" }),
    ]);
    expect(d.joined.map((p) => p.email)).toEqual(["eve.lin@y.test"]);
    expect(d.left.map((p) => p.email)).toEqual(["eve@x.test"]);
  });

  it("pairs namesakes first with first and counts the rest as joined or left", () => {
    const d = diffRosters(
      [rep("Sam Lee", null, "inside"), rep("Sam Lee", null, "outside")],
      [rep("Sam Lee", null, "inside"), rep("Sam Lee", null, "outside"), rep("Sam Lee", null, "hybrid")],
    );
    expect(d.matched.byName).toBe(2);
    expect(d.changedRole).toEqual([]);
    expect(d.joined).toEqual([expect.objectContaining({ role: "hybrid" })]);
  });

  it("stays fast on 100,000 namesakes (no quadratic matching)", () => {
    const many = Array.from({ length: 100_000 }, (_, i) => rep("Same Name", i % 2 ? null : `p${i}@x.test`));
    const later = Array.from({ length: 100_000 }, (_, i) => rep("Same Name", i % 2 ? `q${i}@x.test` : null));
    const started = performance.now();
    const d = diffRosters(many, later);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(d.matched.byName + d.joined.length).toBe(100_000);
  });
});
