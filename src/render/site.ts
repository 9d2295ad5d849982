// Archive -> files: runs Eleventy 3 over the templates with the archive as global data. The one
// place rendering touches the file system besides the search index. Pages whose inputs did not
// change since the last build are not rendered again: left in that build's site when the new
// pages will be moved into it, hard-linked from it when the site is written whole.
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import "./eleventy-env.ts";
import Eleventy from "@11ty/eleventy";
import type { SiteConfig } from "../config.ts";
import type { Archive, ArchiveArticle, ArticleLink } from "../index/archive.ts";
import type { BodyStore } from "../ingest/body-store.ts";
import * as io from "../io.ts";
import { inLanes } from "../lanes.ts";
import { pageFile } from "./pages.ts";
import { ASIDE, indexedPart } from "./search.ts";
import { pagedItems, type FeedWithBodies, type PagedItems, type StoryWithBody } from "./types.ts";

const root = new URL("../../", import.meta.url);
/** "js" in the compiled copy (dist/, src/compile.ts), whose templates and config are JavaScript; "ts" from the sources. */
const EXT = import.meta.url.endsWith(".js") ? "js" : "ts";
/** Where the page templates live; resolved from this file so the CLI works from any directory. */
export const TEMPLATES_DIR = fileURLToPath(new URL("templates/", root));
export const ELEVENTY_CONFIG = fileURLToPath(new URL(`.eleventy.${EXT}`, root));
const ARTICLE_TEMPLATE = fileURLToPath(new URL(`templates/article.11ty.${EXT}`, root));

interface EleventyUserConfig {
  addGlobalData(name: string, value: unknown): void;
}

interface EleventyPage {
  outputPath: string | false;
  content: string;
}

/**
 * Story pages (and paged pages, see `pagedRuns`) per Eleventy run. Eleventy keeps every page it
 * renders in memory until the run ends; rendering in slices bounds that, so 100,000 stories fit in
 * a few GB (a single run ran out of heap there). Measured at 10,000 stories, render took 16.7 s in
 * slices of 5,000, 11.6 s of 2,500 and 13.5 s of 1,000 (less garbage to collect, against a fixed
 * cost per run). The first run also writes the pages made from the whole archive.
 */
export const ARTICLES_PER_RUN = 2500;

/** The template of each kind of paged page (`PagedItems`), run on its own for slices after the first. */
const PAGED_TEMPLATES: Record<keyof PagedItems, string> = { years: `year.11ty.${EXT}`, months: `month.11ty.${EXT}`, days: `day.11ty.${EXT}`, listPages: `list.11ty.${EXT}` };
const NO_PAGES: PagedItems = { years: [], months: [], days: [], listPages: [] };

/**
 * Paged pages in runs of at most `perRun`, like stories: the bench's 100,000-story archive has
 * about 9,700 pages besides its stories, and with all of them in the first run its peak RSS was
 * 4,048 MB; in runs of 2,500, 3,534 MB (`npm run bench -- --articles 100000 --cold-only`). The
 * first run takes what fits, in the order years, months, days, list pages; the rest of
 * each kind goes in runs of its template alone. An everyday build's few changed pages fit in the
 * first run.
 */
export function pagedRuns(pages: PagedItems, perRun: number): { first: PagedItems; rest: { kind: keyof PagedItems; items: PagedItems[keyof PagedItems] }[] } {
  const first: PagedItems = { ...NO_PAGES };
  const rest: { kind: keyof PagedItems; items: PagedItems[keyof PagedItems] }[] = [];
  let room = perRun;
  for (const kind of Object.keys(PAGED_TEMPLATES) as (keyof PagedItems)[]) {
    const items = pages[kind];
    const taken = Math.min(room, items.length);
    (first as Record<keyof PagedItems, unknown[]>)[kind] = items.slice(0, taken);
    room -= taken;
    for (let start = taken; start < items.length; start += perRun) rest.push({ kind, items: items.slice(start, start + perRun) as PagedItems[keyof PagedItems] });
  }
  return { first, rest };
}

