import fs from "node:fs";

interface ManifestHeaderRule {
  source: string;
  regex: string;
  headers: { key: string; value: string }[];
  has?: unknown;
  missing?: unknown;
}

/**
 * The response headers next.config.js's `headers()` sets (nosniff, referrer policy, HSTS in production, …),
 * from the build's routes manifest, for the responses the SalesMix server writes itself, so they carry the
 * same headers as those Next.js writes. Later rules override earlier ones for the same header, as in Next.js.
 */
export function loadConfiguredHeaders(manifestPath: string): (pathname: string) => [string, string][] {
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { headers?: ManifestHeaderRule[] };
  const rules = (manifest.headers ?? []).map((rule) => {
    if (rule.has || rule.missing) {
      throw new Error(
        `next.config.js headers() for "${rule.source}" has a has/missing condition, which the SalesMix server does not apply to its API routes.`,
      );
    }
    return { regex: new RegExp(rule.regex), headers: rule.headers };
  });
  return (pathname) => {
    const merged = new Map<string, [string, string]>();
    for (const rule of rules) {
      if (!rule.regex.test(pathname)) continue;
      for (const { key, value } of rule.headers) merged.set(key.toLowerCase(), [key, value]);
    }
    return [...merged.values()];
  };
}
