// The seeded demo login (see src/server/seed/demo.ts and the README).
export const DEMO = { email: "demo@salesmix.app", password: "salesmix-demo-2026" };
