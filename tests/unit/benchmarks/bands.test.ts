import { describe, expect, it } from "vitest";
import { SIZE_BANDS, sizeBandFor } from "@/lib/benchmarks";

describe("sizeBandFor", () => {
  it.each([
    [0, "small"],
    [1, "small"],
    [49_999_999.99, "small"],
    [50_000_000, "mid"], // $50M exactly is mid: the small band is "revenue < $50M"
    [50_000_000.01, "mid"],
    [499_999_999, "mid"],
    [500_000_000, "mid"], // $500M exactly is mid: the large band is "revenue > $500M"
    [500_000_000.01, "large"],
    [12_000_000_000, "large"],
  ] as const)("revenue %d → %s", (revenue, band) => {
    expect(sizeBandFor(revenue)).toBe(band);
  });

  it.each([null, Number.NaN, Number.POSITIVE_INFINITY, -1])("revenue %s → unknown", (revenue) => {
    expect(sizeBandFor(revenue)).toBe("unknown");
  });

  it("states each band's boundaries and which side they fall on", () => {
    expect(SIZE_BANDS.small.upper).toEqual({ revenue: 50_000_000, inclusive: false });
    expect(SIZE_BANDS.mid.lower).toEqual({ revenue: 50_000_000, inclusive: true });
    expect(SIZE_BANDS.mid.upper).toEqual({ revenue: 500_000_000, inclusive: true });
    expect(SIZE_BANDS.large.lower).toEqual({ revenue: 500_000_000, inclusive: false });
    expect(SIZE_BANDS.mid.figureId).toBeNull();
    expect(SIZE_BANDS.mid.fallbackFigureId).toBe("mix.inside_share.us");
    expect(SIZE_BANDS.unknown.label).toMatch(/unknown/i);
  });
});
