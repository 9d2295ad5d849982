// Site profiles: one engine reads every dump whose layout a profile table describes (header line,
// headline, byline, dateline, image alt/caption pairs, body, "related" and "more" blocks). The
// engine knows no outlet; each outlet is a table in ./profiles/, listed in PROFILES.
import type { Image, MoreBlock, MoreItem, ParsedArticle, RelatedStory } from "../record/schema.ts";
import type { ParseError, ParseOptions, ParseOutcome } from "./types.ts";
import { isValidWallClock, toIso, type WallClock } from "./dates.ts";
import { VOA } from "./profiles/voa.ts";
import { escapeMarkdown } from "./markdown.ts";

/**
 * A date format a profile reads. `shape` is deliberately looser than `read`: a line of that shape
 * is meant as a date, so one `read` cannot turn into a real day and time is reported as an error
 * instead of slipping into the text.
 */
export interface DateFormat {
  shape: RegExp;
  read: (text: string) => WallClock | null;
  /** Shown in error hints. */
  example: string;
}

/** What a block label opens: a list of related-story cards, or a list of further headlines. */
export type BlockKind = "related" | "more";

/** How one outlet's page-text dumps are laid out. Every pattern matches one whole, trimmed line. */
export interface SiteProfile {
  /** Recorded as the article's `profile`. */
  name: string;
  /** BCP 47 language of the outlet's text. */
  language: string;
  /** The first non-blank line; named groups `day` (YYYY-MM-DD) and `section`. */
  header: RegExp;
  /** A header as it should read, shown in error hints. */
  headerExample: string;
  /** A byline; group 1 holds the names, or is absent when they stand on the next line. */
  byline: RegExp;
  /** Splits a byline's names ("A, B and C"). */
  authorSeparator: RegExp;
  /** Dateline prefixes and the field each fills; group 1 holds the date text. Tried in order. */
  datelines: readonly { pattern: RegExp; field: "published" | "updated" }[];
  datelineFormats: readonly DateFormat[];
  /** An image shows as its alt text followed on the next line by its caption. */
  image: {
    /** The alt text was cut short: its last word may be a fragment and is not compared. */
    truncated: RegExp;
    /** Share of the shorter line's content words the other line must contain to be its pair. */
    minOverlap: number;
    ignoredWords: ReadonlySet<string>;
    /** Words written differently in alt text and caption, mapped to one spelling. */
    wordAliases: Readonly<Record<string, string>>;
  };
  /** Labels that end the body and open a block; each block runs to the next label. */
  blocks: readonly { label: RegExp; kind: BlockKind }[];
  related: {
    /** A source's logo line on a card. */
    logo: RegExp;
    dateFormats: readonly DateFormat[];
  };
}

/** The profiles tried in order; the first whose header fits the dump parses it. */
export const PROFILES: readonly SiteProfile[] = [VOA];

/**
 * Parses a normalised dump (see `decodeDump`) with the first profile whose header line fits it.
 * Returns null when none fits, so the caller can hand the dump to the generic extractor; a dump a
 * profile claims but cannot read (no headline, impossible date) is an error naming the line.
 */
export function parseWithProfiles(text: string, options: ParseOptions): ParseOutcome | null {
  const lines = text.split("\n");
  const headerAt = nextFilled(lines, 0, lines.length);
  if (headerAt === -1) return null;
  for (const profile of PROFILES) {
    const header = profile.header.exec(lineAt(lines, headerAt));
    if (header) return parseProfiled(profile, lines, headerAt, header, options);
  }
  return null;
}

function lineAt(lines: readonly string[], index: number): string {
  return lines[index] ?? "";
}

