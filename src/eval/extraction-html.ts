// HTML extraction evaluation: every page of page-html-dev through the HTML parser, bodies scored
// with the Zyte benchmark's shingle method, headline/date/author with meta-dev's own scorer
// (score.py), the parse timed per page; then the same figures for two halves of the sites (split
// by a hash of the host name), to see how far a figure depends on which sites are in.
//   node --import tsx src/eval/extraction-html.ts [--html-corpus DIR] [--truth FILE]
// (`npm run eval:extraction` runs it after the page-text evaluation.)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { decodeDump } from "../dump/decode.ts";
import { Readability } from "@mozilla/readability";
import { parseHtml } from "../parse/html/index.ts";
import { parseDocument } from "../parse/html/dom.ts";
import { shardOf } from "../ingest/cache.ts";
import { macroScores, overlap, type Overlap } from "./shingles.ts";

const SHARED = resolve(fileURLToPath(import.meta.url), "../../../../shared/corpora");
const DEFAULT_CORPUS = join(SHARED, "page-html-dev");
const DEFAULT_TRUTH = join(SHARED, "meta-dev/truth.json");
/** Zone of times printed without one; the scorer compares days in the page's own offset or UTC. */
const TIMEZONE = "UTC";

interface PageResult {
  id: string;
  host: string;
  overlap: Overlap;
  ms: number;
  /** CPU time of the parse (user and system), less sensitive than the wall clock to other work on the machine. */
  cpuMs: number;
  /** CPU time of decoding the bytes (encoding, whitespace), before the parse. */
  decodeCpuMs: number;
  /** CPU time of linkedom and Readability alone on the page. */
  baselineCpuMs: number;
  line: string;
  error: string | null;
}

function evaluatePage(dir: string, id: string, host: string): PageResult {
  const bytes = readFileSync(join(dir, "dumps", `${id}.html`));
  const decodeStart = process.cpuUsage();
  const decoded = decodeDump(bytes);
  const decodeUsed = process.cpuUsage(decodeStart);
  const decodeCpuMs = (decodeUsed.user + decodeUsed.system) / 1000;
  const start = performance.now();
  const cpu = process.cpuUsage();
  const parsed = decoded.ok ? parseHtml(decoded.text, { timezone: TIMEZONE, fileName: `${id}.html` }) : null;
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  const cpuMs = (used.user + used.system) / 1000;
  // The bar the issue measured: linkedom's parse and Readability alone, timed on the same page in the same run.
  const baseStart = process.cpuUsage();
  if (decoded.ok) new Readability(parseDocument(decoded.text)).parse();
  const base = process.cpuUsage(baseStart);
  const baselineCpuMs = (base.user + base.system) / 1000;
  const record = parsed === null ? null : parsed.ok ? parsed.article : (parsed.partial ?? null);
  const published = parsed?.ok ? (parsed.article.published ?? parsed.article.date) : null;
  const truth = readFileSync(join(dir, "expected", `${id}.body.txt`), "utf8");
  const error = parsed === null ? "not decoded" : parsed.ok ? null : `${parsed.error.rule}: ${parsed.error.message}`;
  // The scorer reads `morgue parse --json` lines; a date-only record is scored on its day.
  const line = JSON.stringify({ file: `${id}.html`, ok: parsed?.ok ?? false, record: record === null ? null : { title: record.title, published, authors: record.authors } });
  return { id, host, overlap: overlap(truth, record?.body ?? ""), ms, cpuMs, decodeCpuMs, baselineCpuMs, line, error };
}

/** meta-dev's scorer over `pages`, against the truth entries of those pages only; its summary line and misses. */
function scoreMeta(truthFile: string, pages: readonly PageResult[], work: string, name: string): { summary: string; misses: string } {
  const truth = JSON.parse(readFileSync(truthFile, "utf8")) as Record<string, unknown>;
  const ids = new Set(pages.map((p) => p.id));
  const subset = Object.fromEntries(Object.entries(truth).filter(([id]) => ids.has(id)));
  writeFileSync(join(work, `${name}.truth.json`), JSON.stringify(subset));
  writeFileSync(join(work, `${name}.jsonl`), `${pages.map((p) => p.line).join("\n")}\n`);
  const scorer = join(dirname(truthFile), "score.py");
  const run = spawnSync("python3", [scorer, join(work, `${name}.truth.json`), join(work, `${name}.jsonl`)], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${scorer} failed: ${run.stderr}`);
  const out = run.stdout;
  const misses = run.stderr;
  return { summary: out.trim().split("\n").pop() ?? "", misses };
}

const fixed = (n: number): string => n.toFixed(3);

function main(argv: readonly string[]): number {
  const flag = (name: string, fallback: string): string => {
    const at = argv.indexOf(name);
    return at >= 0 ? (argv[at + 1] ?? fallback) : fallback;
  };
  const dir = flag("--html-corpus", DEFAULT_CORPUS);
  const truthFile = flag("--truth", DEFAULT_TRUTH);
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, { url?: string }>;
  const ids = readdirSync(join(dir, "dumps")).filter((f) => f.endsWith(".html")).map((f) => f.slice(0, -".html".length)).sort();
  // Warm-up, untimed: the first pages would otherwise pay for compiling the DOM and Readability code.
  for (const id of ids.slice(0, 5)) evaluatePage(dir, id, "");
  const pages = ids.map((id) => evaluatePage(dir, id, new URL(manifest[id]?.url ?? "http://unknown/").hostname.replace(/^www\./u, "")));
  const work = mkdtempSync(join(tmpdir(), "morgue-eval-html-"));
  try {
    const rows = pages
      .map((p) => ({ p, s: macroScores([p.overlap]) }))
      .sort((a, b) => a.s.f1 - b.s.f1 || a.p.id.localeCompare(b.p.id))
      .map(({ p, s }) => `${fixed(s.f1)}  P ${fixed(s.precision)}  R ${fixed(s.recall)}  ${p.id}  ${p.host}${p.error ? `  (${p.error})` : ""}`);
    const all = scoreMeta(truthFile, pages, work, "all");
    const stats = (values: number[]): string => {
      const sorted = [...values].sort((a, b) => a - b);
      const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
      return `mean ${mean.toFixed(1)} ms, median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms`;
    };
    const body = macroScores(pages.map((p) => p.overlap));
    // Halves of the sites by a stable hash of the host: every page of a site falls in one half.
    const halves = [0, 1].map((half) => pages.filter((p) => shardOf(p.host) % 2 === half));
    const halfLines = halves.map((h, i) => {
      const s = macroScores(h.map((p) => p.overlap));
      return `half ${i + 1} (${new Set(h.map((p) => p.host)).size} sites, ${h.length} pages): body F1 ${fixed(s.f1)}  ${scoreMeta(truthFile, h, work, `half${i}`).summary}`;
    });
    process.stdout.write(
      [
        ...rows,
        "",
        all.misses.trim(),
        "",
        `HTML pages ${pages.length}: body macro P ${fixed(body.precision)}  R ${fixed(body.recall)}  F1 ${fixed(body.f1)}`,
        `metadata (meta-dev scorer): ${all.summary}`,
        `HTML parse time a page: wall ${stats(pages.map((p) => p.ms))}; CPU ${stats(pages.map((p) => p.cpuMs))}`,
        `  decoding the bytes before it: CPU ${stats(pages.map((p) => p.decodeCpuMs))}`,
        `  linkedom + Readability alone, same pages, same run: CPU ${stats(pages.map((p) => p.baselineCpuMs))}`,
        ...halfLines,
        "",
      ].join("\n"),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
