import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signUpViaApi, uniqueEmail } from "./helpers";

// The production server answers /api/v1, /api/trpc and /api/health with the HTTP API (src/server/http); these
// are the same handlers the integration tests call, here through real HTTP on the built server.
const fixture = fs.readFileSync(path.join(__dirname, "../fixtures/team-small.csv"));

test("the JSON API over HTTP: a key made in the app pushes a CSV and reads the report, compressed, with problem documents for mistakes", async ({
  playwright,
  request,
}) => {
  const slug = await signUpViaApi(request, { name: "Api", email: uniqueEmail("api"), org: "Api Co" });
  const created = await request.post("/api/trpc/apiKeys.create", {
    data: { json: { orgSlug: slug, name: "E2E sync", scope: "read_write" } },
  });
  expect(created.status(), await created.text()).toBe(200);
  const { key } = ((await created.json()) as { result: { data: { json: { key: string } } } }).result.data
    .json;
  expect(key).toBeTruthy();

  // A client of its own: the key is its only credential, no session cookie.
  const api = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  const noUpload = await api.get("/api/v1/report");
  expect(noUpload.status()).toBe(404);
  expect(noUpload.headers()["content-type"]).toContain("application/problem+json");
  expect(await noUpload.text()).toContain("No team has been uploaded yet");

  // The body streams from the socket into the import pipeline.
  const pushed = await api.post("/api/v1/imports?as_of=2026-10-31&period=Last%2030%20days", {
    headers: { "content-type": "text/csv" },
    data: fixture,
  });
  expect(pushed.status(), await pushed.text()).toBe(201);
  const { snapshotId, rowCount } = (await pushed.json()) as { snapshotId: string; rowCount: number };
  expect(rowCount).toBe(5);

  const report = await api.get("/api/v1/report", { headers: { "accept-encoding": "gzip" } });
  expect(report.status()).toBe(200);
  expect(report.headers()["content-encoding"]).toBe("gzip");
  expect(report.headers()["x-content-type-options"]).toBe("nosniff");
  expect(report.headers()["strict-transport-security"]).toContain("max-age=");
  const body = (await report.json()) as {
    organization: { slug: string };
    snapshot: { id: string; rowCount: number };
  };
  expect(body.organization.slug).toBe(slug);
  expect(body.snapshot).toMatchObject({ id: snapshotId, rowCount: 5 });

  // A path parameter reaches its handler decoded.
  const reps = await api.get(`/api/v1/imports/${snapshotId}/reps`);
  expect(reps.status()).toBe(200);
  expect(((await reps.json()) as { data: unknown[] }).data).toHaveLength(5);
  const notAnId = await api.get("/api/v1/imports/not%20an%20id/reps");
  expect(notAnId.status()).toBe(404);
  expect(notAnId.headers()["content-type"]).toContain("application/problem+json");

  // Unknown API paths answer with a problem document; Next.js still normalizes a trailing slash and answers HEAD.
  const unknown = await api.get("/api/v1/nothing-here");
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-type"]).toContain("application/problem+json");
  const slash = await api.get("/api/v1/report/", { maxRedirects: 0 });
  expect(slash.status()).toBe(308);
  expect(slash.headers()["location"]).toBe("/api/v1/report");
  const head = await api.head("/api/v1/benchmarks");
  expect(head.status()).toBe(200);

  // A wrong key is refused, and a malformed body named.
  const wrongKey = await request.get("/api/v1/report", {
    headers: { authorization: "Bearer sm_live_wrong" },
  });
  expect(wrongKey.status()).toBe(401);
  const notCsv = await api.post("/api/v1/imports?as_of=2026-10-31&period=Last%2030%20days", {
    headers: { "content-type": "text/csv" },
    data: Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]),
  });
  expect(notCsv.status()).toBeGreaterThanOrEqual(400);
  expect(notCsv.status()).toBeLessThan(500);
  expect(notCsv.headers()["content-type"]).toContain("application/problem+json");
  await api.dispose();
});