/** Index of the first non-blank line in [from, to), or -1. */
function nextFilled(lines: readonly string[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (lineAt(lines, i) !== "") return i;
  return -1;
}

function failure(rule: string, index: number, message: string, hint: string): { ok: false; error: ParseError } {
  return { ok: false, error: { rule, line: index + 1, message, hint } };
}

type DateReading = { kind: "none" } | { kind: "unreadable"; example: string } | { kind: "read"; iso: string };

function readDate(formats: readonly DateFormat[], text: string, zone: string): DateReading {
  for (const format of formats) {
    if (!format.shape.test(text)) continue;
    const wall = format.read(text);
    return wall ? { kind: "read", iso: toIso(wall, zone) } : { kind: "unreadable", example: format.example };
  }
  return { kind: "none" };
}

function readDateline(p: SiteProfile, line: string, zone: string): { field: "published" | "updated"; reading: DateReading } | null {
  for (const { pattern, field } of p.datelines) {
    const dateText = pattern.exec(line)?.[1];
    if (dateText === undefined) continue;
    const reading = readDate(p.datelineFormats, dateText, zone);
    if (reading.kind !== "none") return { field, reading };
  }
  return null;
}

/** A byline at `index`: its names and the index after it (a bare "By" takes the next line). */
function readByline(p: SiteProfile, lines: readonly string[], index: number, to: number): { names: string[]; next: number } | null {
  const match = p.byline.exec(lineAt(lines, index));
  if (!match) return null;
  const onNextLine = match[1] === undefined && index + 1 < to;
  const names = match[1] ?? (onNextLine ? lineAt(lines, index + 1) : "");
  return {
    names: names.split(p.authorSeparator).map((n) => n.trim()).filter((n) => n !== ""),
    next: onNextLine ? index + 2 : index + 1,
  };
}

function blockKind(p: SiteProfile, line: string): BlockKind | null {
  return p.blocks.find((b) => b.label.test(line))?.kind ?? null;
}

function parseProfiled(p: SiteProfile, lines: readonly string[], headerAt: number, header: RegExpExecArray, options: ParseOptions): ParseOutcome {
  const tag = `profile ${p.name}`;
  const day = header.groups?.["day"] ?? "";
  const section = (header.groups?.["section"] ?? "").trim();
  const [year = 0, month = 0, dayOfMonth = 0] = day.split("-").map(Number);
  if (!isValidWallClock({ year, month, day: dayOfMonth, hour: 0, minute: 0 })) {
    return failure(
      "bad-date",
      headerAt,
      `The header on line ${headerAt + 1} gives the archive date "${day}", which is not a real calendar day.`,
      `Correct the date in the header; it reads year-month-day, like "${p.headerExample}".`,
    );
  }

  const titleAt = nextFilled(lines, headerAt + 1, lines.length);
  const title = titleAt === -1 ? "" : lineAt(lines, titleAt);
  if (title === "" || !isHeadline(p, lines, titleAt, options.timezone)) {
    const at = titleAt === -1 ? headerAt : titleAt;
    const found = title === "" ? "the file ends after the header" : `line ${at + 1} holds "${title}"`;
    return failure(
      "no-headline",
      at,
      `The headline is missing: it should follow the header on line ${headerAt + 1}, but ${found}.`,
      "Put the story's headline on its own line right after the header line.",
    );
  }

  const provenance: Record<string, string> = {
    date: `${tag}: header, line ${headerAt + 1}`,
    section: `${tag}: header, line ${headerAt + 1}`,
    title: `${tag}: first line after the header, line ${titleAt + 1}`,
    language: `${tag}: the outlet's language`,
  };

  const lead = readLead(p, lines, titleAt + 1, options.timezone, provenance);
  if ("ok" in lead) return lead;

  const firstLabel = lines.findIndex((line, i) => i >= lead.next && blockKind(p, line) !== null);
  const bodyEnd = firstLabel === -1 ? lines.length : firstLabel;
  const { paragraphs, images } = readBody(p, lines, lead.next, bodyEnd, provenance);
  const blocks = readBlocks(p, lines, bodyEnd, options.timezone, provenance);
  if ("ok" in blocks) return blocks;

  const article: ParsedArticle = {
    title,
    date: day,
    published: lead.published,
    updated: lead.updated,
    section,
    authors: lead.authors,
    language: p.language,
    images,
    related: blocks.related,
    more: blocks.more,
    tags: [],
    profile: p.name,
    provenance,
    body: paragraphs.join("\n\n"),
  };
  return { ok: true, article };
}

/**
 * False when the line after the header is clearly something else: a dateline, a block label, or a
 * byline followed by a dateline. A headline that merely opens with "By" ("By the Numbers: ...")
 * is followed by the real byline or the body, so it stays a headline.
 */
function isHeadline(p: SiteProfile, lines: readonly string[], index: number, zone: string): boolean {
  const line = lineAt(lines, index);
  if (readDateline(p, line, zone) || blockKind(p, line)) return false;
  const byline = readByline(p, lines, index, lines.length);
  if (!byline) return true;
  const after = nextFilled(lines, byline.next, lines.length);
  return after === -1 ? false : readDateline(p, lineAt(lines, after), zone) === null;
}

interface Lead {
  authors: string[];
  published: string | null;
  updated: string | null;
  /** Index of the first line after the byline and datelines. */
  next: number;
}

/**
 * Bylines, then datelines, after the headline. Bylines are only taken before the first dateline,
 * so a first paragraph that opens with "By ..." stays text. With only an "Updated" dateline,
 * `published` stays null: the page did not show when the story first ran, and the archive day in
 * the header has no time of day.
 */
function readLead(p: SiteProfile, lines: readonly string[], from: number, zone: string, provenance: Record<string, string>): Lead | { ok: false; error: ParseError } {
  const tag = `profile ${p.name}`;
  const lead: Lead = { authors: [], published: null, updated: null, next: from };
  let datelineSeen = false;
  for (let at = nextFilled(lines, from, lines.length); at !== -1; at = nextFilled(lines, lead.next, lines.length)) {
    const byline = datelineSeen ? null : readByline(p, lines, at, lines.length);
    if (byline) {
      lead.authors.push(...byline.names);
      provenance["authors"] = `${tag}: byline, line ${at + 1}`;
      lead.next = byline.next;
      continue;
    }
    const dateline = readDateline(p, lineAt(lines, at), zone);
    if (!dateline) break;
    if (dateline.reading.kind === "unreadable") {
      return failure(
        "bad-date",
        at,
        `Line ${at + 1} looks like a dateline ("${lineAt(lines, at)}") but does not name a real date and time.`,
        `Correct the dateline so it reads like "${dateline.reading.example}", or remove it.`,
      );
    }
    // Two datelines of the same kind: the first, nearest the headline, is the one the page showed.
    if (dateline.reading.kind === "read" && lead[dateline.field] === null) {
      lead[dateline.field] = dateline.reading.iso;
      provenance[dateline.field] = `${tag}: dateline, line ${at + 1}, wall-clock time in ${zone}`;
    }
    datelineSeen = true;
    lead.next = at + 1;
  }
  if (lead.published === null && lead.updated !== null) {
    provenance["published"] = `${tag}: only an "Updated" dateline was shown, so the first-published time is unknown`;
  }
  return lead;
}

/** Lowercased content words, dots and apostrophes dropped ("U.S." = "US", "Shi’ite" = "Shiite"). */
function contentWords(p: SiteProfile, text: string): Set<string> {
  const words = text.toLowerCase().replace(/[.'’]/g, "").split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  if (p.image.truncated.test(text)) words.pop();
  return new Set(words.filter((w) => !p.image.ignoredWords.has(w)).map((w) => p.image.wordAliases[w] ?? w));
}

/** Share of the shorter line's content words found in the other line: 1 when one restates the other. */
function overlap(p: SiteProfile, alt: string, caption: string): number {
  const a = contentWords(p, alt);
  const c = contentWords(p, caption);
  const smaller = Math.min(a.size, c.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const word of a) if (c.has(word)) shared++;
  return shared / smaller;
}

/**
 * Paragraphs and images between the lead and the first block label. Each non-blank line is a
 * paragraph (page-text dumps put one paragraph per line), except an alt text line whose next line
 * is a caption describing the same picture: that pair is an image and stays out of the body.
 */
function readBody(p: SiteProfile, lines: readonly string[], from: number, to: number, provenance: Record<string, string>): { paragraphs: string[]; images: Image[] } {
  const tag = `profile ${p.name}`;
  const paragraphs: string[] = [];
  const images: Image[] = [];
  const imageLines: string[] = [];
  for (let i = from; i < to; i++) {
    const line = lineAt(lines, i);
    if (line === "") continue;
    const next = i + 1 < to ? lineAt(lines, i + 1) : "";
    if (next !== "" && overlap(p, line, next) >= p.image.minOverlap) {
      images.push({ alt: line, caption: next });
      imageLines.push(`${i + 1}–${i + 2}`);
      i++;
      continue;
    }
    paragraphs.push(escapeMarkdown(line));
  }
  if (images.length > 0) {
    provenance["images"] = `${tag}: alt text followed by a caption of the same picture, lines ${imageLines.join(", ")}`;
  }
  provenance["body"] = `${tag}: one paragraph per line, lines ${from + 1}–${to}, up to the first block label`;
  return { paragraphs, images };
}

/** The blocks after the body, each from its label to the next label. */
function readBlocks(
  p: SiteProfile,
  lines: readonly string[],
  from: number,
  zone: string,
  provenance: Record<string, string>,
): { related: RelatedStory[]; more: MoreBlock[] } | { ok: false; error: ParseError } {
  const tag = `profile ${p.name}`;
  const labels: { at: number; kind: BlockKind }[] = [];
  for (let i = from; i < lines.length; i++) {
    const kind = blockKind(p, lineAt(lines, i));
    if (kind) labels.push({ at: i, kind });
  }
  const related: RelatedStory[] = [];
  const more: MoreBlock[] = [];
  const relatedFrom: number[] = [];
  const moreFrom: number[] = [];
  const emptyHeadings: string[] = [];
  for (const [n, { at, kind }] of labels.entries()) {
    const end = labels[n + 1]?.at ?? lines.length;
    if (kind === "related") {
      const stories = readRelated(p, lines, at + 1, end, zone);
      if ("ok" in stories) return stories;
      related.push(...stories);
      relatedFrom.push(at + 1);
      continue;
    }
    const heading = lineAt(lines, at);
    const items = readMore(lines, at + 1, end);
    // A heading with no items of its own is a container label ("More Coverage" in the VOA seed,
    // whose stories stand under the "More U.S. News" heading after it): an empty block says nothing.
    if (items.length === 0) {
      emptyHeadings.push(`"${heading}" (line ${at + 1})`);
      continue;
    }
    more.push({ heading, items });
    moreFrom.push(at + 1);
  }
  if (relatedFrom.length > 0) {
    provenance["related"] = `${tag}: cards under the label on line ${relatedFrom.join(", ")}, each ending with its logo, byline and date lines`;
  }
  const notes = [
    ...(moreFrom.length > 0 ? [`headings on line ${moreFrom.join(", ")}`] : []),
    ...(emptyHeadings.length > 0 ? [`left out ${emptyHeadings.join(", ")}: no items of its own`] : []),
  ];
  if (notes.length > 0) provenance["more"] = `${tag}: ${notes.join("; ")}`;
  return { related, more };
}

type Attribution = { source: string | null; published: string | null; next: number };

/** A card's attribution line at `index` (logo, byline or date), or null when it is card text. */
function readAttribution(
  p: SiteProfile,
  lines: readonly string[],
  index: number,
  to: number,
  zone: string,
): Attribution | null | { ok: false; error: ParseError } {
  const line = lineAt(lines, index);
  if (p.related.logo.test(line)) return { source: null, published: null, next: index + 1 };
  const byline = readByline(p, lines, index, to);
  if (byline) return { source: byline.names.join(", ") || null, published: null, next: byline.next };
  const date = readDate(p.related.dateFormats, line, zone);
  if (date.kind === "unreadable") {
    return failure(
      "bad-date",
      index,
      `Line ${index + 1} looks like the date of a related story ("${line}") but does not name a real date and time.`,
      `Correct the date so it reads like "${date.example}", or remove the line.`,
    );
  }
  return date.kind === "read" ? { source: null, published: date.iso, next: index + 1 } : null;
}

/**
 * Related-story cards. A card is its text lines followed by a run of attribution lines; the first
 * source and date in the run are the card's (the VOA seed's card also carries a trailing
 * "VOA logo" / "By" / "VOA News", the site's own credit, after the wire service's).
 */
function readRelated(p: SiteProfile, lines: readonly string[], from: number, to: number, zone: string): RelatedStory[] | { ok: false; error: ParseError } {
  const stories: RelatedStory[] = [];
  let text: string[] = [];
  let current: RelatedStory | null = null;
  for (let i = from; i < to; ) {
    const line = lineAt(lines, i);
    if (line === "") {
      i++;
      continue;
    }
    const attribution = readAttribution(p, lines, i, to, zone);
    if (attribution === null) {
      text.push(line);
      i++;
      continue;
    }
    if ("ok" in attribution) return attribution;
    if (text.length > 0) {
      current = relatedCard(text);
      stories.push(current);
      text = [];
    }
    if (current) {
      current.source ??= attribution.source;
      current.published ??= attribution.published;
    }
    i = attribution.next;
  }
  if (text.length > 0) stories.push(relatedCard(text));
  return stories;
}

/**
 * A card's text lines, laid out as in the VOA seed (lines 26–29): image description, section,
 * title, summary. Only the image is optional, so three lines are section, title and summary;
 * two are section and title; one is the title; more than four put the extra leading lines in the
 * image description.
 */
function relatedCard(text: readonly string[]): RelatedStory {
  const n = text.length;
  const [section = null, title = "", summary = null] = n === 1 ? [null, text[0]] : text.slice(-3);
  const image = n > 3 ? text.slice(0, n - 3).join(" ") : null;
  return { title, section, summary, source: null, published: null, image };
}

/**
 * Items under a "more" heading. The page separates section and title, and title and image, with
 * blank lines, but puts an item's image right above the next item's section (VOA seed lines
 * 41–47). So the runs of non-blank lines alternate: a head run (previous image, this section), a
 * title run, ..., and a last head run holding only the last item's image.
 */
function readMore(lines: readonly string[], from: number, to: number): MoreItem[] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (let i = from; i <= to; i++) {
    const line = i < to ? lineAt(lines, i) : "";
    if (line !== "") {
      run.push(line);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  const items: MoreItem[] = [];
  for (let t = 1; t < runs.length; t += 2) {
    const head = runs[t - 1] ?? [];
    const tail = runs[t + 1];
    const isLastRun = t + 2 >= runs.length;
    const imageLines = tail === undefined ? [] : isLastRun ? tail : tail.slice(0, -1);
    items.push({
      title: (runs[t] ?? []).join(" "),
      section: head[head.length - 1] ?? null,
      image: imageLines.length > 0 ? imageLines.join(" ") : null,
    });
  }
  return items;
}
