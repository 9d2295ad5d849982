// The archive index: every list a page needs, built once from the records, as plain arrays of
// plain objects (no cycles) so Eleventy can paginate over them without searching per page.
// Pure: the same records, report and config give the same archive, field for field.
import type { ArticleRecord, Image } from "../record/schema.ts";
import type { BuildNote, BuildReport, DumpFailure, DuplicateStory, KeptCorrection } from "../report.ts";
import type { SiteConfig } from "../config.ts";
import { archiveTagKeys, tagKey } from "./entities.ts";
import type { BodyFactsOf } from "./body-facts.ts";
import { relate, type RelatedCarry } from "./related.ts";
import { normaliseHeadline, sha256, slugify } from "../record/identity.ts";
import { createRequire } from "node:module";

/** A light reference to a story, used wherever one page points at another. */
export interface ArticleLink {
  id: string;
  url: string;
  title: string;
  /** Archive day, `YYYY-MM-DD`; null for a story on the undated shelf. */
  date: string | null;
  published: string | null;
  /** The zone `published` is in, as readers know it: "EDT" when it is the site zone's, else "GMT+1". */
  zone: string | null;
  section: string;
  sectionUrl: string;
  /** Plain text for lists, `<meta name=description>` and feeds: the first paragraph, shortened. */
  description: string;
  /** The publication the story came from, when the dump names it. */
  outlet: string | null;
  /** Minutes to read the body at 230 words a minute, at least 1. */
  readingMinutes: number;
}

/** What a tag names, when the tagger said (records' `tagTypes`). */
export type TagType = "person" | "place" | "organisation";

/** A section or tag as listed: display name, URL key, page URL and number of stories. */
export interface Term {
  name: string;
  key: string;
  url: string;
  count: number;
  /** Tags only: the type most of its stories give it, if any. */
  type?: TagType | null;
}

export type TermRef = Omit<Term, "count">;

/** A story named under the dump's "Related Stories": resolved to an archive page or not. */
export interface DumpLink {
  title: string;
  section: string | null;
  /** `YYYY-MM-DD` of the related story, when the dump showed one. */
  date: string | null;
  published: string | null;
  source: string | null;
  summary: string | null;
  article: ArticleLink | null;
}

/** One entry of an article's related list, with why it is there. */
export interface RelatedEntry {
  article: ArticleLink;
  /** "dump": named in the story's own Related Stories; "computed": found by similarity. */
  reason: "dump" | "computed";
  sharedTags: TermRef[];
}

export interface MoreList {
  heading: string;
  items: { title: string; section: string | null; article: ArticleLink | null }[];
}

export interface ArchiveArticle extends ArticleLink {
  slug: string;
  updated: string | null;
  /** The zone of `updated`, as for `zone`. */
  updatedZone: string | null;
  /** The page's original address, when the dump holds it. */
  originalUrl: string | null;
  authors: string[];
  language: string | null;
  images: Image[];
  /** Key of the body as HTML in the build's body store (src/ingest/body-store.ts): a digest of the Markdown. */
  bodyKey: string;
  tags: TermRef[];
  links: DumpLink[];
  /** The dump's resolved related stories first, computed ones fill up to `relatedLimit`. */
  related: RelatedEntry[];
  more: MoreList[];
  /** Stories whose Related Stories name this one. */
  linkedFrom: ArticleLink[];
  /** Older and newer neighbour in archive order. */
  prev: ArticleLink | null;
  next: ArticleLink | null;
  year: string;
  yearUrl: string;
  monthUrl: string;
  dayUrl: string;
  /** The dump the story is built from, then any other dumps of the same story. */
  sourceFiles: string[];
}

export interface DayGroup {
  date: string;
  year: string;
  month: string;
  day: string;
  url: string;
  count: number;
  articles: ArticleLink[];
  prev: PeriodRef | null;
  next: PeriodRef | null;
}

export interface PeriodRef {
  url: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  key: string;
}

export interface MonthGroup {
  year: string;
  month: string;
  /** `YYYY-MM`. */
  key: string;
  url: string;
  count: number;
  days: DayGroup[];
  /** The month's leading stories (see `leadingStories`), the most leading first. */
  top: ArticleLink[];
  prev: PeriodRef | null;
  next: PeriodRef | null;
}

export interface YearGroup {
  year: string;
  url: string;
  count: number;
  months: MonthGroup[];
  prev: PeriodRef | null;
  next: PeriodRef | null;
}

/** One page of a paginated section or tag listing. */
export interface ListPage {
  kind: "section" | "tag";
  term: Term;
  url: string;
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  pageUrls: string[];
  items: ArticleLink[];
  /** The same for every page of a term. */
  profile: TermProfile;
  /** The section's own feeds (tags have none). */
  feed: FeedRef | null;
}

/** Stories in one month (`YYYY-MM`). */
export interface MonthCount {
  key: string;
  count: number;
}

/** What a section or tag page shows beside its list: coverage over time, company, spread. */
export interface TermProfile {
  /** First and last archive day. */
  first: string;
  last: string;
  /** Months with stories, oldest first. */
  months: MonthCount[];
  /** Years with stories, newest first, each with the listing page holding its newest story. */
  years: { year: string; count: number; url: string }[];
  /** For a tag, the tags most often on the same stories; for a section, its most frequent tags. */
  tags: Term[];
  /** Tags only: the sections of its stories, most first. */
  sections: Term[];
}

