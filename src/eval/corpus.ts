// An evaluation corpus on disk (`dumps/<id>.txt`, `expected/<id>.body.txt`, as in
// page-text-dev) scored against a parser: reading, decoding and per-page shingle overlap.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeDump } from "../dump/decode.ts";
import type { ParseOptions, ParseOutcome } from "../parse/types.ts";
import { macroScores, overlap, pagePrecision, pageRecall, type Overlap, type Scores } from "./shingles.ts";

export type Parser = (text: string, options: ParseOptions) => ParseOutcome;

export interface PageScore extends Scores {
  id: string;
  overlap: Overlap;
  /** Set when the dump could not be decoded or parsed; the page then counts with an empty body. */
  error: string | null;
}

export interface CorpusReport {
  pages: PageScore[];
  macro: Scores;
}

/** Zone the corpus pages are read in when they print no offset; only dates depend on it, never bodies. */
const CORPUS_TIMEZONE = "UTC";
/**
 * The folder the dumps are said to sit in. Its day is the file-name date fallback, so a page that
 * prints no dateline (Gizmodo, TechCrunch "2 days ago") is still scored on its body instead of
 * counting as empty; dates are tested on their own.
 */
const CORPUS_FOLDER = "2000-01-01";

function bodyOf(bytes: Uint8Array, id: string, parse: Parser): { body: string; error: string | null } {
  const decoded = decodeDump(bytes);
  if (!decoded.ok) return { body: "", error: `${decoded.error.rule}: ${decoded.error.message}` };
  const parsed = parse(decoded.text, { timezone: CORPUS_TIMEZONE, fileName: `${CORPUS_FOLDER}/${id}.txt` });
  return parsed.ok ? { body: parsed.article.body, error: null } : { body: "", error: `${parsed.error.rule}: ${parsed.error.message}` };
}

/**
 * Parses every dump of the corpus in `dir` and scores its body against the expected one. Pages are
 * listed worst F1 first, ties broken by id, so the report is deterministic.
 */
export function scoreCorpus(dir: string, parse: Parser): CorpusReport {
  const ids = readdirSync(join(dir, "dumps"))
    .filter((name) => name.endsWith(".txt"))
    .map((name) => name.slice(0, -".txt".length))
    .sort();
  const pages = ids.map((id): PageScore => {
    const { body, error } = bodyOf(readFileSync(join(dir, "dumps", `${id}.txt`)), id, parse);
    const truth = readFileSync(join(dir, "expected", `${id}.body.txt`), "utf8");
    const o = overlap(truth, body);
    const precision = pagePrecision(o);
    const recall = pageRecall(o);
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { id, overlap: o, precision, recall, f1, error };
  });
  pages.sort((a, b) => a.f1 - b.f1 || a.id.localeCompare(b.id));
  return { pages, macro: macroScores(pages.map((p) => p.overlap)) };
}
