// HTML page -> article. The page's markup (JSON-LD, og:, meta, <time>) and what it prints
// (headline, dateline, byline) are read apart and checked one against the other: a headline the
// metadata confirms, a date that is possible and agrees with the printed one, bylines that name
// people. Readability (body.ts) finds the article's text. Every field says in `provenance` how it
// was found.
import type { ParsedArticle } from "../../record/schema.ts";
import type { ParseOptions, ParseOutcome, PartialArticle } from "../types.ts";
import { dayFromFileName, isoDay, toIso, type PrintedDate, type WallClock } from "../dates.ts";
import { detectLanguage, isUnspaced } from "../generic/language.ts";
import { extractBody, type BodyBlock } from "./body.ts";
import { boilerplateKind } from "../generic/lines.ts";
import { escapeMarkdown } from "../markdown.ts";
import { all, byTag, parseDocument, squash, textBlocks, textOf, type HtmlDocument, type HtmlElement } from "./dom.ts";
import { metaValue, metaValues, readMarkup, type Markup } from "./markup.ts";
import { isPersonName, namesIn, pageOrder, printedByline, printedDate, type PageOrder, type PrintedNear } from "./printed.ts";
import { HTML_SETTINGS, INVISIBLE_TAGS, META_NAMES, TITLE_SEPARATORS } from "./rules.ts";
import { findPrintedDates } from "../dates.ts";
import { findAuthors, findDateline, isDatelineOrByline, pageZone } from "../generic/meta.ts";

/** What an HTML page may come with besides its text: where it was captured from, and when (a WARC record). */
export interface PageSource {
  /** The URL the page was fetched from (a WARC record's target URI). */
  url?: string;
  /** When the page was captured, ISO 8601 (a WARC record's date): dates "2 hours ago" and bounds every date. */
  captured?: string;
}

type HtmlParseOptions = ParseOptions & PageSource;

/** Whether a text is an HTML page rather than page text: it opens with a doctype, `<html>` or `<head>`. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])/iu.test(text.slice(0, 4096));
}

/** Headline, date and byline words compared: case, quotes, dashes and spacing folded. */
function fold(text: string): string {
  return squash(text)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/gu, "'")
    .replace(/[“”„‟″«»]/gu, '"')
    .replace(/\s*[‐‑‒–—―−-]+\s*/gu, "-");
}

/** A metadata title without the site name after a separator ("Headline | CNBC"). */
function withoutSiteName(title: string, outlets: readonly string[]): string {
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return title;
  const last = fold(parts[parts.length - 1] ?? "");
  const first = parts.slice(0, -1).join(" - ");
  const named = outlets.some((o) => fold(o) === last || last.includes(fold(o)) || fold(o).includes(last));
  return named || (last.split(" ").length <= 4 && first.split(" ").length >= 3) ? first : title;
}

interface Choice<T> {
  value: T;
  how: string;
}

/** The headline: the printed `<h1>` the metadata confirms, else the metadata's own, else the first `<h1>`. */
function chooseHeadline(headings: readonly HtmlElement[], markup: Markup, outlets: readonly string[]): Choice<string> & { element: HtmlElement | null } | null {
  const metaTitles: { value: string; how: string }[] = [];
  if (markup.jsonLd?.headline) metaTitles.push({ value: markup.jsonLd.headline, how: "JSON-LD headline" });
  for (const name of META_NAMES.title) {
    const v = markup.meta.get(name)?.[0];
    if (v) metaTitles.push({ value: v, how: name });
  }
  if (markup.title) metaTitles.push({ value: markup.title, how: "<title>" });
  const folded = metaTitles.map((t) => ({ ...t, folded: fold(t.value) }));
  const printed = headings
    .map((el) => ({ el, text: textOf(el) }))
    .filter((h) => h.text.length > 0 && h.text.length <= HTML_SETTINGS.maxHeadlineChars);
  for (const h of printed) {
    const f = fold(h.text);
    const confirmed = folded.find((t) => t.folded === f || (f.split(" ").length >= 3 && t.folded.startsWith(f)));
    if (confirmed) return { value: h.text, how: `<${h.el.localName}> confirmed by ${confirmed.how}`, element: h.el };
  }
  const meta = metaTitles.find((t) => t.how !== "<title>") ?? metaTitles[0];
  const h1 = printed.find((h) => h.el.localName === "h1");
  if (meta) {
    const value = withoutSiteName(meta.value, outlets);
    // The metadata title printed somewhere (an <h1> may hold a section label instead).
    return { value, how: `${meta.how}${value === meta.value ? "" : " without the site name"}`, element: h1?.el ?? null };
  }
  return h1 ? { value: h1.text, how: "first <h1>", element: h1.el } : null;
}

