// Shared by the site and browser tests: build the fixture archive once into a temp folder,
// list its files, and serve it over HTTP on localhost.
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildResult } from "../../src/build.ts";
import { emptyReport } from "../../src/report.ts";
import type { ArticleRecord } from "../../src/record/schema.ts";
import { slugify, storyId } from "../../src/record/identity.ts";
import { linksIn } from "./markup.ts";

export const FIXTURES = fileURLToPath(new URL("../fixtures/site/", import.meta.url));

export const SITE_CONFIG = { title: "Test Morgue", baseUrl: "https://archive.example.org/", itemsPerPage: 2, relatedLimit: 3 };

export interface BuiltSite {
  root: string;
  outputDir: string;
  result: BuildResult;
  ms: number;
  cleanup(): Promise<void>;
}

/** Copies the fixture dumps to a temp content folder (ingest writes records there) and builds; `config` is merged over SITE_CONFIG. */
export async function buildFixtureSite(options: { search?: boolean; config?: Record<string, unknown> } = {}): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(tmpdir(), "morgue-site-"));
  const contentDir = path.join(root, "content");
  const outputDir = path.join(root, "_site");
  await cp(FIXTURES, contentDir, { recursive: true });
  const start = performance.now();
  const result = await build({ contentDir, outputDir, config: { ...SITE_CONFIG, ...options.config }, search: options.search ?? true });
  const ms = Math.round(performance.now() - start);
  return { root, outputDir, result, ms, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

export const readText = (outputDir: string, file: string): Promise<string> => readFile(path.join(outputDir, file), "utf8");

/**
 * Every `href`/`src`/`action` on every HTML page of a site served at `baseUrl` that does not
 * resolve to one of its `files` (`/x/` means `x/index.html`), as "page -> link".
 */
export async function brokenLinks(outputDir: string, files: readonly string[], baseUrl: string): Promise<string[]> {
  const base = new URL(baseUrl);
  const have = new Set(files);
  const broken: string[] = [];
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    const pageUrl = new URL(file.replace(/index\.html$/, ""), base);
    for (const link of linksIn(await readText(outputDir, file))) {
      const url = new URL(link, pageUrl);
      if (url.origin !== base.origin) continue;
      const pathname = decodeURIComponent(url.pathname);
      const target = pathname.startsWith(base.pathname) ? pathname.slice(base.pathname.length) : null;
      const resolved = target === null ? null : target === "" || target.endsWith("/") ? `${target}index.html` : target;
      if (resolved === null || !have.has(resolved)) broken.push(`${file} -> ${link}`);
    }
  }
  return broken;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/**
 * A static file server on 127.0.0.1 (a free port): `/x/` serves `/x/index.html`, misses get
 * 404.html. With `prefix` ("/archive/") the site is served under that path only, as on a host
 * where the site is one folder.
 */
export async function serve(dir: string, prefix = "/"): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const requested = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const pathname = requested.startsWith(prefix) ? `/${requested.slice(prefix.length)}` : null;
    const file = pathname === null ? "" : path.join(dir, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    if (pathname !== null && !file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      const body = await readFile(path.join(dir, "404.html")).catch(() => "not found");
      res.writeHead(404, { "content-type": TYPES[".html"] }).end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A valid record for index tests; fields default to a plausible story on `date`. */
export function makeRecord(fields: Partial<ArticleRecord> & { title: string; date: string | null }): ArticleRecord {
  const id = fields.id ?? storyId(fields.date, fields.title);
  return {
    published: null,
    updated: null,
    section: "World",
    authors: ["VOA News"],
    language: "en",
    images: [],
    related: [],
    more: [],
    tags: [],
    profile: "voa",
    provenance: {},
    body: `${fields.title}.\n\nSecond paragraph.`,
    slug: slugify(fields.title, `story-${id}`),
    sourceFile: `${id}.txt`,
    sourceHash: "0".repeat(64),
    ...fields,
    id,
  };
}

export { emptyReport };
