// Inside a render worker: one Eleventy run over the story template per message, for the slice of
// stories it carries; the number of pages written is posted back with the message's id.
import { parentPort } from "node:worker_threads";
import type { SiteConfig } from "../config.ts";
import type { ArchiveArticle } from "../index/archive.ts";
import { ARTICLE_TEMPLATE, runEleventy } from "./site.ts";

interface Request {
  id: number;
  outputDir: string;
  site: SiteConfig;
  articleSlice: ArchiveArticle[];
}

parentPort?.on("message", ({ id, outputDir, site, articleSlice }: Request) => {
  runEleventy(ARTICLE_TEMPLATE, outputDir, { site, articleSlice }).then(
    (pages) => parentPort?.postMessage({ id, pages }),
    (error: unknown) => parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
