// Global data for running Eleventy on its own with `.eleventy.ts` (no `renderSite` caller):
// settings from morgue.config.json, records through the build's loader, the archive index.
import { existsSync, readFileSync } from "node:fs";
import { resolveConfig, type SiteConfig } from "../config.ts";
import { emptyReport, type BuildReport } from "../report.ts";
import { buildArchive, type Archive } from "../index/archive.ts";
import type { ArticleRecord } from "../record/schema.ts";

type RecordLoader = (contentDir: string, config: SiteConfig) => Promise<{ records: ArticleRecord[]; report: BuildReport }>;

let pending: Promise<{ site: SiteConfig; archive: Archive }> | null = null;

/** Loads once per process; an archive with no stories when the build exposes no record loader. */
export function loadStandaloneData(): Promise<{ site: SiteConfig; archive: Archive }> {
  pending ??= (async () => {
    const site = resolveConfig(existsSync("morgue.config.json") ? JSON.parse(readFileSync("morgue.config.json", "utf8")) : {});
    const build: { loadRecords?: RecordLoader } = await import("../build.ts").catch(() => ({}));
    const { records, report } = build.loadRecords
      ? await build.loadRecords(site.contentDir, site)
      : { records: [], report: emptyReport() };
    return { site, archive: buildArchive(records, report, site) };
  })();
  return pending;
}
