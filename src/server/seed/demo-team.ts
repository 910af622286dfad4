/**
 * The demo organization's two team files, generated deterministically (same output on every start): a
 * 40-rep B2B team a year ago, mostly field, and today, with several field reps moved to inside and hybrid roles.
 * They go through the real import service like any upload.
 */

function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FIRST = [
  "Ana",
  "Ben",
  "Chloe",
  "Dev",
  "Eva",
  "Finn",
  "Gia",
  "Hugo",
  "Iris",
  "Jon",
  "Kai",
  "Lena",
  "Milo",
  "Nora",
  "Omar",
  "Pia",
  "Quinn",
  "Rosa",
  "Sam",
  "Tara",
];
const LAST = ["Ruiz", "Okafor", "Park", "Shah", "Lindqvist", "Moreau", "Rossi", "Novak", "Tanaka", "Weber"];

type Role = "inside" | "outside" | "hybrid";

interface DemoRep {
  name: string;
  email: string;
  role: Role;
  title: string;
  team: string;
}

function roster(): DemoRep[] {
  const reps: DemoRep[] = [];
  for (let i = 0; i < 40; i++) {
    const first = FIRST[i % FIRST.length] ?? "Rep";
    const last = LAST[Math.floor(i / 4) % LAST.length] ?? "Demo";
    reps.push({
      name: `${first} ${last}`,
      email: `${first}.${last}${i}@northwind.example`.toLowerCase(),
      // A year ago: 12 inside, 26 outside, 2 hybrid.
      role: i < 12 ? "inside" : i < 38 ? "outside" : "hybrid",
      title: i < 6 ? "SDR" : i < 12 ? "Account Executive" : i < 30 ? "Account Executive" : "Account Manager",
      team: i % 3 === 0 ? "Enterprise" : i % 3 === 1 ? "Mid-Market" : "SMB",
    });
  }
  return reps;
}

function row(rep: DemoRep, rand: () => number, year: 0 | 1) {
  const r = (lo: number, hi: number) => Math.round(lo + rand() * (hi - lo));
  // Money as a CRM exports it: "$42,833", quoted because of the thousands separator.
  const money = (n: number) => `"$${n.toLocaleString("en-US")}"`;
  const inside = rep.role === "inside";
  const outside = rep.role === "outside";
  const base = inside ? r(40_000, 48_000) : outside ? r(56_000, 66_000) : r(50_000, 58_000);
  const ote = inside ? r(88_000, 102_000) : outside ? r(98_000, 112_000) : r(94_000, 106_000);
  const quota = inside ? r(500, 700) * 1000 : outside ? r(750, 950) * 1000 : r(600, 800) * 1000;
  const attainment = (inside ? r(70, 130) : outside ? r(60, 120) : r(65, 125)) + year * 4;
  const calls = inside ? r(380, 520) : outside ? r(180, 300) : r(260, 380);
  const social = inside ? r(70, 120) : outside ? r(25, 50) : r(45, 80);
  const deal = inside ? r(7, 14) * 1000 : outside ? r(28, 46) * 1000 : r(16, 26) * 1000;
  return [
    rep.name,
    rep.email,
    rep.role === "inside" ? "Inside Sales" : rep.role === "outside" ? "Field Sales" : "Hybrid",
    rep.title,
    rep.team,
    money(base),
    money(ote),
    money(quota),
    `${attainment}%`,
    calls,
    Math.round(calls * 0.22),
    inside ? r(900, 1200) : r(500, 800),
    social,
    inside ? r(25, 40) : r(35, 60),
    inside ? r(8, 14) : r(3, 7),
    money(deal),
    inside ? r(25, 45) : outside ? r(80, 130) : r(50, 80),
    inside ? r(1, 3) : r(3, 6),
    inside ? "95%" : outside ? `${r(35, 55)}%` : `${r(60, 80)}%`,
  ].join(",");
}

const HEADER =
  "Full Name,Work Email,Sales Role,Job Title,Segment,Base Salary,OTE,Annual Quota,% to Quota,Calls,Voicemails,Emails Sent,LinkedIn Touches,Meetings,Closed Won,Avg Deal Size,Sales Cycle (days),Decision Makers,% Remote";

/** The team a year before `asOf`, and today's, where 8 field reps became inside and 6 became hybrid. */
export function demoTeamFiles(): { lastYear: string; today: string } {
  const lastYear = roster();
  const today = lastYear.map((rep, i): DemoRep => {
    if (rep.role !== "outside") return rep;
    if (i >= 12 && i < 20) return { ...rep, role: "inside", title: "Account Executive" };
    if (i >= 20 && i < 26) return { ...rep, role: "hybrid" };
    return rep;
  });
  const rand1 = seededRandom(2025);
  const rand2 = seededRandom(2026);
  return {
    lastYear: [HEADER, ...lastYear.map((r) => row(r, rand1, 0))].join("\r\n") + "\r\n",
    today: [HEADER, ...today.map((r) => row(r, rand2, 1))].join("\r\n") + "\r\n",
  };
}
