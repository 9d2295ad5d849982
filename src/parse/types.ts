// What every parser returns: an article or an error that names the line and says how to fix it.
import type { ParsedArticle } from "../record/schema.ts";

/** A dump that could not be turned into a record. `line` is 1-based; 0 means the whole file. */
export interface ParseError {
  /** Stable id of the rule that failed, e.g. "no-headline", "bad-date", "binary". */
  rule: string;
  message: string;
  line: number;
  /** What the archivist can do about it. */
  hint: string;
}

/**
 * What a parser read from a dump it could not turn into an article (it found no date): enough for
 * `morgue parse` to show it, never enough for a record.
 */
export type PartialArticle = Pick<ParsedArticle, "title" | "body" | "authors" | "section" | "language" | "profile" | "provenance">;

/** An article, or an error; a failure may carry what was read before it (`partial`). */
export type ParseOutcome = { ok: true; article: ParsedArticle } | { ok: false; error: ParseError; partial?: PartialArticle };

export interface ParseOptions {
  /** IANA zone whose wall-clock times the dumps show when they print no offset. */
  timezone: string;
  /** The dump's path relative to the content folder; some dumps carry their date only there. */
  fileName: string;
}
