import { describe, expect, it } from "vitest";
import { deepFreeze, isImmutable, serializeOnce } from "@/server/immutable";

describe("deepFreeze / serializeOnce", () => {
  it("freezes every level, so a change throws instead of reaching whoever shares the value", () => {
    const value = deepFreeze({ a: { b: [1, { c: 2 }] }, when: new Date(0) });
    expect(isImmutable(value)).toBe(true);
    expect(isImmutable(value.a.b)).toBe(true);
    expect(() => {
      (value.a.b[1] as { c: number }).c = 3;
    }).toThrow(TypeError);
    expect(() => {
      (value.a.b as number[]).push(4);
    }).toThrow(TypeError);
    expect(value.when.getTime()).toBe(0);
  });

  it("serializes an immutable value once, and anything else on every call", () => {
    let calls = 0;
    const serialize = serializeOnce((v) => {
      calls += 1;
      return JSON.stringify(v);
    });
    const kept = deepFreeze({ n: 1 });
    expect([serialize(kept), serialize(kept)]).toEqual(['{"n":1}', '{"n":1}']);
    expect(calls).toBe(1);
    const fresh = { n: 2 };
    serialize(fresh);
    fresh.n = 3;
    expect(serialize(fresh)).toBe('{"n":3}');
    expect(calls).toBe(3);
    expect(serialize(null)).toBe("null");
    expect(calls).toBe(4);
  });
});
