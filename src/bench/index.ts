// `npm run bench -- --articles N`: generates N dumps, builds them cold (without and with search),
// then runs the everyday build (`npm run build`, search on) after 1 and after 100 new dumps, after
// one hand-edited record, after one deleted dump and with nothing changed; rebuilds with --no-cache
// and runs the everyday build after that (it also removes the site the rebuild replaced); indexes
// search on its own, and, when Hugo is installed, builds the same stories with Hugo (plain,
// and with 5 related a page) in the same run, with the ratios. Prints numbers, asserts none.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { distIsFresh } from "../sources.js";
import { generateDumps } from "./generate.ts";
import { hugoSite } from "./hugo.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    keep: { type: "boolean", default: false },
    hugo: { type: "boolean", default: true },
    // --cold-only: just the cold build (for 100k, where every extra step costs minutes).
    "cold-only": { type: "boolean", default: false },
    // Saved HTML pages built as a content folder of their own (the dev corpus, when it is there).
    html: { type: "string", default: path.join(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/corpora/page-html-dev/dumps") },
  },
  allowNegative: true,
});
const n = Number(values.articles);
const here = path.dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), `morgue-bench-${n}-`));
const content = path.join(work, "content");
const site = path.join(work, "site");

interface Measured {
  wallMs: number;
  maxRssMb: number;
  [key: string]: unknown;
}

/**
 * One morgue step in its own process, timed from outside by GNU time like Hugo is: wall time from
 * process start (Node and module loading included, from the compiled copy or through tsx as `npm
 * run build` would: src/bench/step.js) and the process's peak RSS (its worker threads included).
 * The step's own JSON line adds stage timings.
 */
function child(...args: string[]): Measured {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, path.join(here, "step.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`bench step ${args[0]} failed:\n${run.stderr}`);
  const [seconds, kb] = run.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  const inner = JSON.parse(run.stdout.trim().split("\n").pop()!) as Record<string, unknown>;
  return { ...inner, wallMs: Math.round(seconds! * 1000), maxRssMb: Math.round(kb! / 1024) };
}

/** Wall time and peak RSS of an external command, from GNU time. */
function timed(command: string, args: string[], cwd: string): { wallMs: number; maxRssMb: number } {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`${command} failed:\n${run.stderr.slice(-2000)}`);
  const [seconds, kb] = run.stderr.trim().split("\n").pop()!.split(" ").map(Number);
  return { wallMs: Math.round(seconds! * 1000), maxRssMb: Math.round(kb! / 1024) };
}

const row = (label: string, m: { wallMs: number; maxRssMb: number }, extra = ""): void =>
  console.log(`${label.padEnd(34)} ${(m.wallMs / 1000).toFixed(2).padStart(8)} s ${String(m.maxRssMb).padStart(7)} MB  ${extra}`);

