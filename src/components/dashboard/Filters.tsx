"use client";
import { useRouter, useSearchParams, usePathname } from "next/navigation";
import { useId } from "react";

/** Team and title filters; they live in the URL so a filtered view can be shared and reloaded. */
export function Filters({
  teams,
  titles,
  team,
  title,
}: {
  teams: string[];
  titles: string[];
  team: string | null;
  title: string | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const teamId = useId();
  const titleId = useId();
  if (teams.length === 0 && titles.length === 0) return null;
  const set = (key: "team" | "title", value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.push(`${pathname}${next.size ? `?${next}` : ""}`);
  };
  return (
    <div className="no-print flex flex-wrap items-end gap-3" role="search" aria-label="Filter the dashboard">
      {teams.length ? (
        <div>
          <label htmlFor={teamId} className="field-label">
            Team / segment
          </label>
          <select
            id={teamId}
            className="field-input"
            value={team ?? ""}
            onChange={(e) => set("team", e.target.value)}
          >
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {titles.length ? (
        <div>
          <label htmlFor={titleId} className="field-label">
            Title
          </label>
          <select
            id={titleId}
            className="field-input"
            value={title ?? ""}
            onChange={(e) => set("title", e.target.value)}
          >
            <option value="">All titles</option>
            {titles.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {team || title ? (
        <button type="button" className="btn-secondary" onClick={() => router.push(pathname)}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