/** The first date a machine-readable value holds ("2019-11-19T13:03:00Z", "2019-11-19 13:03:00"), if it is a possible one. */
function machineDate(value: string | null | undefined): PrintedDate | null {
  if (!value) return null;
  const date = findPrintedDates(value, false)[0];
  return date && date.wall.year >= HTML_SETTINGS.minYear ? date : null;
}

/** The wall clock of an instant in `zone`. */
function wallIn(iso: string, zone: string): WallClock | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const timeZone = /^[+-]\d{2}:\d{2}$/u.test(zone) ? undefined : zone === "Z" ? "UTC" : zone;
  const shifted = timeZone === undefined ? new Date(ms + offsetMinutes(zone) * 60_000) : new Date(ms);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timeZone ?? "UTC", hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
  }).formatToParts(shifted);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? "0");
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute"), second: part("second") };
}

const offsetMinutes = (offset: string): number => (offset.startsWith("-") ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

const dayOfWall = (w: WallClock): string => `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;

interface Dated {
  date: string;
  published: string | null;
  how: string;
}

/** A date read from markup or print as the record holds it. */
function asDated(d: PrintedDate, timezone: string, how: string): Dated {
  const iso = toIso(d.wall, d.zone ?? timezone);
  return { date: isoDay(iso), published: d.hasTime ? iso : null, how };
}

/** How long before the capture a relative dateline says ("2 hours ago", "1 day ago"). */
const RELATIVE = /\b(\d+|an?|one) (second|minute|min|hour|hr|day|week)s? ago\b/iu;
const UNIT_MS: Readonly<Record<string, number>> = { second: 1_000, minute: 60_000, min: 60_000, hour: 3_600_000, hr: 3_600_000, day: 86_400_000, week: 604_800_000 };

function relativeDate(doc: HtmlDocument, captured: string, timezone: string): Dated | null {
  for (const el of all(doc, "time, [class*=date], [class*=time], [class*=ago]")) {
    const text = textOf(el);
    const m = text.length <= 60 ? RELATIVE.exec(text) : null;
    if (m === null) continue;
    const count = /^\d+$/u.test(m[1] ?? "") ? Number(m[1]) : 1;
    const ms = Date.parse(captured) - count * (UNIT_MS[(m[2] ?? "").toLowerCase()] ?? 0);
    const wall = wallIn(new Date(ms).toISOString(), timezone);
    if (wall === null) continue;
    const iso = toIso(wall, timezone);
    return { date: isoDay(iso), published: iso, how: `"${text}" before the capture at ${captured}` };
  }
  return null;
}

/**
 * When the page says it was last changed (JSON-LD dateModified, article:modified_time), if that is
 * a full time and after its publication; null otherwise.
 */
function chooseUpdated(markup: Markup, published: string | null, timezone: string): { iso: string; how: string } | null {
  const meta = metaValue(markup, "updated");
  const raw = markup.jsonLd?.dateModified ?? meta?.value;
  const d = machineDate(raw);
  if (d === null || !d.hasTime || published === null) return null;
  const iso = toIso(d.wall, d.zone ?? timezone);
  return Date.parse(iso) > Date.parse(published) ? { iso, how: `${markup.jsonLd?.dateModified ? "JSON-LD dateModified" : `meta ${meta?.name ?? ""}`} ${raw ?? ""}` } : null;
}

/** A date the page prints, as a reader sees it. */
interface Printed {
  /** The wall-clock day printed. */
  day: string;
  dated: Dated;
  /** The printed zone, or null when the page prints none. */
  zone: string | null;
  hasTime: boolean;
}

function fromElement(p: PrintedNear, timezone: string): Printed {
  return { day: dayOfWall(p.date.wall), dated: asDated(p.date, timezone, `printed "${p.text}"`), zone: p.date.zone, hasTime: p.date.hasTime };
}

/**
 * The publication date: the markup's (JSON-LD, meta) when it is possible and the page prints the
 * same day, or prints none; the printed one when they disagree (ZDNet's JSON-LD is a day off what
 * it prints), unless the markup's instant falls on the printed day in the page's zone (a UTC time
 * of the evening before). Markup dates before `minYear` (USA Today's 0001-01-01) or after the
 * capture are impossible and skipped.
 */
function chooseDate(markup: Markup, printed: Printed | null, options: HtmlParseOptions): Dated | null {
  const tz = options.timezone;
  const published = metaValues(markup, "published");
  const sources: { value: string | null | undefined; how: string }[] = [
    { value: markup.jsonLd?.datePublished, how: "JSON-LD datePublished" },
    ...(published?.values.slice(0, 1).map((value) => ({ value, how: `meta ${published.name}` })) ?? []),
  ];
  let meta: { date: PrintedDate; how: string; raw: string } | null = null;
  for (const s of sources) {
    const d = machineDate(s.value);
    if (d !== null && (options.captured === undefined || Date.parse(toIso(d.wall, d.zone ?? tz)) <= Date.parse(options.captured) + 86_400_000)) {
      meta = { date: d, how: s.how, raw: s.value ?? "" };
      break;
    }
  }
  if (printed !== null && options.captured !== undefined && printed.day > options.captured.slice(0, 10)) printed = null;
  if (meta === null) return printed?.dated ?? null;
  const fromMeta = asDated(meta.date, tz, `${meta.how} ${meta.raw}`);
  if (printed === null) return fromMeta;
  if (printed.day === fromMeta.date) {
    // The markup's time and offset are exact where the page prints only a day, or no zone.
    return meta.date.hasTime || !printed.hasTime ? { ...fromMeta, how: `${fromMeta.how}, as printed` } : printed.dated;
  }
  if (meta.date.hasTime && meta.date.zone !== null) {
    const zone = printed.zone ?? tz;
    const local = wallIn(toIso(meta.date.wall, meta.date.zone), zone);
    if (local !== null && dayOfWall(local) === printed.day) {
      return { date: printed.day, published: toIso(local, zone), how: `${meta.how} ${meta.raw} in the page's zone, as printed` };
    }
  }
  return { ...printed.dated, how: `${printed.dated.how} (the markup says ${meta.raw})` };
}

