// Eleventy wiring only: templates are TypeScript render functions (`*.11ty.ts`, run through tsx, or
// compiled to `*.11ty.js` in dist/), the archive index and site settings are global data.
// `renderSite` passes both in; run standalone
// (`node --import tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts`) the config builds
// them itself from the records in the content folder.
import { loadStandaloneData } from "./src/standalone.ts";
import { pagedItems } from "./src/render/types.ts";

interface EleventyUserConfig {
  globalData: Record<string, unknown>;
  addGlobalData(name: string, value: unknown): void;
  addExtension(ext: string, options: { key: string }): void;
  addTemplateFormats(formats: string): void;
  setTemplateFormats(formats: string[]): void;
  setQuietMode(quiet: boolean): void;
  setUseGitIgnore(use: boolean): void;
}

/** The compiled copy (dist/, src/compile.ts) has JavaScript templates, which Eleventy reads as they are. */
const COMPILED = import.meta.url.endsWith(".js");

export default function (eleventyConfig: EleventyUserConfig) {
  if (!COMPILED) eleventyConfig.addExtension("11ty.ts", { key: "11ty.js" });
  eleventyConfig.setTemplateFormats([COMPILED ? "11ty.js" : "11ty.ts"]);
  // The compiled templates sit in dist/, which .gitignore lists; Eleventy skips what it lists.
  eleventyConfig.setUseGitIgnore(false);
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
