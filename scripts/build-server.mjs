// Bundles the SalesMix server (src/serve/main.ts) into .next/salesmix-server/ (main.mjs), after `next build`;
// `npm run dev` (scripts/dev.mjs) bundles the same entry with the same options and watches it.
// Packages stay external when Next.js keeps them external too (next.config.js serverExternalPackages: native or
// WASM files), so the standalone build's traced node_modules has everything the bundle loads.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const nextConfig = require(path.join(root, "next.config.js"));

// The API runs outside Next.js's request scope, where next/headers, next/navigation and the like do not work:
// importing one is a build error, naming the importer. Next.js itself ("next") is loaded by main.ts.
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

/** The esbuild options of the server bundle written to `outdir` (relative to the app folder). */
export function serverBuildOptions(outdir) {
  return {
    absWorkingDir: root,
    entryPoints: ["src/serve/main.ts"],
    // The app's code loads in a chunk of its own, after Next.js has started (see src/serve/api.ts).
    outdir,
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
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // Chunk names change with their content: start from an empty folder.
  fs.rmSync(path.join(root, ".next", "salesmix-server"), { recursive: true, force: true });
  await build(serverBuildOptions(".next/salesmix-server"));
  console.info("Built .next/salesmix-server/main.mjs");
}