const surname = (name: string): string => fold(name).split(" ").pop() ?? "";

/**
 * The authors: the people of the byline printed nearest the headline (a byline element, else a
 * byline line of the page's text); else the markup's authors (JSON-LD persons, meta) that the
 * page prints, so an uploader or a commenter in the markup is not taken for the writer.
 */
function chooseAuthors(markup: Markup, near: { anchor: number; order: PageOrder; text: () => PageText }, outlets: readonly string[]): Choice<string[]> {
  const unique = (names: string[]): string[] => [...new Map(names.map((n) => [fold(n), n])).values()];
  const printed = printedByline(near.anchor, near.order, outlets);
  if (printed !== null) return { value: unique(printed.names), how: `printed byline "${printed.text}"` };
  const { lines, headline } = near.text();
  const line = findAuthors(lines, Math.max(0, headline));
  const lineNames = (line?.value ?? []).filter((n) => isPersonName(n, outlets));
  if (line !== null && lineNames.length > 0) return { value: unique(lineNames), how: line.how };
  const metaNames = unique([
    ...(markup.jsonLd?.authors ?? []).flatMap((a) => namesIn(a, outlets)),
    ...(metaValues(markup, "author")?.values ?? []).flatMap((a) => namesIn(a, outlets)),
  ]);
  const text = fold(lines.join("\n"));
  const named = metaNames.filter((n) => text.includes(surname(n)));
  if (named.length > 0) return { value: named, how: "markup authors the page prints" };
  return { value: [], how: metaNames.length > 0 ? `markup authors not printed on the page (${metaNames.join(", ")})` : "no byline found" };
}

/**
 * The article's blocks as Markdown, without what is not its text: the headline, the dateline and
 * byline Readability keeps above it, and page chrome by the generic extractor's tables (ad labels,
 * share rows, captions and credits in the text, "Related" lists; an "end" label such as "Leave a
 * reply" ends the article once some of it has been read).
 */
