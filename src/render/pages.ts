// The list of every HTML page the site has, derived from the archive: the sitemap is made from it
// and the end-to-end test checks it against the files written.
import path from "node:path";
import type { Archive } from "../index/archive.ts";

/** The file a page is written to, under `dir`. */
export const pageFile = (dir: string, url: string): string => path.join(dir, url, "index.html");

export interface SitePage {
  url: string;
  /** `YYYY-MM-DD` or full ISO date of the last change, for stories. */
  lastmod: string | null;
}

/** Every indexable HTML page (not the 404 or the build report), in a fixed order. */
export function sitePages(archive: Archive): SitePage[] {
  const page = (url: string): SitePage => ({ url, lastmod: null });
  return [
    page("/"),
    page("/archive/"),
    page("/section/"),
    page("/tag/"),
    page("/search/"),
    ...(archive.undated.length ? [page("/undated/")] : []),
    ...archive.years.map((y) => page(y.url)),
    ...archive.months.map((m) => page(m.url)),
    ...archive.days.map((d) => page(d.url)),
    ...archive.tagIndex.letterPages.map((l) => page(l.url)),
    ...archive.listPages.map((p) => page(p.url)),
    ...archive.articles.map((a) => ({ url: a.url, lastmod: a.updated ?? a.published ?? a.date })),
  ];
}
