// Extraction evaluation: every dump of a corpus through the real parse dispatch (profiles, then
// the generic extractor). Bodies scored like the Zyte benchmark (page-text-dev): the worst pages
// first, then how many pages are dated from their own text and whether those dates agree with the
// pages' URLs, then how many headlines share the words of their URL's slug. Then headline, date and
// author against meta-dev/truth.json, as meta-dev/score.py scores `morgue parse --json`, on the
// meta-dev dumps (visible text, no <title>) and on the page-text-dev dumps of the same pages: every
// miss with what was read, the figures on each half of the sites (split by site name), then the
// headline scorer's accuracy on sites it was not trained on: leave-one-site-out (the scorer
// retrained once per site, without either dump of any page of that site) and 2 halves by site
// (slow: 65 trainings, a few minutes; `--no-held-out` skips it).
//   node --import tsx src/eval/extraction.ts [--corpus DIR] [--meta DIR] [--no-held-out] [--json]
import { fileURLToPath } from "node:url";
import { join, resolve } from "node:path";
import { parseDump } from "../parse/index.ts";
import { macroScores } from "./shingles.ts";
import { CORPUS_FOLDER, readTruth, scoreCorpus, scoreMeta, type CorpusReport, type MetaPage, type PageScore } from "./corpus.ts";
import { heldOutSites, loadTrainingPages, siteFolds } from "./headline-train.ts";

/** The dev corpus, next to the repository checkout (/work/shared next to /work/main). */
const DEFAULT_CORPUS = resolve(fileURLToPath(import.meta.url), "../../../../shared/corpora/page-text-dev");
/** The headline, date and author truth, next to it. */
const DEFAULT_META = resolve(fileURLToPath(import.meta.url), "../../../../shared/corpora/meta-dev");
/** The zone `morgue parse` reads times in without a config (the default config's). */
const PARSE_TIMEZONE = "America/New_York";

const percent = (right: number, of: number): string => `${right}/${of} (${of === 0 ? "n/a" : ((100 * right) / of).toFixed(1)}%)`;

/** Headline, date (same day) and author rates of some pages, as score.py prints them. */
function metaSummary(pages: readonly MetaPage[]): string {
  const scored = pages.filter((p) => p.authorOk !== null);
  return `headline ${percent(pages.filter((p) => p.titleOk).length, pages.length)}  date ${percent(pages.filter((p) => p.dateOk).length, pages.length)}  author ${percent(scored.filter((p) => p.authorOk === true).length, scored.length)}`;
}

/** Every miss of a page, with what was read and, when it was not built, why. */
function metaMisses(pages: readonly MetaPage[]): string[] {
  return pages.flatMap((p) => {
    const misses = [!p.titleOk && `headline "${p.title ?? ""}"`, !p.dateOk && `date ${p.published ?? "none"}`, p.authorOk === false && `author [${p.authors.join(", ")}]`].filter((m) => m !== false);
    return misses.length === 0 ? [] : [`  ${p.id} ${p.site}: ${misses.join("; ")}${p.failure === null ? "" : `  (${p.failure})`}`];
  });
}

function metaReport(name: string, pages: readonly MetaPage[]): string[] {
  const half = siteFolds(pages.map((p) => p.site), 2);
  return [
    `${name}: ${metaSummary(pages)}`,
    ...[0, 1].map((k) => `  sites half ${k + 1}: ${metaSummary(pages.filter((p) => half.get(p.site) === k))}`),
    "  misses:",
    ...metaMisses(pages),
  ];
}

const fixed = (n: number): string => n.toFixed(3);

/** One line per page whose date the URL contradicts or that no text dates, by id. */
function dateRows(pages: readonly PageScore[]): string[] {
  return [...pages]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((p) => {
      if (p.textDate === null) return [`undated     ${p.id}  (${p.dateHow})`];
      if (p.urlDate !== null && !p.textDate.startsWith(p.urlDate)) return [`${p.textDate}  ${p.id}  URL says ${p.urlDate}  (${p.dateHow})`];
      return [];
    });
}

/** One line per page whose headline shares too few words with its URL's slug, by id. */
function headlineRows(pages: readonly PageScore[]): string[] {
  return [...pages]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((p) => (p.titleAgrees === false ? [`${p.id}  "${p.title ?? ""}"  slug: ${(p.slug ?? []).join("-")}  (${p.titleHow})`] : []));
}

function format(report: CorpusReport): string {
  const rows = report.pages.map(
    (p) => `${fixed(p.f1)}  P ${fixed(p.precision)}  R ${fixed(p.recall)}  ${p.id}${p.error ? `  (${p.error})` : ""}`,
  );
  const { precision, recall, f1 } = report.macro;
  const { fromText, fromFolderName, withUrlDate, agreeing } = report.dates;
  const n = report.pages.length;
  const articles = report.pages.filter((p) => p.error?.startsWith("not-article") !== true);
  const halves = siteFolds(report.pages.map((p) => p.site), 2);
  return [
    ...rows,
    "",
    `pages ${n}  macro P ${fixed(precision)}  R ${fixed(recall)}  F1 ${fixed(f1)}`,
    `  of them built as articles (not reported as not-article) ${articles.length}: F1 ${fixed(macroScores(articles.map((p) => p.overlap)).f1)}`,
    ...[0, 1].map((k) => {
      const half = report.pages.filter((p) => halves.get(p.site) === k);
      return `  sites half ${k + 1} (${half.length} pages): F1 ${fixed(macroScores(half.map((p) => p.overlap)).f1)}`;
    }),
    `  (bodies of ${fromFolderName} undated pages scored by dating them from a "${CORPUS_FOLDER}/" file name; body scoring only)`,
    "",
    ...dateRows(report.pages),
    `dated from their own text ${fromText}/${n}; of those with a date in the URL, ${agreeing}/${withUrlDate} agree with it`,
    "",
    ...headlineRows(report.pages),
    `headline agrees with URL slug: ${report.headlines.agreeing} of ${report.headlines.withSlug}`,
  ].join("\n");
}

function main(argv: readonly string[]): number {
  const option = (flag: string, fallback: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : fallback;
  };
  const corpus = option("--corpus", DEFAULT_CORPUS);
  const meta = option("--meta", DEFAULT_META);
  if (corpus === undefined || meta === undefined) {
    process.stderr.write("--corpus needs a folder holding dumps/ and expected/, --meta one holding dumps/ and truth.json\n");
    return 2;
  }
  const report = scoreCorpus(corpus, parseDump);
  if (argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const truth = readTruth(meta);
  const lines = [
    format(report),
    "",
    ...metaReport(`${meta}/dumps (visible text, no <title>)`, scoreMeta(join(meta, "dumps"), truth, parseDump, PARSE_TIMEZONE)),
    "",
    ...metaReport(`${corpus}/dumps (with <title>)`, scoreMeta(join(corpus, "dumps"), truth, parseDump, PARSE_TIMEZONE)),
  ];
  if (!argv.includes("--no-held-out")) {
    const pages = loadTrainingPages();
    const sites = new Set(pages.map((p) => p.site)).size;
    lines.push("", "headline scorer on sites it was not trained on (both dumps of every page of a site left out of training):");
    for (const [name, folds] of [[`leave-one-site-out (${sites} trainings)`, sites], ["sites in 2 halves", 2]] as const) {
      const right = heldOutSites(pages, folds);
      for (const kind of ["meta-dev", "page-text-dev"]) lines.push(`  ${kind}, ${name}: ${percent(right[kind] ?? 0, pages.filter((p) => p.kind === kind).length)}`);
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

await import("./extraction-html.ts");
