// Global data for running Eleventy on its own with `.eleventy.ts` (no `renderSite` caller):
// settings from morgue.config.json, records through the build's ingest, the archive index, and
// every story with its body (a standalone run renders them all at once).
import { loadConfig, type SiteConfig } from "./config.ts";
import { emptyReport } from "./report.ts";
import type { Archive } from "./index/archive.ts";
import { index, ingest } from "./pipeline.ts";
import { feedsWithBodies, withBodies } from "./render/site.ts";
import type { FeedWithBodies, StoryWithBody } from "./render/types.ts";

interface StandaloneData {
  site: SiteConfig;
  archive: Archive;
  articles: StoryWithBody[];
  feeds: FeedWithBodies[];
}

let pending: Promise<StandaloneData> | null = null;

/** Reads the content folder once per process, the way `build()` does before it renders. */
export function loadStandaloneData(): Promise<StandaloneData> {
  pending ??= (async () => {
    const site = await loadConfig();
    const report = emptyReport();
    const ingested = await ingest(site.contentDir, { timezone: site.timezone, reuse: true }, report);
    const archive = await index(ingested, report, site);
    const data = { site, archive, articles: await withBodies(archive.articles, ingested.bodies), feeds: await feedsWithBodies(archive, ingested.bodies) };
    ingested.bodies.close();
    return data;
  })();
  return pending;
}
