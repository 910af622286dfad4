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
  // Static security headers on every response, API routes included. The per-request CSP nonce for pages is set
  // in src/proxy.ts, which skips /api so uploads up to 20 MB reach their handlers whole (the proxy would buffer
  // and cut request bodies at 10 MB).
  async headers() {
    const headers = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ];
    if (process.env.NODE_ENV === "production") {
      headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    }
    return [
      { source: "/:path*", headers },
      // Share links (/s/<token>): the token is in the address, so no Referer may carry it and no crawler may
      // keep the page. Later entries win for the same header.
      {
        source: "/s/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow, noarchive" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
