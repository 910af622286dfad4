/** Types of scripts/cluster.mjs for the TypeScript that imports it (tests). */
export function workerCount(env?: Record<string, string | undefined>): number;
export function workerCountOrExit(): number;
export function runCluster(entry: string, args: string[], workers: number): Promise<number>;
