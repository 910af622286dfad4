/** Types of scripts/app-build.mjs for the TypeScript that imports it (the load benchmark). */
export const SERVER_ENTRY: string;
export function buildApp(env?: Record<string, string | undefined>): number;