console.log(`morgue bench: ${n} articles in ${work}`);
console.log(distIsFresh() ? "morgue runs from its compiled copy (dist/), as `npm run build` does" : "morgue runs from the sources through tsx: dist/ is missing or stale (`npm run compile`), as it would be for `npm run build`");
let t = Date.now();
mkdirSync(content, { recursive: true });
const dumps = generateDumps(n + 101);
for (const d of dumps.slice(0, n)) writeFileSync(path.join(content, d.name), d.text);
console.log(`generated ${n} dumps in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
console.log(`${"step".padEnd(34)} ${"wall".padStart(10)} ${"peak RSS".padStart(10)}`);

const cold = child("build", content, site);
const tm = cold.timings as Record<string, number>;
const stages = (t: Record<string, number>): string => `ingest ${t.ingest} ms, index ${t.index} ms, render ${t.render} ms, swap ${t.swap} ms`;
const peaks = (m: Measured): string =>
  Object.entries(m.peakRssMbByStage as Record<string, number>)
    .map(([stage, mb]) => `${stage} ${mb}`)
    .join(", ");
row("morgue cold build (no search)", cold, `${cold.pages} pages; ${stages(tm)}; peak MB by stage: ${peaks(cold)}`);

if (values["cold-only"]) {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

// The everyday builds, each as `npm run build` runs them (search on), one after the other.
const everyday: [string, Measured][] = [];
const rebuild = (label: string): Measured => {
  const m = child("build", content, site, "--search");
  const tr = m.timings as Record<string, number>;
  row(label, m, `${stages(tr)}, search ${tr.search} ms; ${m.reusedPages} pages reused; ${(m.wallMs / cold.wallMs).toFixed(2)}x cold`);
  everyday.push([label, m]);
  return m;
};
// From no site, as the first build is and as the goal is checked ("built in one run; then one dump
// is added"): over the site just built, the build after it would also remove the site this one
// replaces (see `io.removePreviousSite`), which the last step below measures apart.
rmSync(site, { recursive: true, force: true });
const coldSearch = child("build", content, site, "--search", "--no-cache");
row("morgue cold build with search", coldSearch, `search ${(coldSearch.timings as Record<string, number>).search} ms`);
writeFileSync(path.join(content, dumps[n]!.name), dumps[n]!.text);
rebuild("npm run build, 1 new dump");
for (const d of dumps.slice(n + 1, n + 101)) writeFileSync(path.join(content, d.name), d.text);
rebuild("npm run build, 100 new dumps");
// A hand correction: the first record's headline edited, as an archivist would.
const records = path.join(content, "records");
const firstRecord = path.join(records, readdirSync(records).filter((f) => f.endsWith(".md")).sort()[0]!);
writeFileSync(firstRecord, readFileSync(firstRecord, "utf8").replace(/^title: (.*)$/m, "title: $1 (corrected)"));
rebuild("npm run build, 1 record edited");
rmSync(path.join(content, dumps[n]!.name));
rebuild("npm run build, 1 dump deleted");
const unchanged = rebuild("npm run build, nothing changed");

const nocache = child("build", content, site, "--search", "--no-cache");
const tn = nocache.timings as Record<string, number>;
row("morgue rebuild --no-cache", nocache, `${stages(tn)}, search ${tn.search} ms; peak MB by stage: ${peaks(nocache)}`);
// The one-dump build after a full rebuild of an existing site also removes the site that rebuild
// replaced, beside its own work.
writeFileSync(path.join(content, dumps[n]!.name), dumps[n]!.text);
rebuild("npm run build, 1 new after rebuild");

const search = child("search", site);
row("pagefind search index, whole site", search, "(Pagefind runs as its own process: RSS here is node's only)");

if (existsSync(values.html)) {
  // HTML dumps, cold: the DOM, Readability and the markup checks per page, then the same pipeline.
  const htmlContent = path.join(work, "html-content");
  mkdirSync(htmlContent, { recursive: true });
  const pages = readdirSync(values.html).filter((f) => /\.html?$/i.test(f)).sort();
  for (const f of pages) writeFileSync(path.join(htmlContent, f), readFileSync(path.join(values.html, f)));
  const built = child("build", htmlContent, path.join(work, "html-site"));
  const th = built.timings as Record<string, number>;
  row(`morgue cold build, ${pages.length} HTML dumps`, built, `${built.stories} stories; ingest ${(th.ingest! / pages.length).toFixed(1)} ms a page; ${stages(th)}`);
} else {
  console.log(`HTML dumps: ${values.html} not found; no HTML run`);
}

const hugoRuns: Record<number, { wallMs: number; maxRssMb: number }> = {};
if (values.hugo && spawnSync("hugo", ["version"]).status === 0) {
  const stories = readdirSync(records).filter((f) => f.endsWith(".md")).sort().map((f) => readFileSync(path.join(records, f), "utf8"));
  for (const related of [0, 5]) {
    const dir = path.join(work, `hugo-${related}`);
    for (const [file, text] of hugoSite(stories, related)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const hugo = timed("hugo", ["--quiet", "--destination", "public"], dir);
    const pages = spawnSync("find", ["public", "-name", "*.html"], { cwd: dir, encoding: "utf8" }).stdout.trim().split("\n").length;
    row(`hugo ${related ? `with ${related} related` : "without related"}`, hugo, `${pages} pages; morgue cold/hugo time ${(cold.wallMs / hugo.wallMs).toFixed(2)}, RSS ${(cold.maxRssMb / hugo.maxRssMb).toFixed(2)}`);
    hugoRuns[related] = hugo;
  }
  const [bare, withRelated] = [hugoRuns[0]!, hugoRuns[5]!];
  console.log("\nratios (same run):");
  console.log(`  cold build, no search / hugo with related: ${(cold.wallMs / withRelated.wallMs).toFixed(2)}x (goal <= 0.8)`);
  for (const [label, m] of everyday) console.log(`  ${label} / hugo bare: ${(m.wallMs / bare.wallMs).toFixed(2)}x (${(m.wallMs / 1000).toFixed(2)} s)`);
  console.log(`  nothing changed: ${(unchanged.wallMs / 1000).toFixed(2)} s (goal <= 1.5 s)`);
} else {
  console.log("hugo: not installed (apt-get install hugo) or --no-hugo; no comparison");
}
if (!values.keep && existsSync(work)) rmSync(work, { recursive: true, force: true });
