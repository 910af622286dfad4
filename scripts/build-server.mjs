// Bundles the SalesMix server (src/server/serve/main.ts) into .next/salesmix-server/ (main.mjs), after `next build`.
// Packages stay external when Next.js keeps them external too (next.config.js serverExternalPackages: native or
// WASM files), so the standalone build's traced node_modules has everything the bundle loads.
import path from "node:path";
import { createRequire } from "node:module";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const nextConfig = require(path.join(root, "next.config.js"));

// `next` has no exports map, so an ES module must name its files: next/server → next/server.js.
const nextSubpathsWithExtension = {
  name: "next-subpaths",
  setup(b) {
    b.onResolve({ filter: /^next\/[\w/-]+$/ }, (args) => ({ path: `${args.path}.js`, external: true }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: ["src/server/serve/main.ts"],
  // The route handlers load in a chunk of their own, after Next.js has started (see src/server/serve/api.ts).
  outdir: ".next/salesmix-server",
  splitting: true,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  // `server-only` is empty under this condition, as in Next.js's server bundles.
  conditions: ["react-server"],
  external: ["next", "react", "react-dom", ...(nextConfig.serverExternalPackages ?? [])],
  // Bundled CommonJS packages call require().
  banner: {
    js: "import { createRequire as __salesmixRequire } from 'node:module'; const require = __salesmixRequire(import.meta.url);",
  },
  plugins: [nextSubpathsWithExtension],
  logLevel: "warning",
});
console.info("Built .next/salesmix-server/main.mjs");
