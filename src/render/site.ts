// Archive -> files: runs Eleventy 3 over the templates with the archive as global data. The one
// place rendering touches the file system besides the search index.
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { SiteConfig } from "../config.ts";
import type { Archive } from "../index/archive.ts";

const root = new URL("../../", import.meta.url);
/** Where the page templates live; resolved from this file so the CLI works from any directory. */
export const TEMPLATES_DIR = fileURLToPath(new URL("templates/", root));
export const ELEVENTY_CONFIG = fileURLToPath(new URL(".eleventy.ts", root));
const ARTICLE_TEMPLATE = fileURLToPath(new URL("templates/article.11ty.ts", root));

interface EleventyUserConfig {
  addGlobalData(name: string, value: unknown): void;
}

interface EleventyResult {
  outputPath?: string | false;
}

/**
 * Story pages per Eleventy run. Eleventy keeps every page it renders in memory until the run ends;
 * rendering in slices bounds that, so 100,000 stories fit in a few GB (a single run ran out of heap
 * there). Measured at 10,000 stories, render took 16.7 s in slices of 5,000, 11.6 s of 2,500 and
 * 13.5 s of 1,000 (less garbage to collect, against a fixed cost per run). The first run writes
 * every other page too.
 */
export const ARTICLES_PER_RUN = 2500;

async function runEleventy(input: string, outputDir: string, globals: Record<string, unknown>): Promise<number> {
  const eleventy = new Eleventy(input, outputDir, {
    configPath: ELEVENTY_CONFIG,
    quietMode: true,
    config: (eleventyConfig: EleventyUserConfig) => {
      for (const [name, value] of Object.entries(globals)) eleventyConfig.addGlobalData(name, value);
    },
  });
  eleventy.disableLogger();
  const result = (await eleventy.write()) as unknown as [unknown, EleventyResult[]];
  return result[1].filter((t) => typeof t.outputPath === "string").length;
}

/**
 * Writes every page of the archive to `outputDir` and returns how many files were written.
 * Quiet: Eleventy's logger is off; errors are thrown.
 */
export async function renderSite(
  archive: Archive,
  config: SiteConfig,
  outputDir: string,
  {
    articlesPerRun = ARTICLES_PER_RUN,
    progress,
  }: { articlesPerRun?: number; progress?: (stage: string, done: number, total: number) => void } = {},
): Promise<{ pages: number }> {
  const globals = { archive, site: config };
  const total = archive.articles.length;
  let pages = await runEleventy(TEMPLATES_DIR, outputDir, { ...globals, articleSlice: archive.articles.slice(0, articlesPerRun) });
  progress?.("render stories", Math.min(articlesPerRun, total), total);
  for (let start = articlesPerRun; start < total; start += articlesPerRun) {
    const articleSlice = archive.articles.slice(start, start + articlesPerRun);
    pages += await runEleventy(ARTICLE_TEMPLATE, outputDir, { ...globals, articleSlice });
    progress?.("render stories", start + articleSlice.length, total);
  }
  return { pages };
}
