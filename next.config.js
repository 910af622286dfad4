// next.config.js is CommonJS (as Next.js loads it): require is how it imports.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require("next-intl/plugin");

// Translations without locale routing: src/server/i18n/request.ts picks the locale of each request.
const withNextIntl = createNextIntlPlugin("./src/server/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  // rate-limiter-flexible loads drizzle-orm with a dynamic import() the bundler cannot follow, so drizzle-orm
  // stays a package too: then the standalone build ships it, and the app and the limiter share one copy.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "rate-limiter-flexible", "drizzle-orm"],
  poweredByHeader: false,
  // Types are checked once, by `tsc --noEmit` in `npm test` and CI (tests included); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // The security headers (CSP with a per-request nonce, HSTS, nosniff, …) of every answer come from the SalesMix
  // server (src/server/http/security-headers.ts), which serves pages and the API alike (src/serve).
};

module.exports = withNextIntl(nextConfig);
