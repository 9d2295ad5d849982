// An evaluation corpus on disk (`dumps/<id>.txt`, `expected/<id>.body.txt`, `manifest.json` with
// each page's URL, as in page-text-dev) scored against a parser: bodies by per-page shingle overlap,
// dates by how many pages the parser dates from their own text and whether the URL agrees, headlines
// by whether they share the words of the URL's slug (a cheap proxy: sites often re-title a page).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeDump } from "../dump/decode.ts";
import type { ParseOptions, ParseOutcome } from "../parse/types.ts";
import { macroScores, overlap, pagePrecision, pageRecall, type Overlap, type Scores } from "./shingles.ts";

export type Parser = (text: string, options: ParseOptions) => ParseOutcome;

export interface PageScore extends Scores {
  id: string;
  /** The page's site (its URL's host without "www."), or "" when the manifest has no URL. */
  site: string;
  overlap: Overlap;
  /** Set when the dump could not be decoded or parsed; the page then counts with an empty body. */
  error: string | null;
  /** The day the page's own text gives (parsed under a file name without a date); null when none. */
  textDate: string | null;
  /** How that date was found (the parser's provenance), or why there is none. */
  dateHow: string;
  /** The day (`YYYY-MM-DD`) or month (`YYYY-MM`) printed in the page's URL, when it has one. */
  urlDate: string | null;
  /** The headline read (the partial one when the page is undated), or null when none was read. */
  title: string | null;
  /** How the headline was found (the parser's provenance). */
  titleHow: string;
  /** The words of the URL's slug, when it has one of at least `MIN_SLUG_WORDS` words. */
  slug: string[] | null;
  /** Whether at least half the slug's words are in the headline; null without a slug. */
  titleAgrees: boolean | null;
}

/** How many headlines share the words of their URL's slug. */
export interface HeadlineReport {
  /** Pages whose URL has a slug of at least `MIN_SLUG_WORDS` words... */
  withSlug: number;
  /** ...and of those, the ones whose headline holds at least half of them. */
  agreeing: number;
}

/** How well the pages are dated from their own text, checked against the dates in their URLs. */
export interface DateReport {
  /** Pages dated from their text, without help from the file name. */
  fromText: number;
  /** Pages whose body was only scored thanks to the `CORPUS_FOLDER` file-name date. */
  fromFolderName: number;
  /** Of the pages dated from their text, those whose URL holds a day or a month... */
  withUrlDate: number;
  /** ...and of those, the ones whose date falls on that day or in that month. */
  agreeing: number;
}

export interface CorpusReport {
  pages: PageScore[];
  macro: Scores;
  dates: DateReport;
  headlines: HeadlineReport;
}

/** Zone the corpus pages are read in when they print no offset; only dates depend on it, never bodies. */
const CORPUS_TIMEZONE = "UTC";
/**
 * The folder the dumps are said to sit in when a page is parsed for its body. Its day is the
 * file-name date fallback, so a page that prints no dateline (Gizmodo, TechCrunch "2 days ago") is
 * still scored on its body instead of counting as empty. Dates are scored apart, without it.
 */
export const CORPUS_FOLDER = "2000-01-01";
/** The file name a page is parsed under for its date: no digits, so the name can date nothing. */
const UNDATED_NAME = "page.txt";

/** A day in a URL path ("/2019/11/18/", "/story/2019-11-19/"), else a month ("/2019/11/"). */
const URL_DAY = /\/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?=[/-]|$)/u;
const URL_MONTH = /\/((?:19|20)\d{2})\/(\d{2})\//u;

/** The day or month a URL's path carries, or null. */
export function urlDate(url: string): string | null {
  const day = URL_DAY.exec(url);
  if (day !== null) return `${day[1]}-${day[2]}-${day[3]}`;
  const month = URL_MONTH.exec(url);
  return month === null ? null : `${month[1]}-${month[2]}`;
}

