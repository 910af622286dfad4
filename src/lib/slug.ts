/** A URL slug from an organization name: lower-case ASCII letters, digits and dashes, 3–48 characters. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base.length >= 3 ? base : `org-${base || "team"}`.slice(0, 40);
}

/** Paths under /o/ that could be confused with app routes are not slugs. */
export const RESERVED_SLUGS = new Set(["new", "api", "admin", "settings", "static", "public"]);