function articleText(blocks: readonly BodyBlock[], title: string): string[] {
  const out: string[] = [];
  let words = 0;
  let inList = false;
  for (const [i, block] of blocks.entries()) {
    const { text } = block;
    if (fold(text) === fold(title) || (i < HTML_SETTINGS.headParagraphs && isDatelineOrByline(text))) continue;
    const kind = boilerplateKind(text);
    if (kind === "end" && words >= HTML_SETTINGS.minArticleWords) break;
    if (kind !== null) {
      inList = kind === "list";
      continue;
    }
    const count = text.split(" ").length;
    // The links under a "Related" label are short; the article's next paragraph is not.
    if (inList && (block.kind === "item" || count < HTML_SETTINGS.listItemWords)) continue;
    inList = false;
    words += count;
    out.push((block.kind === "heading" ? "## " : block.kind === "item" ? "- " : "") + escapeMarkdown(text));
  }
  return out;
}

/** The publication's name: og:site_name, JSON-LD publisher, else the host name. */
function chooseOutlet(markup: Markup, url: string | null): Choice<string> | null {
  const site = metaValue(markup, "outlet");
  if (site && !site.value.startsWith("@")) return { value: site.value, how: `meta ${site.name}` };
  if (markup.jsonLd?.publisher) return { value: markup.jsonLd.publisher, how: "JSON-LD publisher" };
  if (url !== null) {
    try {
      return { value: new URL(url).hostname.replace(/^www\./u, ""), how: "host name of the URL" };
    } catch {
      return null;
    }
  }
  return null;
}