/** The tags whose first character is one letter (Latin), digit or script, on a page of their own. */
export interface TagLetter {
  /** "A", "0–9", "Cyrillic". */
  label: string;
  url: string;
  /** By name. */
  tags: Term[];
}

/** One page of a letter's tags (a letter with more than `LETTER_PAGE` tags has several). */
export interface TagLetterPage {
  letter: TagLetter;
  url: string;
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  pageUrls: string[];
  tags: Term[];
}

/** /tag/: the most-covered tags (by type when tags carry one), then every letter. */
export interface TagIndex {
  top: { type: TagType | null; tags: Term[] }[];
  letters: TagLetter[];
  letterPages: TagLetterPage[];
}

/** Stories an archivist should look at (the review queue on /report/). */
export interface ReviewQueue {
  /** The parser found no section and used its default. */
  defaultSection: ArticleLink[];
  untagged: ArticleLink[];
  /** Dated years away from the years that hold the archive (see `outlierYears`). */
  outlierDates: ArticleLink[];
  /** One headline on different days: repeats, corrections or a headline reused by mistake. */
  repeatedHeadlines: ArticleLink[][];
  /** The page printed no date; the story is on the undated shelf until one is given. */
  undated: ArticleLink[];
  /** The page printed no date; the day came from the file name. */
  datedByFileName: ArticleLink[];
}

/** A feed (Atom and JSON) for the whole site or one section. */
/** Where a feed is and what it is called. */
export interface FeedRef {
  title: string;
  atomUrl: string;
  jsonUrl: string;
}

export interface Feed extends FeedRef {
  /** The HTML page the feed mirrors. */
  pageUrl: string;
  items: ArchiveArticle[];
}

/** A section's Atom and JSON feeds, beside its page. */
const sectionFeed = (section: Term, config: SiteConfig): FeedRef => ({
  title: `${section.name} — ${config.title}`,
  atomUrl: `${section.url}feed.xml`,
  jsonUrl: `${section.url}feed.json`,
});

/** A related story named by one or more dumps that the archive does not hold. */
export interface MissingStory {
  title: string;
  section: string | null;
  date: string | null;
  source: string | null;
  namedBy: ArticleLink[];
}

export interface ArchiveReport {
  failures: DumpFailure[];
  corrections: KeptCorrection[];
  duplicates: DuplicateStory[];
  notes: BuildNote[];
  missingRelated: MissingStory[];
  review: ReviewQueue;
}

export interface Archive {
  /** Oldest first. */
  articles: ArchiveArticle[];
  /** Newest first, `feedSize` long. */
  latest: ArchiveArticle[];
  years: YearGroup[];
  months: MonthGroup[];
  days: DayGroup[];
  /** Alphabetical by key. */
  sections: Term[];
  /** Sections by size, most stories first; `small` holds those under `SMALL_SECTION` stories (empty when every section is). */
  sectionIndex: { main: Term[]; small: Term[] };
  /** Alphabetical by key. */
  tags: Term[];
  tagIndex: TagIndex;
  /** Tags with the most stories (two or more), most first. */
  busiestTags: Term[];
  /** The newest story's month and day in the years before it, newest year first. */
  onThisDay: { date: string; years: { year: string; stories: ArticleLink[] }[] };
  listPages: ListPage[];
  feeds: Feed[];
  /** The undated shelf (`/undated/`): stories without a date, by headline. */
  undated: ArticleLink[];
  report: ArchiveReport;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A record with the keys archive order sorts by, worked out once. */
interface Sortable {
  record: ArticleRecord;
  /** `HHMMSS` of the wall-clock time the story showed; "" when untimed. */
  clock: string;
  ms: number;
}

function sortable(record: ArticleRecord): Sortable {
  const time = record.published === null ? null : /T(\d\d):(\d\d)(?::(\d\d))?/.exec(record.published);
  return {
    record,
    clock: time ? `${time[1]}${time[2]}${time[3] ?? "00"}` : "",
    ms: record.published === null ? Number.NEGATIVE_INFINITY : Date.parse(record.published),
  };
}

/**
 * Archive order: day (undated last), then the time as printed (untimed first), then the instant, then id. Lists
 * print each story's own clock time with its zone, so within a day they read in clock order
 * ("7:05 AM EDT", "8:02 AM EDT", "12:48 PM GMT+8") even where the instants are in another order.
 */
function compareSortable(a: Sortable, b: Sortable): number {
  return (
    // Undated stories come after every dated one ("~" sorts after any digit).
    compareStrings(a.record.date ?? "~", b.record.date ?? "~") ||
    compareStrings(a.clock, b.clock) ||
    a.ms - b.ms ||
    compareStrings(a.record.id, b.record.id)
  );
}

/** "GMT-4", "GMT+5:30", "GMT" for the offset of an ISO date-time, as `Intl` writes offsets. */
function offsetName(iso: string): string | null {
  const m = /(?:Z|([+-])(\d\d):(\d\d))$/.exec(iso);
  if (!m) return null;
  const hours = Number(m[2] ?? 0);
  const minutes = m[3] ?? "00";
  if (hours === 0 && minutes === "00") return "GMT";
  return `GMT${m[1]}${hours}${minutes === "00" ? "" : `:${minutes}`}`;
}

/**
 * Names the zone of ISO date-times for print: the site zone's own abbreviation ("EDT", "EST")
 * where the offset is the site zone's at that instant, else the offset ("GMT+1"). Memoised per
 * day and offset (two `Intl` calls cost about 0.1 ms: per hour, they took 2.8 s of a 10,000-story
 * index); on a day the clocks change, each of its two offsets is asked once.
 */
function zoneNamer(timezone: string): (iso: string | null) => string | null {
  const short = new Intl.DateTimeFormat("en-US", { timeZone: timezone, timeZoneName: "short" });
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: timezone, timeZoneName: "shortOffset" });
  const part = (format: Intl.DateTimeFormat, date: Date): string => format.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? "";
  const memo = new Map<string, string | null>();
  return (iso) => {
    if (iso === null) return null;
    const own = offsetName(iso);
    if (own === null) return null;
    const key = `${iso.slice(0, 10)}${own}`;
    let name = memo.get(key);
    if (name === undefined) {
      const date = new Date(iso);
      name = Number.isNaN(date.getTime()) || part(offset, date) !== own ? own : part(short, date);
      memo.set(key, name);
    }
    return name;
  };
}

