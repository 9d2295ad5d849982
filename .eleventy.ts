// Eleventy wiring only: templates are TypeScript render functions (`*.11ty.ts`, run through tsx),
// the archive index and site settings are global data. `renderSite` passes both in; run
// standalone (`node --import tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts`) the
// config builds them itself from the records in the content folder.
import { loadStandaloneData } from "./src/standalone.ts";
import { pagedItems } from "./src/render/types.ts";

interface EleventyUserConfig {
  globalData: Record<string, unknown>;
  addGlobalData(name: string, value: unknown): void;
  addExtension(ext: string, options: { key: string }): void;
  addTemplateFormats(formats: string): void;
  setTemplateFormats(formats: string[]): void;
  setQuietMode(quiet: boolean): void;
}

export default function (eleventyConfig: EleventyUserConfig) {
  eleventyConfig.addExtension("11ty.ts", { key: "11ty.js" });
  eleventyConfig.setTemplateFormats(["11ty.ts"]);
  eleventyConfig.setQuietMode(true);
  // Collections cost ~3 ms a page at 10k pages and nothing here uses them.
  eleventyConfig.addGlobalData("eleventyExcludeFromCollections", true);
  // `renderSite` passes the settings, the archive (story-only runs need none) and its own folders
  // (which a returned `dir` would override).
  if ("site" in eleventyConfig.globalData) return {};
  eleventyConfig.addGlobalData("archive", async () => (await loadStandaloneData()).archive);
  eleventyConfig.addGlobalData("pages", async () => pagedItems((await loadStandaloneData()).archive));
  eleventyConfig.addGlobalData("site", async () => (await loadStandaloneData()).site);
  eleventyConfig.addGlobalData("articleSlice", async () => (await loadStandaloneData()).articles);
  eleventyConfig.addGlobalData("feeds", async () => (await loadStandaloneData()).feeds);
  return { dir: { input: "templates", output: "_site" } };
}
