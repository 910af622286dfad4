import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import path from "node:path";
import drizzle from "eslint-plugin-drizzle";

const PROCESS_STATE_TYPES = "/^(Map|Set|WeakMap|WeakSet|LRUCache)$/";
const MODULE_STATE_MESSAGE =
  "No module-level state in src/server: keep caches, limiters and handles in src/server/state.ts (the services are loaded twice in one process).";

/**
 * The layers, top to bottom: src/serve (the server process) → src/app (pages, route handlers) → src/components →
 * src/trpc → src/server → src/lib. An import may only point down.
 */
const LAYER_MESSAGE = "Imports point down the layers: serve → app → components → trpc → server → lib.";
const LAYER_ZONES = [
  {
    target: "./src/lib",
    from: ["./src/server", "./src/trpc", "./src/components", "./src/app", "./src/serve"],
  },
  { target: "./src/server", from: ["./src/trpc", "./src/components", "./src/app", "./src/serve"] },
  { target: "./src/trpc", from: ["./src/components", "./src/app", "./src/serve"] },
  { target: "./src/components", from: ["./src/server", "./src/app", "./src/serve"] },
  { target: "./src/app", from: ["./src/serve"] },
].map((zone) => ({ ...zone, message: LAYER_MESSAGE }));

const SERVER_DIR = path.resolve(import.meta.dirname, "src/server");
const SERVER_IMPORT = /^@\/(server|trpc\/server)(\/|\.|$)/;

/**
 * A client component ("use client") runs in the browser: it takes data from props or tRPC and types from src/lib
 * (or the router's types from src/trpc/types.ts), never anything from src/server, not even a type.
 */
const layers = {
  rules: {
    "client-imports": {
      meta: {
        type: "problem",
        messages: {
          server:
            "A client component takes no import from src/server (not even a type): move the type to src/lib, or use RouterOutputs from @/trpc/types.",
        },
      },
      create(context) {
        let client = false;
        const check = (node) => {
          const source = node.source?.value;
          if (!client || typeof source !== "string") return;
          const resolved = source.startsWith(".")
            ? path.resolve(path.dirname(context.filename), source)
            : null;
          if (SERVER_IMPORT.test(source) || resolved?.startsWith(SERVER_DIR + path.sep))
            context.report({ node: node.source, messageId: "server" });
        };
        return {
          Program(program) {
            client = program.body.some(
              (s) => s.type === "ExpressionStatement" && s.directive === "use client",
            );
          },
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
        };
      },
    },
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without `where` would touch every tenant's rows.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["info", "warn", "error"] }],
    },
  },
  {
    // Process-level state lives in src/server/state.ts only: the services are loaded twice in one process (Next.js's
    // bundle and the SalesMix server's), so a module-level cache, limiter or handle would exist twice.
    files: ["src/server/**/*.{ts,tsx}"],
    ignores: ["src/server/state.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: `NewExpression[callee.name=${PROCESS_STATE_TYPES}]:not(:function NewExpression, PropertyDefinition[static!=true] NewExpression)`,
          message: MODULE_STATE_MESSAGE,
        },
        {
          selector:
            "Program > VariableDeclaration[kind!='const'], Program > ExportNamedDeclaration > VariableDeclaration[kind!='const']",
          message: MODULE_STATE_MESSAGE,
        },
        { selector: "Identifier[name='globalThis']", message: MODULE_STATE_MESSAGE },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { layers },
    // Cycles are looked for in the app's own files; packages are not parsed.
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      "import/no-restricted-paths": ["error", { zones: LAYER_ZONES }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // src/trpc/react.tsx is the client's end of the router and types it with AppRouter: that is its layer's job.
    files: ["src/app/**/*.{ts,tsx}", "src/components/**/*.{ts,tsx}"],
    plugins: { layers },
    rules: { "layers/client-imports": "error" },
  },
  {
    // Services know nothing of React or Next.js's navigation: pages decide what a refusal looks like.
    files: ["src/server/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["react", "react-dom", "next/navigation", "next/link", "next/router"].map((name) => ({
            name,
            message:
              "src/server serves every transport; React and page navigation belong to src/app and src/trpc.",
          })),
        },
      ],
    },
  },
  {
    files: ["scripts/**", "tests/**"],
    rules: { "no-console": "off" },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "drizzle/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