/** Words a minute for reading time (a common adult silent-reading rate for non-fiction). */
const WORDS_PER_MINUTE = 230;

export function readingMinutes(markdown: string): number {
  // Words counted as starts of non-space runs, in one pass without making strings.
  let words = 0;
  let inWord = false;
  for (let i = 0; i < markdown.length; i++) {
    const space = markdown.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** Days between two archive days, in milliseconds; an undated story is as far as can be. */
function dayDistance(a: string | null, b: string | null): number {
  if (a === null || b === null) return Number.POSITIVE_INFINITY;
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`));
}

/** First paragraph as plain text, cut at a word boundary near `max` characters. */
export function describe(markdown: string, max = 200): string {
  const paragraph = firstParagraph(markdown);
  const text = paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

/**
 * The first paragraph (text between blank lines) that is not blank, or "": the first of
 * `markdown.split(/\n\s*\n/)`, found without splitting the rest of the body.
 */
function firstParagraph(markdown: string): string {
  const breaks = /\n\s*\n/g;
  let start = 0;
  for (let found = breaks.exec(markdown); found !== null; found = breaks.exec(markdown)) {
    const paragraph = markdown.slice(start, found.index);
    if (paragraph.trim() !== "") return paragraph;
    start = breaks.lastIndex;
  }
  const last = markdown.slice(start);
  return last.trim() !== "" ? last : "";
}

/** Collects the spellings of a name under its key and picks the most used one (ties: first in code-point order). */
class NameTally {
  private readonly counts = new Map<string, Map<string, number>>();
  /** `topCounted` by key, until a name is added under it: every story page asks for its section's and tags' names. */
  private readonly tops = new Map<string, [string, number] | null>();
  add(key: string, name: string): void {
    const names = this.counts.get(key) ?? new Map<string, number>();
    names.set(name, (names.get(name) ?? 0) + 1);
    this.counts.set(key, names);
    this.tops.delete(key);
  }
  /** The most used name of `key`, or null when none was added. */
  top(key: string): string | null {
    return this.topCounted(key)?.[0] ?? null;
  }
  /** The most used name of `key` and how many times it was added. */
  topCounted(key: string): [string, number] | null {
    let top = this.tops.get(key);
    if (top === undefined) {
      const names = [...(this.counts.get(key) ?? new Map<string, number>())];
      names.sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
      top = names[0] ?? null;
      this.tops.set(key, top);
    }
    return top;
  }
  name(key: string): string {
    return this.top(key) ?? key;
  }
}

/**
 * Section labels that name one section, by URL key. Sections are the outlet's own labels, not
 * entities: only spellings of one label are merged here. VOA's sample prints "USA"; other outlets
 * print "U.S." or "US" (the page-text dev corpus) and "United States".
 */
const SECTION_ALIASES = new Map([
  ["usa", "us"],
  ["united-states", "us"],
]);

/**
 * The URL key of a section label: case, accents and abbreviation dots folded ("U.S." = "US"),
 * any script transliterated to readable ASCII ("Новости" -> "novosti"), then the alias table.
 */
export function sectionKey(section: string): string {
  let key = sectionKeys.get(section);
  if (key === undefined) {
    const folded = toAscii(section.normalize("NFKC")).replace(/\b([A-Za-z])\./g, "$1");
    const slug = slugify(folded, `section-${sha256(section).slice(0, 8)}`);
    key = SECTION_ALIASES.get(slug) ?? slug;
    sectionKeys.set(section, key);
  }
  return key;
}

let transliteration: typeof import("transliteration") | null = null;

/**
 * Text in readable ASCII, by the transliteration package. ASCII text is returned as it is, as the
 * package returns it (tests/site.test.ts checks every ASCII character), and the package is loaded
 * only for other text: loading it was 57 ms of every build's start-up, for section labels that
 * are nearly always ASCII.
 */
function toAscii(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  transliteration ??= createRequire(import.meta.url)("transliteration") as typeof import("transliteration");
  return transliteration.transliterate(text);
}

/** `sectionKey` per label: an archive has a few dozen labels on thousands of stories. */
const sectionKeys = new Map<string, string>();

/** Sections with fewer stories are listed together after the others (when some are bigger). */
export const SMALL_SECTION = 3;

/** Non-Latin scripts with a tag page of their own (Unicode script property, display name). */
const TAG_SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Cyrillic}/u, "Cyrillic"],
  [/\p{Script=Greek}/u, "Greek"],
  [/\p{Script=Arabic}/u, "Arabic"],
  [/\p{Script=Hebrew}/u, "Hebrew"],
  [/\p{Script=Devanagari}/u, "Devanagari"],
  [/\p{Script=Han}/u, "Chinese characters"],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, "Japanese kana"],
  [/\p{Script=Hangul}/u, "Korean"],
];

const folded = new Map<string, string>();
/** Without accents and case, for sorting and grouping names (memoised: sorts ask for each name often). */
function fold(name: string): string {
  let key = folded.get(name);
  if (key === undefined) {
    key = name.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
    folded.set(name, key);
  }
  return key;
}

/** The letter page of a tag name: its first Latin letter, "0–9" for digits and symbols, or its script. */
function letterOf(name: string): { label: string; key: string } {
  const first = [...fold(name)].find((c) => /[\p{L}\p{N}]/u.test(c)) ?? "";
  if (/[a-z]/.test(first)) return { label: first.toUpperCase(), key: first };
  const script = /\p{L}/u.test(first) ? TAG_SCRIPTS.find(([pattern]) => pattern.test(first)) : undefined;
  if (script) return { label: script[1], key: slugify(script[1], "script") };
  return /\p{L}/u.test(first) ? { label: "Other scripts", key: "other" } : { label: "0–9", key: "0-9" };
}

/** A letter's tags in pages of `LETTER_PAGE`: `/tags/s/`, `/tags/s/2/`, ... */
function letterPages(letter: TagLetter): TagLetterPage[] {
  const pageCount = Math.max(1, Math.ceil(letter.tags.length / LETTER_PAGE));
  const pageUrls = Array.from({ length: pageCount }, (_, i) => (i === 0 ? letter.url : `${letter.url}${i + 1}/`));
  return pageUrls.map((url, i) => ({ letter, url, pageNumber: i + 1, pageCount, pageUrls, tags: letter.tags.slice(i * LETTER_PAGE, (i + 1) * LETTER_PAGE) }));
}

/** Latin letters first (A-Z), then digits, then scripts by name. */
function compareLetters(a: TagLetter, b: TagLetter): number {
  const rank = (l: TagLetter): number => (l.label.length === 1 ? 0 : l.label === "0–9" ? 1 : 2);
  return rank(a) - rank(b) || compareStrings(a.label, b.label);
}

/** Tags on the tag index per group; everything else is on the letter pages. */
const TOP_TAGS = 24;
/**
 * Tags on one letter page: 400 made an 11,100 px page on a 375 px phone (one column), 300 keep it
 * near 8,500 px. The 10,000-story test archive has 10,000 tags under one letter.
 */
export const LETTER_PAGE = 300;
/** Co-occurring tags shown on a tag or section page. */
const PROFILE_TAGS = 12;
/** Leading stories per month on year pages. */
const MONTH_TOP = 5;

const byCount = (a: Term, b: Term): number => b.count - a.count || compareStrings(fold(a.name), fold(b.name)) || compareStrings(a.key, b.key);

/**
 * The `limit` biggest of `counts` (key -> count) as terms, most first. Only entries that can make
 * the cut (count at least the limit-th biggest) become terms and are sorted by name: a busy tag
 * has tens of thousands of co-occurring tags.
 */
function topTerms(counts: Map<string, number>, ref: (key: string) => TermRef, limit: number): Term[] {
  let entries = [...counts];
  if (entries.length > limit) {
    const threshold = entries.map((e) => e[1]).sort((a, b) => b - a)[limit - 1] ?? 0;
    entries = entries.filter((e) => e[1] >= threshold);
  }
  return entries
    .map(([key, count]) => ({ ...ref(key), count }))
    .sort(byCount)
    .slice(0, limit);
}

/**
 * Years that hold the archive: each with two stories or more and at least 1% of them. A story
 * dated more than two years from every such year is an outlier (a misread date: 1850 in a 2005
 * archive).
 */
function outlierYears(years: readonly YearGroup[], total: number): Set<string> {
  const main = years.filter((y) => y.count >= 2 && y.count * 100 >= total).map((y) => Number(y.year));
  if (main.length === 0) return new Set();
  return new Set(years.filter((y) => main.every((m) => Math.abs(Number(y.year) - m) > 2)).map((y) => y.year));
}

const TAG_TYPES: readonly TagType[] = ["person", "place", "organisation"];

/**
 * A month's leading stories: those on the month's most-told subjects (the sum, over a story's
 * tags, of the month's other stories with that tag), then those other stories name as related;
 * most first, ties in archive order. Without tags or links, the month's first stories.
 */
function leadingStories(stories: readonly ArchiveArticle[], limit: number): ArchiveArticle[] {
  const counts = new Map<string, number>();
  for (const a of stories) for (const t of a.tags) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
  const score = (a: ArchiveArticle): number => a.tags.reduce((sum, t) => sum + (counts.get(t.key) ?? 1) - 1, 0) + 2 * a.linkedFrom.length;
  const scored = stories.map((a, i) => ({ a, i, score: score(a) }));
  scored.sort((x, y) => y.score - x.score || x.i - y.i);
  return scored.slice(0, limit).map((x) => x.a);
}

/** The month of a `YYYY-MM-DD` day. */
const monthOf = (date: string): string => date.slice(0, 7);

/** A story with a date (not on the undated shelf). */
type DatedLink = ArticleLink & { date: string };
const isDated = <T extends ArticleLink>(a: T): a is T & { date: string } => a.date !== null;

/** Where the undated shelf lives: its page, and its stories' pages below it. */
export const UNDATED_URL = "/undated/";

/** The listing pages of a term: `items` newest first, `size` a page. */
function paginate(
  kind: ListPage["kind"],
  term: Term,
  items: ArticleLink[],
  size: number,
  company: { tags: Term[]; sections: Term[] },
  feed: FeedRef | null,
): ListPage[] {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const pageUrls = Array.from({ length: pageCount }, (_, i) => (i === 0 ? term.url : `${term.url}page/${i + 1}/`));
  // The profile counts dated stories; undated ones come last in `items`, after the oldest.
  const dated = items.filter(isDated);
  const months: MonthCount[] = [];
  for (let i = dated.length - 1; i >= 0; i--) {
    const key = monthOf((dated[i] as DatedLink).date);
    const last = months.at(-1);
    if (last?.key === key) last.count++;
    else months.push({ key, count: 1 });
  }
  const years: TermProfile["years"] = [];
  dated.forEach((a, i) => {
    const last = years.at(-1);
    if (last?.year === a.date.slice(0, 4)) last.count++;
    else years.push({ year: a.date.slice(0, 4), count: 1, url: pageUrls[Math.floor(i / size)] as string });
  });
  const profile: TermProfile = { first: dated.at(-1)?.date ?? "", last: dated[0]?.date ?? "", months, years, ...company };
  return pageUrls.map((url, i) => ({
    kind,
    term,
    url,
    pageNumber: i + 1,
    pageCount,
    pageUrls,
    items: items.slice(i * size, (i + 1) * size),
    profile,
    feed,
  }));
}

/** Links each group to its neighbours, in the order given. */
function chain<T extends { url: string; prev: PeriodRef | null; next: PeriodRef | null }>(
  groups: T[],
  key: (g: T) => string,
): void {
  groups.forEach((g, i) => {
    const before = groups[i - 1];
    const after = groups[i + 1];
    g.prev = before ? { url: before.url, key: key(before) } : null;
    g.next = after ? { url: after.url, key: key(after) } : null;
  });
}

/**
 * Builds the archive index from validated records (tags already derived) and the build report.
 * Every list the site shows is made here, once.
 */
export function buildArchive(
  records: readonly ArticleRecord[],
  report: BuildReport,
  config: SiteConfig,
  /** Key of the record's body as HTML in the body store; made once per story at ingest. */
  bodyKey: (record: ArticleRecord) => string,
  /** The facts of each record's body, when the caller keeps them (src/index/body-facts.ts); made here if not. */
  facts?: BodyFactsOf<ArticleRecord>,
  /** The last build's related-story state, when the caller keeps it; this build's is left in it. */
  relatedState?: RelatedCarry,
): Archive {
  // Normalised headlines, each made once for this archive: the stories', their Related Stories
  // entries' and the sorts by headline ask for the same ones again and again (70 ms of a
  // 10,000-story index made afresh each time). Kept here, not in a module-wide memo: a headline
  // parsed in a thread is a slice of its whole dump, which a lasting memo would keep alive.
  const headlineKeys = new Map<string, string>();
  const headlineKey = (title: string): string => {
    let key = headlineKeys.get(title);
    if (key === undefined) headlineKeys.set(title, (key = normaliseHeadline(title)));
    return key;
  };
  const sorted = records.map(sortable).sort(compareSortable).map((x) => x.record);
  const zone = zoneNamer(config.timezone);

  // Names: sections and tags are merged by key; the most used spelling is shown.
  const sectionNames = new NameTally();
  const tagNames = new NameTally();
  const tagTypes = new NameTally();
  const tagKeyOf = archiveTagKeys(sorted.flatMap((r) => r.tags.map((tag) => ({ tag, type: r.tagTypes?.[tag] }))));
  for (const r of sorted) {
    sectionNames.add(sectionKey(r.section), r.section);
    for (const t of r.tags) {
      const key = tagKeyOf(t);
      // A surname folded into a full name does not name the page ("Tony Blair", not "Blair").
      if (key && key === tagKey(t)) tagNames.add(key, t);
      const type = r.tagTypes?.[t];
      if (key && type) tagTypes.add(key, type);
    }
  }
  const sectionRef = (section: string): TermRef => {
    const key = sectionKey(section);
    return { key, name: sectionNames.name(key), url: `/section/${key}/` };
  };
  const tagRef = (key: string): TermRef => ({ key, name: tagNames.name(key), url: `/tag/${key}/` });

  const alsoIn = new Map(report.duplicates.map((d) => [d.kept, d.also]));
  // URLs: first come keeps the plain slug, later collisions get -2, -3, ...
  const taken = new Set<string>();
  const articles: ArchiveArticle[] = sorted.map((r) => {
    const [year = "0000", month = "00", day = "00"] = r.date?.split("-") ?? [];
    const base = r.date === null ? `${UNDATED_URL}${r.slug}` : `/${year}/${month}/${day}/${r.slug}`;
    let url = `${base}/`;
    for (let n = 2; taken.has(url); n++) url = `${base}-${n}/`;
    taken.add(url);
    const section = sectionRef(r.section);
    const tagKeys = [...new Set(r.tags.map(tagKeyOf).filter((k) => k !== ""))];
    const summary = facts?.summary(r) ?? { description: describe(r.body), readingMinutes: readingMinutes(r.body) };
    return {
      id: r.id,
      url,
      title: r.title,
      date: r.date,
      published: r.published,
      zone: zone(r.published),
      section: section.name,
      sectionUrl: section.url,
      description: summary.description,
      outlet: r.outlet ?? null,
      readingMinutes: summary.readingMinutes,
      slug: r.slug,
      updated: r.updated,
      updatedZone: zone(r.updated),
      originalUrl: r.url ?? null,
      authors: r.authors,
      language: r.language,
      images: r.images,
      bodyKey: bodyKey(r),
      tags: tagKeys.map(tagRef),
      links: [],
      related: [],
      more: [],
      linkedFrom: [],
      prev: null,
      next: null,
      // An undated story's "year" is the shelf: its search shard and filter value are "undated".
      year: r.date === null ? "undated" : year,
      yearUrl: r.date === null ? UNDATED_URL : `/${year}/`,
      monthUrl: r.date === null ? UNDATED_URL : `/${year}/${month}/`,
      dayUrl: r.date === null ? UNDATED_URL : `/${year}/${month}/${day}/`,
      sourceFiles: [r.sourceFile, ...(alsoIn.get(r.sourceFile) ?? [])],
    };
  });

  const linkOf = new Map<string, ArticleLink>();
  for (const a of articles) {
    const { id, url, title, date, published, zone, section, sectionUrl, description, outlet, readingMinutes } = a;
    linkOf.set(id, { id, url, title, date, published, zone, section, sectionUrl, description, outlet, readingMinutes });
  }
  const link = (a: ArchiveArticle): ArticleLink => linkOf.get(a.id) as ArticleLink;

  // Headline resolution: among stories with the same normalised headline, the one nearest the
  // date the dump gives (or the naming story's date); ties go to the earlier in archive order.
  const byHeadline = new Map<string, ArchiveArticle[]>();
  for (const a of articles) {
    const key = headlineKey(a.title);
    const list = byHeadline.get(key) ?? [];
    list.push(a);
    byHeadline.set(key, list);
  }
  const resolve = (title: string, near: string | null): ArchiveArticle | null => {
    let best: ArchiveArticle | null = null;
    for (const candidate of byHeadline.get(headlineKey(title)) ?? []) {
      if (!best || dayDistance(candidate.date, near) < dayDistance(best.date, near)) best = candidate;
    }
    return best;
  };

  const missing = new Map<string, MissingStory>();
  const linkedFrom = new Map<string, Set<string>>();
  const dumpRelatedIds = new Map<string, Set<string>>();
  sorted.forEach((r, i) => {
    const a = articles[i] as ArchiveArticle;
    const named = new Set<string>();
    a.links = r.related.map((rel) => {
      const date = rel.published ? rel.published.slice(0, 10) : null;
      const target = resolve(rel.title, date ?? a.date);
      if (target && target.id !== a.id) {
        named.add(target.id);
        linkedFrom.set(target.id, (linkedFrom.get(target.id) ?? new Set()).add(a.id));
      }
      if (!target) {
        const key = headlineKey(rel.title);
        const entry = missing.get(key) ?? { title: rel.title, section: rel.section, date, source: rel.source, namedBy: [] };
        if (!entry.namedBy.some((l) => l.id === a.id)) entry.namedBy.push(link(a));
        missing.set(key, entry);
      }
      return {
        title: rel.title,
        section: rel.section,
        date,
        published: rel.published,
        source: rel.source,
        summary: rel.summary,
        article: target ? link(target) : null,
      };
    });
    a.more = r.more.map((block) => ({
      heading: block.heading,
      items: block.items.map((item) => {
        const target = resolve(item.title, a.date);
        return { title: item.title, section: item.section, article: target && target.id !== a.id ? link(target) : null };
      }),
    }));
    dumpRelatedIds.set(a.id, named);
  });

  // Related: the dump's own first (in its order), computed ones fill up without repeats.
  const { related: computed, state } = relate(
    // An undated story's "" reads as no day: no nearness in date counts for it (src/index/related.ts).
    sorted.map((r) => ({ id: r.id, title: r.title, body: r.body, key: bodyKey(r), section: r.section, tags: r.tags, date: r.date ?? "", grams: facts && (() => facts.grams(r)), terms: facts && (() => facts.terms(r)) })),
    { limit: config.relatedLimit, exclude: dumpRelatedIds, previous: relatedState?.previous ?? null },
  );
  if (relatedState) relatedState.next = state;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const position = new Map(articles.map((a, i) => [a.id, i]));
  const sharedTags = (a: ArchiveArticle, b: ArchiveArticle): TermRef[] => {
    const keys = new Set(b.tags.map((t) => t.key));
    return a.tags.filter((t) => keys.has(t.key));
  };
  for (const a of articles) {
    const seen = new Set<string>([a.id]);
    const related: RelatedEntry[] = [];
    for (const id of dumpRelatedIds.get(a.id) ?? []) {
      const target = byId.get(id);
      if (related.length >= config.relatedLimit || !target || seen.has(id)) continue;
      seen.add(id);
      related.push({ article: link(target), reason: "dump", sharedTags: sharedTags(a, target) });
    }
    for (const hit of computed.get(a.id) ?? []) {
      const target = byId.get(hit.id);
      if (related.length >= config.relatedLimit || !target || seen.has(hit.id)) continue;
      seen.add(hit.id);
      const reasons = [...new Set(hit.sharedTags.map(tagKeyOf).filter((k) => k !== ""))].map(tagRef);
      related.push({ article: link(target), reason: "computed", sharedTags: reasons.length ? reasons : sharedTags(a, target) });
    }
    a.related = related;
    a.linkedFrom = [...(linkedFrom.get(a.id) ?? [])]
      .sort((x, y) => (position.get(x) ?? 0) - (position.get(y) ?? 0))
      .map((id) => linkOf.get(id) as ArticleLink);
  }
  // Older and newer: dated stories only (undated ones, last in archive order, have no place in time).
  const dated = articles.filter(isDated);
  const undatedArticles = articles.slice(dated.length);
  dated.forEach((a, i) => {
    const before = dated[i - 1];
    const after = dated[i + 1];
    a.prev = before ? link(before) : null;
    a.next = after ? link(after) : null;
  });
  // The undated shelf, by headline.
  const undated = [...undatedArticles]
    .sort((x, y) => compareStrings(headlineKey(x.title), headlineKey(y.title)) || compareStrings(x.id, y.id))
    .map(link);

  // Dates: years > months > days, oldest first.
  const days: DayGroup[] = [];
  const months: MonthGroup[] = [];
  const years: YearGroup[] = [];
  const monthStories: ArchiveArticle[][] = [];
  for (const a of dated) {
    const [year = "", month = "", day = ""] = a.date.split("-");
    let y = years.at(-1);
    if (!y || y.year !== year) {
      y = { year, url: `/${year}/`, count: 0, months: [], prev: null, next: null };
      years.push(y);
    }
    let m = months.at(-1);
    if (!m || m.key !== `${year}-${month}`) {
      m = { year, month, key: `${year}-${month}`, url: `/${year}/${month}/`, count: 0, days: [], top: [], prev: null, next: null };
      months.push(m);
      monthStories.push([]);
      y.months.push(m);
    }
    let d = days.at(-1);
    if (!d || d.date !== a.date) {
      d = { date: a.date, year, month, day, url: `/${year}/${month}/${day}/`, count: 0, articles: [], prev: null, next: null };
      days.push(d);
      m.days.push(d);
    }
    y.count++;
    m.count++;
    d.count++;
    d.articles.push(link(a));
    monthStories.at(-1)?.push(a);
  }
  chain(years, (g) => g.year);
  chain(months, (g) => g.key);
  chain(days, (g) => g.date);
  months.forEach((m, i) => {
    m.top = leadingStories(monthStories[i] ?? [], MONTH_TOP).map(link);
  });

  // Sections and tags: newest first, paginated.
  // Section and tag lists: newest first, then the undated shelf's stories.
  const newestFirst = [...[...dated].reverse(), ...undatedArticles];
  const sectionLists = new Map<string, ArchiveArticle[]>();
  const tagLists = new Map<string, ArchiveArticle[]>();
  for (const a of newestFirst) {
    const inSection = sectionLists.get(a.sectionUrl) ?? [];
    inSection.push(a);
    sectionLists.set(a.sectionUrl, inSection);
    for (const t of a.tags) {
      const list = tagLists.get(t.key) ?? [];
      list.push(a);
      tagLists.set(t.key, list);
    }
  }
  const sectionOf = (url: string): TermRef => {
    const key = url.split("/")[2] ?? "";
    return { key, name: sectionNames.name(key), url };
  };
  const sections: Term[] = [...sectionLists]
    .map(([url, list]) => ({ ...sectionOf(url), count: list.length }))
    .sort((x, y) => compareStrings(x.key, y.key));
  const tags: Term[] = [...tagLists]
    .map(([key, list]) => {
      // A type only when at least half the tag's stories say so: one story's "in Apple" or
      // "Amazon Alexa" read as a place or a person stays one story's (the dev pages' tag index
      // showed Apple, WeWork and Twitter as places, each typed so by one story in three to six).
      const typed = tagTypes.topCounted(key);
      return { ...tagRef(key), count: list.length, type: typed !== null && typed[1] * 2 >= list.length ? (typed[0] as TagType) : null };
    })
    .sort((x, y) => compareStrings(x.key, y.key));
  const tagTerm = new Map(tags.map((t) => [t.key, t]));
  const sectionTerm = new Map(sections.map((t) => [t.url, t]));
  const tagRefOf = (key: string): Term => tagTerm.get(key) as Term;
  /** How often each tag is on `stories`, leaving out `except`. */
  const tagCounts = (stories: readonly ArchiveArticle[], except: string | null): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const a of stories) for (const t of a.tags) if (t.key !== except) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
    return counts;
  };
  const size = config.itemsPerPage;
  const listPages = [
    ...sections.flatMap((s) => {
      const list = sectionLists.get(s.url) ?? [];
      const company = { tags: topTerms(tagCounts(list, null), tagRefOf, PROFILE_TAGS), sections: [] };
      return paginate("section", s, list.map(link), size, company, sectionFeed(s, config));
    }),
    ...tags.flatMap((t) => {
      const list = tagLists.get(t.key) ?? [];
      // A tag on one story has no company to speak of: its page is that story (20,000 of 20,600
      // tags in the 10,000-story test archive, where working it out cost 0.6 s).
      if (list.length === 1) return paginate("tag", t, list.map(link), size, { tags: [], sections: [] }, null);
      const inSections = new Map<string, number>();
      for (const a of list) inSections.set(a.sectionUrl, (inSections.get(a.sectionUrl) ?? 0) + 1);
      const company = {
        tags: topTerms(tagCounts(list, t.key), tagRefOf, PROFILE_TAGS),
        sections: topTerms(inSections, (url) => sectionTerm.get(url) as Term, Number.POSITIVE_INFINITY),
      };
      return paginate("tag", t, list.map(link), size, company, null);
    }),
  ];

  const bySize = [...sections].sort(byCount);
  const main = bySize.filter((s) => s.count >= SMALL_SECTION);
  const sectionIndex = main.length ? { main, small: bySize.filter((s) => s.count < SMALL_SECTION) } : { main: bySize, small: [] };

  const busiest = [...tags].sort(byCount);
  const covered = busiest.filter((t) => t.count > 1);
  const typed = covered.some((t) => t.type);
  const top: TagIndex["top"] = typed
    ? ([...TAG_TYPES, null] as const)
        .map((type) => ({ type, tags: covered.filter((t) => (t.type ?? null) === type).slice(0, TOP_TAGS) }))
        .filter((group) => group.tags.length > 0)
    : [{ type: null, tags: covered.slice(0, TOP_TAGS * 2) }];
  const letters = new Map<string, TagLetter>();
  for (const t of tags) {
    const { label, key } = letterOf(t.name);
    const letter = letters.get(key) ?? { label, url: `/tags/${key}/`, tags: [] };
    letter.tags.push(t);
    letters.set(key, letter);
  }
  for (const letter of letters.values()) letter.tags.sort((a, b) => compareStrings(fold(a.name), fold(b.name)) || compareStrings(a.key, b.key));
  const sortedLetters = [...letters.values()].sort(compareLetters);

  const latest = [...dated].reverse().slice(0, config.feedSize);
  const feeds: Feed[] = [
    { title: config.title, pageUrl: "/", atomUrl: "/feed.xml", jsonUrl: "/feed.json", items: latest },
    ...sections.map((s) => ({
      ...sectionFeed(s, config),
      pageUrl: s.url,
      items: (sectionLists.get(s.url) ?? []).filter(isDated).slice(0, config.feedSize),
    })),
  ];

  // On this day: the newest story's month and day (not the build's clock: output stays reproducible).
  const newest = dated.at(-1);
  const today = newest?.date.slice(5) ?? "";
  const onThisDay = {
    date: newest?.date ?? "",
    years: [...days]
      .reverse()
      .filter((d) => d.date.slice(5) === today && d.year !== newest?.year)
      .map((d) => ({ year: d.year, stories: d.articles.slice(0, MONTH_TOP) })),
  };

  const missingRelated = [...missing.values()].sort(
    (x, y) => compareStrings(headlineKey(x.title), headlineKey(y.title)) || compareStrings(x.title, y.title),
  );

  const outliers = outlierYears(years, dated.length);
  const review: ReviewQueue = {
    // "default" and "file name ..." are what the generic parser writes in provenance (src/parse/generic/index.ts).
    defaultSection: sorted.flatMap((r, i) => (r.provenance.section === "default" ? [link(articles[i] as ArchiveArticle)] : [])),
    untagged: articles.filter((a) => a.tags.length === 0).map(link),
    outlierDates: articles.filter((a) => outliers.has(a.year)).map(link),
    repeatedHeadlines: [...byHeadline]
      .filter(([, list]) => list.length > 1)
      .sort((x, y) => compareStrings(x[0], y[0]))
      .map(([, list]) => list.map(link)),
    undated,
    datedByFileName: sorted.flatMap((r, i) => (r.provenance.date?.startsWith("file name") ? [link(articles[i] as ArchiveArticle)] : [])),
  };

  return {
    articles,
    undated,
    latest,
    years,
    months,
    days,
    sections,
    sectionIndex,
    tags,
    tagIndex: { top, letters: sortedLetters, letterPages: sortedLetters.flatMap(letterPages) },
    busiestTags: covered.slice(0, TOP_TAGS),
    onThisDay,
    listPages,
    feeds,
    report: {
      failures: [...report.failures],
      corrections: [...report.corrections],
      duplicates: [...report.duplicates],
      notes: [...report.notes],
      missingRelated,
      review,
    },
  };
}
