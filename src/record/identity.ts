// Stable identity of a story: its id (from the archive day and the normalised headline, so a
// re-scraped or renamed dump keeps its id) and its URL slug.
import { createHash } from "node:crypto";

/** Headline in the form two dumps of the same story agree on: case, quotes, dashes, spacing. */
export function normaliseHeadline(title: string): string {
  return title
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/['"]/g, "")
    .replace(/\s*-\s*/g, " - ")
    .replace(/\s+/g, " ")
    .trim();
}

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** 12 hex digits of sha256 over day (or "undated") and normalised headline. */
export function storyId(date: string | null, title: string): string {
  return sha256(`${date ?? "undated"}\n${normaliseHeadline(title)}`).slice(0, 12);
}

/** Longest slug kept, in characters; cut at a word boundary. */
const MAX_SLUG = 80;

/**
 * URL-safe slug of a headline or name: Latin letters lose their accents, everything else that is
 * not a-z or 0-9 becomes a hyphen. Text with no Latin letters (Cyrillic, CJK) gives `fallback`.
 * Never contains `/` or `..`, so no headline can write outside the output folder.
 */
export function slugify(title: string, fallback: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (base.length === 0) return fallback;
  if (base.length <= MAX_SLUG) return base;
  const cut = base.slice(0, MAX_SLUG);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}