/**
 * Runs Eleventy over `input` (a folder or one template) with `globals` as global data, one run at
 * a time: Eleventy renders (`toJSON`) and `io.writeFiles` writes the pages off this thread while
 * the next run renders; a run starts only when the run before the last is written, so at most
 * two runs' pages are in memory. `finish` waits for the last writes and returns every file
 * written, relative to `outputDir`, in order.
 */
function eleventyRuns(outputDir: string): { run(input: string, globals: Record<string, unknown>): Promise<string[]>; finish(): Promise<string[]> } {
  const written: string[] = [];
  let writing: Promise<void> = Promise.resolve();
  return {
    async run(input, globals) {
      // A run that fails waits for the writes in flight, so nothing is written after it returns.
      const files = await renderEleventy(input, outputDir, globals).catch(async (error: unknown) => {
        await writing.catch(() => {});
        throw error;
      });
      await writing;
      writing = io.writeFiles(outputDir, files);
      writing.catch(() => {});
      const paths = files.map((f) => f.path);
      written.push(...paths);
      return paths;
    },
    async finish() {
      await writing;
      return written;
    },
  };
}

/** One Eleventy run, rendered into memory: each page's file, relative to `outputDir`, and its content. */
async function renderEleventy(input: string, outputDir: string, globals: Record<string, unknown>): Promise<{ path: string; content: string }[]> {
  const options = {
    configPath: ELEVENTY_CONFIG,
    // Our templates are ES modules. Left to "auto", Eleventy reads the package.json of the folder
    // morgue runs in, and from a folder without one ("type" not "module") it loads them as
    // CommonJS and finds no template in any of them. (Eleventy 3 reads `loader`; its JSDoc type
    // of the options leaves it out, hence the options are not an object literal here.)
    loader: "esm",
    quietMode: true,
    config: (eleventyConfig: EleventyUserConfig) => {
      for (const [name, value] of Object.entries(globals)) eleventyConfig.addGlobalData(name, value);
    },
  };
  const eleventy = new Eleventy(input, outputDir, options);
  eleventy.disableLogger();
  const rendered = (await eleventy.toJSON()) as unknown as EleventyPage[];
  return rendered.flatMap((page) => (typeof page.outputPath === "string" ? [{ path: path.relative(outputDir, path.resolve(page.outputPath)), content: page.content }] : []));
}

/** A page as the last build left it: what it was made from, and its file's stamp. */
export interface BuiltPage {
  /** Digest of everything the page is made from: its index entry, the settings, the render code. */
  fingerprint: string;
  /** `io.outputStamp` of the file when the build finished. */
  stamp: string;
}

/** The fingerprinted pages of a finished site (stories and paged lists), by URL. */
export type BuiltPages = Map<string, BuiltPage>;

/** The stories with their bodies read from the store. */
export async function withBodies(articles: readonly ArchiveArticle[], bodies: BodyStore): Promise<StoryWithBody[]> {
  const html = await inLanes(articles, 64, (a) => bodies.get(a.bodyKey));
  return articles.map((a, i) => ({ ...a, bodyHtml: html[i]! }));
}

/** The archive's feeds with their stories' bodies (a few hundred stories at most). */
export function feedsWithBodies(archive: Archive, bodies: BodyStore): Promise<FeedWithBodies[]> {
  return Promise.all(archive.feeds.map(async (feed) => ({ ...feed, items: await withBodies(feed.items, bodies) })));
}

export interface RenderOptions {
  /** Where the stories' bodies are, as HTML (src/ingest/body-store.ts). */
  bodies: BodyStore;
  articlesPerRun?: number;
  progress?: (stage: string, done: number, total: number) => void;
  /**
   * The site the last build left, with its story pages. A page whose fingerprint is unchanged and
   * whose file is as it was left is not rendered again: it is linked into the new site, or, when
   * `inPlace` (the new site's changed files will be moved into that one, `io.updateInPlace`), left
   * where it is.
   */
  previous?: { siteDir: string; pages: BuiltPages; inPlace?: boolean } | null;
  /** `io.codeVersion("render")`; part of every fingerprint. */
  codeVersion?: string;
}

