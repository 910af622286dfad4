import type { RepRole } from "@/lib/team/types";
import { MAX_ROLE_CHARS } from "./limits";

/**
 * Role synonyms. A cell is lower-cased, punctuation becomes spaces, filler words ("sales", "rep",
 * "representative", 销售, 人员 …) are dropped, and what is left is looked up here.
 *
 * SDR / BDR (sales and business development reps) read as inside: they prospect by phone, email and social
 * from a desk, which is what the article calls inside selling. Titles that say nothing about where the
 * selling happens (AE, account executive, account manager) are not guessed; they are an error.
 */
const ROLE_WORDS: Readonly<Record<RepRole, readonly string[]>> = {
  inside: [
    "inside",
    "in",
    "isr",
    "insides",
    "inside only",
    "internal",
    "remote",
    "virtual",
    "tele",
    "telesales",
    "telephone",
    "phone",
    "desk",
    "office",
    "sdr",
    "bdr",
    "sales development",
    "business development",
    "lead development",
    "inbound",
    "inside ae",
    // German exports (Innendienst / Außendienst: inside / field sales)
    "innendienst",
    "内部",
    "内勤",
    "电话",
    "电销",
    "内线",
    "坐席",
    "远程",
  ],
  outside: [
    "outside",
    "out",
    "osr",
    "field",
    "external",
    "territory",
    "in person",
    "face to face",
    "f2f",
    "on site",
    "onsite",
    "road",
    "field ae",
    "outside ae",
    "feet on street",
    "außendienst",
    "aussendienst",
    "外部",
    "外勤",
    "外出",
    "地面",
    "现场",
    "上门",
    "外线",
    "面访",
  ],
  hybrid: [
    "hybrid",
    "mixed",
    "both",
    "blended",
    "combo",
    "combination",
    "inside outside",
    "outside inside",
    "inside and outside",
    "outside and inside",
    "inside field",
    "field inside",
    "inside or outside",
    "混合",
    "两者",
    "内外勤",
    "内勤外勤",
    "内勤/外勤",
    "内外",
    "线上线下",
  ],
};

const FILLER_WORDS = new Set([
  "sales",
  "sale",
  "selling",
  "seller",
  "sellers",
  "rep",
  "reps",
  "representative",
  "representatives",
  "team",
  "role",
  "model",
  "person",
  "people",
  "agent",
  "agents",
  "executive",
  "only",
  "based",
  "the",
  "销售",
  "人员",
  "代表",
  "岗",
  "岗位",
  "团队",
  "模式",
  "型",
  "类",
]);

function roleKey(text: string): string {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[-_/.,&+()]|\band\b|\bor\b/g, " ")
    .replace(/(销售|人员|代表|岗位|团队|模式|型)/g, " $1 ")
    .split(/\s+/)
    .filter((word) => word !== "" && !FILLER_WORDS.has(word));
  return words.join(" ");
}

const ROLE_BY_KEY = new Map<string, RepRole>();
for (const role of Object.keys(ROLE_WORDS) as RepRole[]) {
  for (const word of ROLE_WORDS[role]) {
    const key = roleKey(word);
    if (!ROLE_BY_KEY.has(key)) ROLE_BY_KEY.set(key, role);
  }
}

export type RoleResult = { ok: true; role: RepRole } | { ok: false; message: string };

/** Files repeat a handful of spellings; remember their keys (bounded, so odd files cannot grow it). */
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 1_000;

function cachedRoleKey(text: string): string {
  let key = KEY_CACHE.get(text);
  if (key === undefined) {
    key = roleKey(text);
    if (KEY_CACHE.size < KEY_CACHE_LIMIT) KEY_CACHE.set(text, key);
  }
  return key;
}

export function parseRole(cell: string): RoleResult {
  const trimmed = cell.trim();
  if (trimmed === "") return { ok: false, message: "role is required (inside, outside or hybrid)" };
  const role = trimmed.length > MAX_ROLE_CHARS ? undefined : ROLE_BY_KEY.get(cachedRoleKey(trimmed));
  if (role) return { ok: true, role };
  return {
    ok: false,
    message: `"${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}" is not a role; write inside, outside or hybrid`,
  };
}

/** Exposed for the docs and tests: every spelling listed above, by role. */
export const ROLE_SYNONYMS = ROLE_WORDS;
