// The data every template receives from Eleventy: the archive and the site settings as global
// data, plus the current pagination item under the template's alias.
import type { SiteConfig } from "../config.ts";
import type { Archive, ArchiveArticle, DayGroup, Feed, ListPage, MonthGroup, YearGroup } from "../index/archive.ts";

/** A story with its body as HTML (from the body store), as the story page and the feeds use it. */
export type StoryWithBody = ArchiveArticle & { bodyHtml: string };

/** A feed whose stories carry their bodies. */
export type FeedWithBodies = Omit<Feed, "items"> & { items: StoryWithBody[] };

/**
 * The pages written one per item whose content is a function of the item and the settings alone
 * (the archive resolves neighbours, counts and feeds into each item): the renderer can reuse an
 * unchanged one from the last build. These lists hold just the pages this run writes.
 */
export interface PagedItems {
  days: DayGroup[];
  months: MonthGroup[];
  years: YearGroup[];
  listPages: ListPage[];
}

/** Every paged item of the archive. */
export const pagedItems = (archive: Archive): PagedItems => ({
  days: archive.days,
  months: archive.months,
  years: archive.years,
  listPages: archive.listPages,
});

export interface TemplateData {
  archive: Archive;
  /** The paged pages this run writes (see `PagedItems`). */
  pages: PagedItems;
  site: SiteConfig;
  /** The stories whose pages this render pass writes, with their bodies. */
  articleSlice: StoryWithBody[];
  /** `archive.feeds` with the stories' bodies. */
  feeds: FeedWithBodies[];
  page: { url: string; outputPath: string | false };
}

/** A template that paginates `archive.<list>` one item at a time under the alias `item`. */
export type PageOf<T> = TemplateData & { item: T };

/**
 * What the story template receives: story runs in a render worker carry the settings and their
 * slice of stories but not the whole archive, and a story page needs nothing else.
 */
export type StoryPageData = Omit<TemplateData, "archive" | "feeds"> & { item: StoryWithBody };

/**
 * Front data of a template that writes one page per item of a global list (`"archive.days"`),
 * each at the item's own URL.
 */
export function pagePerItem(list: string): { pagination: { data: string; size: 1; alias: "item" }; permalink: (d: { item: { url: string } }) => string } {
  return {
    pagination: { data: list, size: 1, alias: "item" },
    permalink: (d) => `${d.item.url}index.html`,
  };
}