function absoluteUrl(value: string | null | undefined, base?: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return /^https?:$/u.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** The page's keywords, as editors tagged it: news_keywords, keywords, article:tag, JSON-LD keywords. */
function keywordsOf(markup: Markup): string[] {
  const fromMeta = (metaValues(markup, "keywords")?.values ?? []).flatMap((v) => v.split(","));
  return [...(markup.jsonLd?.keywords ?? []), ...fromMeta]
    .map(squash)
    .filter((k) => k.length >= 2 && k.length <= 40 && k.split(" ").length <= 4 && !/^\d+$/u.test(k));
}

/** The page's visible text as lines (one per block), as a browser shows it, and the line of the headline (-1: none). */
interface PageText {
  lines: string[];
  headline: number;
}

/** The page's text, read only when a field is not found in the markup and elements (it costs a walk of the page). */
function pageText(doc: HtmlDocument, headline: string | null): () => PageText {
  let text: PageText | null = null;
  return () => {
    if (text === null) {
      const lines = doc.body === null ? [] : textBlocks(doc.body, (el) => INVISIBLE_TAGS.has(el.localName)).map((b) => b.text);
      text = { lines, headline: headline === null ? -1 : lines.findIndex((l) => fold(l) === fold(headline)) };
    }
    return text;
  };
}

function section(markup: Markup, doc: HtmlDocument): Choice<string> {
  const s = markup.jsonLd?.section ?? metaValue(markup, "section")?.value;
  if (s) return { value: s, how: markup.jsonLd?.section ? "JSON-LD articleSection" : "meta section" };
  const crumbs = all(doc, "[class*=breadcrumb] a, [aria-label*=breadcrumb] a, nav[class*=crumb] a").map(textOf).filter((t) => t.length > 0 && t.length < 40);
  const last = crumbs.filter((c) => !/^(?:home|news|start|inicio|início)$/iu.test(c)).pop();
  return last ? { value: last, how: "breadcrumb" } : { value: "News", how: "default" };
}

function language(markup: Markup, body: string): Choice<string | null> {
  const declared = markup.lang ?? markup.jsonLd?.language ?? metaValue(markup, "language")?.value ?? null;
  const code = declared?.trim().split(/[-_]/u)[0]?.toLowerCase();
  if (code && /^[a-z]{2,3}$/u.test(code)) return { value: code, how: markup.lang ? "<html lang>" : "markup language" };
  const detected = detectLanguage(body);
  return { value: detected, how: detected === null ? "no stop-word table matched" : "stop words of the body" };
}

/**
 * Parses an HTML page (decoded text, see `decodeDump`) into an article, or an error: "not-article"
 * for pages that hold no story (home, section, tag and error pages), "no-headline", "no-date"
 * (with what was read). Pure; never throws on bad markup.
 */
export function parseHtml(html: string, options: HtmlParseOptions): ParseOutcome {
  const doc = parseDocument(html);
  const markup = readMarkup(doc);
  // What no reader sees goes before anything walks the page (Readability would remove most of it later).
  for (const tag of INVISIBLE_TAGS) if (tag !== "head") for (const el of byTag(doc, tag)) el.remove();
  const url = absoluteUrl(markup.canonical, options.url) ?? absoluteUrl(metaValue(markup, "url")?.value, options.url) ?? absoluteUrl(markup.jsonLd?.url, options.url) ?? absoluteUrl(options.url);
  const outlet = chooseOutlet(markup, url ?? null);
  const outlets = [outlet?.value, markup.jsonLd?.publisher, ...(markup.jsonLd?.organisations ?? [])].filter((o): o is string => !!o);
  const order = pageOrder(doc);
  const headline = chooseHeadline(order.headings, markup, outlets);
  const anchor = headline?.element ? order.indexOf(headline.element) : -1;
  const declaredLanguage = markup.lang?.split(/[-_]/u)[0]?.toLowerCase() ?? null;
  const dayFirst = declaredLanguage !== null && declaredLanguage !== "en";
  const printedText = pageText(doc, headline?.value ?? null);
  const near = printedDate(anchor, order, dayFirst) ?? undefined;
  const dateline = near === undefined ? findDateline(printedText().lines, Math.max(0, printedText().headline), { from: null, to: null }, pageZone(declaredLanguage, options.timezone), dayFirst) : null;
  const printed: Printed | null = near !== undefined
    ? fromElement(near, options.timezone)
    : dateline === null
      ? null
      : { day: dateline.value.date, dated: { date: dateline.value.date, published: dateline.value.published, how: dateline.how }, zone: null, hasTime: dateline.value.published !== null };
  let dated = chooseDate(markup, printed, options) ?? (options.captured ? relativeDate(doc, options.captured, options.timezone) : null);
  const keywords = keywordsOf(markup);
  const authors = chooseAuthors(markup, { anchor, order, text: printedText }, outlets);
  const sectionChoice = section(markup, doc);
  const body = extractBody(doc, url ?? null);
  const title = headline?.value ?? "";
  const paragraphs = articleText(body.blocks, title);
  const text = paragraphs.join("\n\n");
  const lang = language(markup, text);
  // Japanese and Chinese put no spaces between words: there, about two characters make a word.
  const words = isUnspaced(text) ? Math.round((text.match(/\p{L}/gu)?.length ?? 0) / 2) : text.split(/\s+/u).filter(Boolean).length;
  const provenance: Record<string, string> = {
    title: headline?.how ?? "none",
    authors: authors.how,
    section: sectionChoice.how,
    language: lang.how,
    body: `Readability's article element, ${paragraphs.length} blocks kept of ${body.blocks.length}`,
  };
  if (outlet) provenance.outlet = outlet.how;
  if (words < HTML_SETTINGS.minArticleWords && !(markup.jsonLd && !/Page$/u.test(markup.jsonLd.type) && words > 0)) {
    return {
      ok: false,
      error: {
        rule: "not-article",
        line: 0,
        message: `the page holds no article (${words} words of article text${markup.jsonLd ? "" : ", no article markup"})`,
        hint: "home, section, tag and error pages are not stories; save the article's own page",
      },
    };
  }
  if (headline === null) {
    return { ok: false, error: { rule: "no-headline", line: 0, message: "no headline found: the page has no <h1>, title or headline metadata", hint: "save the page with its <head> and headline" } };
  }
  const read: PartialArticle = { title, section: sectionChoice.value, authors: authors.value, language: lang.value, profile: "html", provenance, body: text };
  // As for text dumps, the archivist's fix for a page without a date is a date in its file name
  // (not for a crawl's pages, whose names end in a digest that could read as one).
  const fileDay = dated === null && !options.captured ? dayFromFileName(options.fileName) : null;
  if (fileDay !== null) dated = { date: fileDay, published: null, how: `file name ${options.fileName}` };
  if (dated === null) {
    return {
      ok: false,
      error: {
        rule: "no-date",
        line: 0,
        message: "no publication date found: the page prints none near its headline, its markup holds none that is possible, and the file name holds none",
        hint: "put the date in the file name, as 2019-11-20-<name>.html, or check that the saved page shows its date (a dateline near the headline, or datePublished in its markup)",
      },
      partial: read,
    };
  }
  const updated = chooseUpdated(markup, dated.published, options.timezone);
  const article: ParsedArticle = {
    ...read,
    provenance: { ...provenance, date: dated.how, ...(updated ? { updated: updated.how } : {}) },
    date: dated.date,
    published: dated.published,
    updated: updated?.iso ?? null,
    images: body.images,
    related: [],
    more: [],
    tags: keywords,
    ...(outlet ? { outlet: outlet.value } : {}),
    ...(url ? { url } : {}),
  };
  return { ok: true, article };
}