/**
 * A story page is a function of its index entry (related stories, neighbours and links included:
 * the archive resolves them into the entry), the site settings and the render code; a day, month,
 * year, section or tag page of its item (see `PagedItems`). Nothing else of the archive reaches
 * those templates, so an unchanged fingerprint means an unchanged page. `kind` keeps two kinds
 * with equal items apart.
 */
function fingerprinter(archive: Archive, shared: string): { page(kind: string, item: unknown): string; story(a: ArchiveArticle): { fingerprint: string; indexed: string } } {
  // A story's link (headline, date, summary...) is one object the archive puts on its day, month,
  // year, section and tag pages and in other stories' related and neighbour lists: each is
  // serialised and hashed once, and its digest stands for it in every fingerprint. At 10,000
  // generated stories the pages' JSON was 117 MB with the links written out each time, hashed
  // with SHA-256 in 0.77-0.87 s; with the links' digests, 37 MB hashed with SHA-1 in 0.43-0.47 s
  // (same run, three times each). SHA-1 is enough: a fingerprint detects change, it guards no secret.
  const digest = (text: string): string => createHash("sha1").update(text).digest("hex");
  const links = new Map<object, string>();
  for (const day of archive.days) for (const link of day.articles) if (!links.has(link)) links.set(link, `\u0000${digest(JSON.stringify(link))}`);
  const byDigest = (key: string, value: unknown): unknown => (key !== "" && typeof value === "object" && value !== null && links.get(value)) || value;
  const page = (kind: string, item: unknown): string => digest(`${shared}${kind}\n${JSON.stringify(item, byDigest)}`).slice(0, 32);
  // The story's lists of links with each link's digest in its place, where the types put links
  // (`article`, `prev`, `next`, `linkedFrom`), serialised without a replacer: 2-3 times faster
  // than `page`'s replacer, which is called for every value. Any other field of a list entry is
  // kept as it is, so a field added to an entry is serialised in full, never left out.
  const token = <T extends object | null>(link: T): T | string => (link !== null && links.get(link)) || link;
  const entry = <T extends { article: ArticleLink | null }>(e: T): T | (Omit<T, "article"> & { article: string | ArticleLink | null }) => ({ ...e, article: token(e.article) });
  const asideOf = (a: ArchiveArticle): { [K in (typeof ASIDE)[number]]: unknown } => ({
    related: a.related.map(entry),
    links: a.links.map(entry),
    linkedFrom: a.linkedFrom.map(token),
    more: a.more.map((list) => ({ ...list, items: list.items.map(entry) })),
    prev: token(a.prev),
    next: token(a.next),
  });
  return {
    page,
    // A story page in two parts: what search indexes (src/render/search.ts), which holds no link
    // and is serialised without the replacer, and the lists of links around it. The search stage
    // takes the first part's digest instead of serialising the story again.
    story(a) {
      const indexed = digest(JSON.stringify(indexedPart(a)));
      return { indexed, fingerprint: digest(`${shared}story\n${indexed}\n${JSON.stringify(asideOf(a))}`).slice(0, 32) };
    },
  };
}

/** What every story page's fingerprint starts with: the render code and the settings. */
const sharedInputs = (config: SiteConfig, codeVersion: string): string => `${codeVersion}\n${JSON.stringify(config)}\n`;

/** What `renderSite` made; file paths are relative to its output folder. */
export interface RenderedSite {
  /** Files of the site: those written and those reused. */
  pages: number;
  reused: number;
  /** The story and paged pages, for the next build. */
  builtPages: BuiltPages;
  /** The files written besides story and paged pages, sorted. */
  others: string[];
  /** Every file written (not those reused), in the order written. */
  written: string[];
  /** A digest of what search indexes of each story page (`indexedPart` in src/render/search.ts), by URL. */
  indexedDigests?: ReadonlyMap<string, string>;
}

