// Bundles the SalesMix server (src/serve/main.ts) into .next/salesmix-server/ (main.mjs), after `next build`.
// Packages stay external when Next.js keeps them external too (next.config.js serverExternalPackages: native or
// WASM files), so the standalone build's traced node_modules has everything the bundle loads.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const nextConfig = require(path.join(root, "next.config.js"));

// The handlers run outside Next.js's request scope, where next/headers, next/navigation and the like do not work
// (and a standalone build does not ship those files): importing one is a build error, naming the importer.
const noNextImports = {
  name: "no-next-imports",
  setup(b) {
    b.onResolve({ filter: /^next\// }, (args) => ({
      errors: [
        {
          text: `${path.relative(root, args.importer)} imports ${args.path}, which only works inside Next.js; the SalesMix server runs this code outside it (src/serve).`,
        },
      ],
    }));
  },
};

// Chunk names change with their content: start from an empty folder.
fs.rmSync(path.join(root, ".next", "salesmix-server"), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: ["src/serve/main.ts"],
  // The route handlers load in a chunk of their own, after Next.js has started (see src/serve/api.ts).
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
  plugins: [noNextImports],
  logLevel: "warning",
});
console.info("Built .next/salesmix-server/main.mjs");