/** A slug shorter than this ("/news/newsbeat-50470672") says too little about the headline. */
const MIN_SLUG_WORDS = 3;

/** Russian letters as Latin slugs spell them (wday.ru "samyih krutyih" for "самых крутых"). */
const CYRILLIC_SLUG: Readonly<Record<string, string>> = Object.fromEntries(
  [..."абвгдеёжзийклмнопрстуфхцчшщъыьэюя"].map((c, i) => [c, ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sch", "", "yi", "", "e", "yu", "ya"][i] ?? c]),
);

/** Words of a slug or a headline: lower case, apostrophes dropped ("Rudolph's" and "rudolphs" meet), Cyrillic spelt in Latin. */
function slugWords(text: string): string[] {
  const latin = [...text.toLowerCase()].map((c) => CYRILLIC_SLUG[c] ?? c).join("");
  return latin.replace(/['’‘]/gu, "").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The words of the URL path segment with the most of them ("/2019/11/18/new-york-state-attorney/"
 * gives new, york, state, attorney); words that mix letters and digits ("idUSKBN1XT00W") are ids.
 */
export function urlSlug(url: string): string[] | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/iu, "").replace(/[?#].*$/u, "");
  let best: string[] = [];
  for (const segment of path.split("/")) {
    const words = slugWords(segment.replace(/\.[a-z]{2,5}$/iu, "")).filter((w) => /^(?:\p{L}+|\d{1,4})$/u.test(w));
    if (words.length > best.length) best = words;
  }
  return best.length >= MIN_SLUG_WORDS ? best : null;
}

/** Whether a headline holds at least half the slug's words. */
export function agreesWithSlug(title: string, slug: readonly string[]): boolean {
  const words = new Set(slugWords(title));
  return slug.filter((w) => words.has(w)).length * 2 >= slug.length;
}

function readUrls(dir: string): Record<string, { url?: string }> {
  const path = join(dir, "manifest.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, { url?: string }>) : {};
}

interface PageRead {
  body: string;
  error: string | null;
  textDate: string | null;
  dateHow: string;
  /** Whether the body needed the `CORPUS_FOLDER` date to be read at all. */
  folderDated: boolean;
  title: string | null;
  titleHow: string;
}

function readPage(bytes: Uint8Array, id: string, parse: Parser): PageRead {
  const decoded = decodeDump(bytes);
  const none = { title: null, titleHow: "", folderDated: false };
  if (!decoded.ok) return { ...none, body: "", error: `${decoded.error.rule}: ${decoded.error.message}`, textDate: null, dateHow: "not decoded" };
  const undated = parse(decoded.text, { timezone: CORPUS_TIMEZONE, fileName: UNDATED_NAME });
  if (undated.ok) {
    const { body, date, provenance, title } = undated.article;
    return { body, error: null, textDate: date, dateHow: provenance.date ?? "", folderDated: false, title, titleHow: provenance.title ?? "" };
  }
  const dateHow = `${undated.error.rule}: ${undated.error.message}`;
  // A page reported as no article is scored on the body it read (as `morgue parse --json` shows it).
  if (undated.error.rule === "not-article") return { ...none, body: undated.partial?.body ?? "", error: dateHow, textDate: null, dateHow, title: undated.partial?.title ?? null };
  if (undated.error.rule !== "no-date") return { ...none, body: "", error: dateHow, textDate: null, dateHow };
  const headline = { title: undated.partial?.title ?? null, titleHow: undated.partial?.provenance.title ?? "" };
  const parsed = parse(decoded.text, { timezone: CORPUS_TIMEZONE, fileName: `${CORPUS_FOLDER}/${id}.txt` });
  return parsed.ok
    ? { ...headline, body: parsed.article.body, error: null, textDate: null, dateHow, folderDated: true }
    : { ...headline, body: "", error: `${parsed.error.rule}: ${parsed.error.message}`, textDate: null, dateHow, folderDated: false };
}

/**
 * Parses every dump of the corpus in `dir`, scores its body against the expected one and its date
 * and headline against its URL. Pages are listed worst F1 first, ties broken by id, so the report is deterministic.
 */
export function scoreCorpus(dir: string, parse: Parser): CorpusReport {
  const urls = readUrls(dir);
  const ids = readdirSync(join(dir, "dumps"))
    .filter((name) => name.endsWith(".txt"))
    .map((name) => name.slice(0, -".txt".length))
    .sort();
  const dates: DateReport = { fromText: 0, fromFolderName: 0, withUrlDate: 0, agreeing: 0 };
  const headlines: HeadlineReport = { withSlug: 0, agreeing: 0 };
  const pages = ids.map((id): PageScore => {
    const read = readPage(readFileSync(join(dir, "dumps", `${id}.txt`)), id, parse);
    const url = urls[id]?.url;
    const fromUrl = url === undefined ? null : urlDate(url);
    const slug = url === undefined ? null : urlSlug(url);
    const titleAgrees = slug === null ? null : read.title !== null && agreesWithSlug(read.title, slug);
    if (titleAgrees !== null) headlines.withSlug++;
    if (titleAgrees === true) headlines.agreeing++;
    if (read.folderDated) dates.fromFolderName++;
    if (read.textDate !== null) {
      dates.fromText++;
      if (fromUrl !== null) {
        dates.withUrlDate++;
        if (read.textDate.startsWith(fromUrl)) dates.agreeing++;
      }
    }
    const truth = readFileSync(join(dir, "expected", `${id}.body.txt`), "utf8");
    const o = overlap(truth, read.body);
    const precision = pagePrecision(o);
    const recall = pageRecall(o);
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { id, site: url === undefined ? "" : siteOf(url), overlap: o, precision, recall, f1, error: read.error, textDate: read.textDate, dateHow: read.dateHow, urlDate: fromUrl, title: read.title, titleHow: read.titleHow, slug, titleAgrees };
  });
  pages.sort((a, b) => a.f1 - b.f1 || a.id.localeCompare(b.id));
  return { pages, macro: macroScores(pages.map((p) => p.overlap)), dates, headlines };
}

// Headline, date and author against a truth file (meta-dev/truth.json), scored as the corpus's
// score.py does, so the figures printed here are the ones the check reports.

export interface Truth {
  title: string;
  /** ISO time with offset, or a day `YYYY-MM-DD`. */
  published: string;
  /** The people of the byline, comma-separated; "" when it names none. */
  author: string;
  url: string;
}

export function readTruth(dir: string): Record<string, Truth> {
  return JSON.parse(readFileSync(join(dir, "truth.json"), "utf8")) as Record<string, Truth>;
}

/** A URL's host without "www." ("www.bbc.com" gives "bbc.com"): pages of one site share it. */
export function siteOf(url: string): string {
  return (/^[a-z]+:\/\/([^/]+)/iu.exec(url)?.[1] ?? url).toLowerCase().replace(/^www\./u, "");
}

const QUOTES: Readonly<Record<string, string>> = { "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"' };

/** score.py's `norm_text`: NFKC, straight quotes, one '-' for any dash run, spaces squeezed, case folded. */
export function normTitle(text: string): string {
  const s = [...text.normalize("NFKC")].map((c) => QUOTES[c] ?? (/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/u.test(c) ? "-" : c)).join("");
  return s.replace(/[\u00ad\u200b]/gu, "").replace(/\s+/gu, " ").replace(/ ?-+ ?/gu, "-").trim().toLowerCase();
}

/** The calendar days an ISO value may mean: as written, in UTC, and in `offset` (minutes) when given. */
function daysOf(value: string, offset: number | null): { days: Set<string>; offset: number | null } | null {
  const m = /^\s*(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,]\d+)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?)?\s*$/iu.exec(value);
  if (m === null) return null;
  const [, y = "", mo = "", d = "", hh, mi, ss, tz] = m;
  const days = new Set([`${y}-${mo}-${d}`]);
  if (hh === undefined || tz === undefined) return { days, offset: null };
  const digits = tz.toUpperCase() === "Z" ? "0000" : tz.slice(1).replace(":", "");
  const own = (tz.startsWith("-") ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  const instant = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss ?? 0)) - own * 60_000;
  for (const shift of [0, ...(offset === null ? [] : [offset])]) days.add(new Date(instant + shift * 60_000).toISOString().slice(0, 10));
  return { days, offset: own };
}

/** score.py's "same day": the record's date as written, in UTC or in the truth's offset, meets the truth's day. */
export function sameDay(truth: string, record: string | null | undefined): boolean {
  if (typeof record !== "string") return false;
  const t = daysOf(truth, null);
  const r = t === null ? null : daysOf(record, t.offset);
  return t !== null && r !== null && [...r.days].some((d) => t.days.has(d));
}

const fold = (text: string): string => normTitle(text).normalize("NFKD").replace(/\p{M}/gu, "");
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "phd", "md"]);

/** score.py's author rule: every surname of the truth occurs as a word in the record's authors. */
export function authorsAgree(truth: string, authors: readonly string[]): boolean {
  const hay = ` ${authors.map(fold).join(" ")} `;
  const surnames = truth.split(/\s*(?:,|;|\||&|\band\b)\s*/iu).flatMap((name) => {
    const words = (fold(name).match(/[\p{L}\p{N}_'’-]+/gu) ?? []).filter((w) => w.replace(/['’-]/gu, "") !== "");
    while (words.length > 0 && SUFFIXES.has((words[words.length - 1] ?? "").replace(/\./gu, ""))) words.pop();
    const last = words[words.length - 1];
    return last === undefined ? [] : [last.replace(/^['’-]+|['’-]+$/gu, "")];
  });
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  return surnames.length > 0 && surnames.every((s) => new RegExp(`(?<![\\p{L}\\p{N}_])${escape(s)}(?![\\p{L}\\p{N}_])`, "u").test(hay));
}

export interface MetaPage {
  id: string;
  site: string;
  title: string | null;
  published: string | null;
  authors: string[];
  titleOk: boolean;
  dateOk: boolean;
  /** null when the truth names no author (not scored). */
  authorOk: boolean | null;
  /** The failure rule, when the dump was not built ("no-date", "not-article"). */
  failure: string | null;
}

/**
 * Parses every dump of `dumpsDir` as `morgue parse --json` does (site timezone `timezone`, the file
 * name as given) and scores headline, date and author against `truth`, by id.
 */
export function scoreMeta(dumpsDir: string, truth: Readonly<Record<string, Truth>>, parse: Parser, timezone: string): MetaPage[] {
  return Object.keys(truth).sort().map((id): MetaPage => {
    const t = truth[id] as Truth;
    const decoded = decodeDump(readFileSync(join(dumpsDir, `${id}.txt`)));
    const outcome = decoded.ok ? parse(decoded.text, { timezone, fileName: `${id}.txt` }) : null;
    const read = outcome === null ? null : outcome.ok ? outcome.article : (outcome.partial ?? null);
    const published = outcome?.ok === true ? (outcome.article.published ?? outcome.article.date) : null;
    const title = read?.title ?? null;
    const authors = read?.authors ?? [];
    return {
      id,
      site: siteOf(t.url),
      title,
      published,
      authors,
      titleOk: title !== null && normTitle(title) === normTitle(t.title),
      dateOk: sameDay(t.published, published),
      authorOk: t.author === "" ? null : authorsAgree(t.author, authors),
      failure: outcome === null ? "not decoded" : outcome.ok ? null : outcome.error.rule,
    };
  });
}
