// Body-extraction evaluation: every dump of a corpus through the real parse dispatch (profiles, then
// the generic extractor), scored like the Zyte benchmark. Prints the worst pages first, then how
// many pages are dated from their own text and whether those dates agree with the pages' URLs, then
// how many headlines share the words of their URL's slug (listing the ones that do not, to eyeball).
//   node --import tsx src/eval/extraction.ts [--corpus DIR] [--json]
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { parseDump } from "../parse/index.ts";
import { CORPUS_FOLDER, scoreCorpus, type CorpusReport, type PageScore } from "./corpus.ts";

/** The dev corpus, next to the repository checkout (/work/shared next to /work/main). */
const DEFAULT_CORPUS = resolve(fileURLToPath(import.meta.url), "../../../../shared/corpora/page-text-dev");

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
  return [
    ...rows,
    "",
    `pages ${n}  macro P ${fixed(precision)}  R ${fixed(recall)}  F1 ${fixed(f1)}`,
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
  const at = argv.indexOf("--corpus");
  const corpus = at >= 0 ? argv[at + 1] : DEFAULT_CORPUS;
  if (corpus === undefined) {
    process.stderr.write("--corpus needs a folder holding dumps/ and expected/\n");
    return 2;
  }
  const report = scoreCorpus(corpus, parseDump);
  process.stdout.write(`${argv.includes("--json") ? JSON.stringify(report, null, 2) : format(report)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

await import("./extraction-html.ts");
