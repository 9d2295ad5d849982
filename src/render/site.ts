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

interface EleventyUserConfig {
  addGlobalData(name: string, value: unknown): void;
}

interface EleventyResult {
  outputPath?: string | false;
}

/**
 * Writes every page of the archive to `outputDir` and returns how many files were written.
 * Quiet: Eleventy's logger is off; errors are thrown.
 */
export async function renderSite(archive: Archive, config: SiteConfig, outputDir: string): Promise<{ pages: number }> {
  const eleventy = new Eleventy(TEMPLATES_DIR, outputDir, {
    configPath: ELEVENTY_CONFIG,
    quietMode: true,
    config: (eleventyConfig: EleventyUserConfig) => {
      eleventyConfig.addGlobalData("archive", archive);
      eleventyConfig.addGlobalData("site", config);
    },
  });
  eleventy.disableLogger();
  const result = (await eleventy.write()) as unknown as [unknown, EleventyResult[]];
  const pages = result[1].filter((t) => typeof t.outputPath === "string").length;
  return { pages };
}
