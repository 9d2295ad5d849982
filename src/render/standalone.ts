// Global data for running Eleventy on its own with `.eleventy.ts` (no `renderSite` caller):
// settings from morgue.config.json, records through the build's ingest, the archive index.
import { existsSync, readFileSync } from "node:fs";
import { resolveConfig, type SiteConfig } from "../config.ts";
import { emptyReport } from "../report.ts";
import type { Archive } from "../index/archive.ts";
import { index, ingest } from "../build.ts";

let pending: Promise<{ site: SiteConfig; archive: Archive }> | null = null;

/** Reads the content folder once per process, the way `build()` does before it renders. */
export function loadStandaloneData(): Promise<{ site: SiteConfig; archive: Archive }> {
  pending ??= (async () => {
    const site = resolveConfig(existsSync("morgue.config.json") ? JSON.parse(readFileSync("morgue.config.json", "utf8")) : {});
    const report = emptyReport();
    const ingested = await ingest(site.contentDir, { timezone: site.timezone, reuse: true }, report);
    return { site, archive: index(ingested, report, site) };
  })();
  return pending;
}