/**
 * Writes every page of the archive to `outputDir` and returns how many files were written (or
 * reused), with the story and paged pages for the next build, and the other files it wrote (the
 * pages made from the whole archive, feeds, catalog, assets), relative to `outputDir`. Quiet: Eleventy's logger is off; errors are thrown.
 */
export async function renderSite(
  archive: Archive,
  config: SiteConfig,
  outputDir: string,
  { bodies, articlesPerRun = ARTICLES_PER_RUN, progress, previous = null, codeVersion = "" }: RenderOptions,
): Promise<RenderedSite> {
  const fingerprint = fingerprinter(archive, sharedInputs(config, codeVersion));
  const all = pagedItems(archive);
  const indexedDigests = new Map<string, string>();
  const entries = [
    ...archive.articles.map((a) => {
      const { fingerprint: story, indexed } = fingerprint.story(a);
      indexedDigests.set(a.url, indexed);
      return { url: a.url, fingerprint: story };
    }),
    ...Object.entries(all).flatMap(([kind, items]: [string, { url: string }[]]) => items.map((item) => ({ url: item.url, fingerprint: fingerprint.page(kind, item) }))),
  ];
  // A page whose fingerprint is unchanged and whose file is as the last build left it is reused.
  // Its stamp stays (a hard link shares size, modification time and inode).
  const reusable = new Map<string, string>();
  await inLanes(entries, 64, async ({ url, fingerprint }) => {
    const before = previous?.pages.get(url);
    if (!previous || !before || before.fingerprint !== fingerprint) return;
    const from = pageFile(previous.siteDir, url);
    if (io.outputStamp(from) !== before.stamp) return;
    if (previous.inPlace || (await io.linkFile(from, pageFile(outputDir, url)))) reusable.set(url, before.stamp);
  });
  const fresh = <T extends { url: string }>(items: T[]): T[] => items.filter((item) => !reusable.has(item.url));
  const toRender = fresh(archive.articles);
  const { first: pages, rest } = pagedRuns({ years: fresh(all.years), months: fresh(all.months), days: fresh(all.days), listPages: fresh(all.listPages) }, articlesPerRun);

  const total = toRender.length;
  const slices: ArchiveArticle[][] = [];
  for (let start = 0; start < total; start += articlesPerRun) slices.push(toRender.slice(start, start + articlesPerRun));
  if (slices.length === 0) slices.push([]);
  // The first run writes the pages made from the whole archive, the first slice of stories and of
  // paged pages. (A render worker thread taking slices next to this one was measured at 10,000
  // stories: about 10% less render time for 130-300 MB more peak RSS, and it took the
  // 100,000-story build past 4 GB.)
  const eleventy = eleventyRuns(outputDir);
  let others: string[] = [];
  for (const [i, slice] of slices.entries()) {
    // Bodies are read per slice, so only one slice of them is in memory at a time.
    const articleSlice = await withBodies(slice, bodies);
    const globals = i === 0 ? { archive, pages, site: config, articleSlice, feeds: await feedsWithBodies(archive, bodies) } : { site: config, articleSlice };
    const files = await eleventy.run(i === 0 ? TEMPLATES_DIR : ARTICLE_TEMPLATE, globals);
    if (i === 0) {
      const paged = new Set(entries.map(({ url }) => path.relative(outputDir, pageFile(outputDir, url))));
      others = files.filter((file) => !paged.has(file)).sort();
    }
    progress?.("render stories", Math.min(total, (i + 1) * articlesPerRun), total);
  }
  for (const run of rest) {
    await eleventy.run(fileURLToPath(new URL(`templates/${PAGED_TEMPLATES[run.kind]}`, root)), { site: config, pages: { ...NO_PAGES, [run.kind]: run.items } });
  }
  const written = await eleventy.finish();

  const builtPages: BuiltPages = new Map();
  for (const { url, fingerprint } of entries) {
    const stamp = reusable.get(url) ?? io.outputStamp(pageFile(outputDir, url));
    if (stamp) builtPages.set(url, { fingerprint, stamp });
  }
  return { pages: written.length + reusable.size, reused: reusable.size, builtPages, others, written, indexedDigests };
}
