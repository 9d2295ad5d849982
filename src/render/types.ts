// The data every template receives from Eleventy: the archive and the site settings as global
// data, plus the current pagination item under the template's alias.
import type { SiteConfig } from "../config.ts";
import type { Archive } from "../index/archive.ts";

export interface TemplateData {
  archive: Archive;
  site: SiteConfig;
  /** The stories whose pages this render pass writes. */
  articleSlice: Archive["articles"];
  page: { url: string; outputPath: string | false };
}

/** A template that paginates `archive.<list>` one item at a time under the alias `item`. */
export type PageOf<T> = TemplateData & { item: T };

/**
 * What the story template receives: story runs in a render worker carry the settings and their
 * slice of stories but not the whole archive, and a story page needs nothing else.
 */
export type StoryPageData = Omit<TemplateData, "archive"> & { item: Archive["articles"][number] };

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
