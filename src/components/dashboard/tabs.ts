/**
 * The overview's sections behind tabs; the tab is in the URL (?tab=), so a link or a reload keeps it. Labels are
 * in the catalogue under overview.tabs.<id>.
 */
export const OVERVIEW_TABS = [
  { id: "composition" },
  { id: "activity" },
  { id: "pay-quota" },
  { id: "deals" },
  { id: "by-role" },
] as const;
export type OverviewTab = (typeof OVERVIEW_TABS)[number]["id"];

export function overviewTab(value: string | null | undefined): OverviewTab {
  return OVERVIEW_TABS.find((t) => t.id === value)?.id ?? "composition";
}

/** Which tab holds a figure's table. */
export function tabOfFigure(figureId: string): OverviewTab {
  if (figureId.startsWith("activity.")) return "activity";
  if (figureId.startsWith("pay.") || figureId.startsWith("quota.")) return "pay-quota";
  if (figureId.startsWith("deal.")) return "deals";
  return "composition";
}

/** The overview's address for a tab, keeping the team and title filters. */
export function tabHref(
  slug: string,
  filter: { team: string | null; title: string | null },
  tab: OverviewTab,
  anchor?: string,
) {
  const params = new URLSearchParams();
  if (filter.team) params.set("team", filter.team);
  if (filter.title) params.set("title", filter.title);
  params.set("tab", tab);
  return `/o/${slug}?${params.toString()}${anchor ? `#${anchor}` : ""}`;
}
