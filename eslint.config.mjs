import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const PROCESS_STATE_TYPES = "/^(Map|Set|WeakMap|WeakSet|LRUCache)$/";
const MODULE_STATE_MESSAGE =
  "No module-level state in src/server: keep caches, limiters and handles in src/server/state.ts (the services are loaded twice in one process).";

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
    // main.ts is the process's entry point, loaded once.
    ignores: ["src/server/state.ts", "src/server/serve/main.ts"],
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
