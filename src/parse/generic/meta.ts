// Metadata around the headline of a whole-page dump: the dateline, the byline and the section.
// Each is looked for nearest the headline first, since pages print many other dates and names.
import { findPrintedDates, isoDay, MONTHS, toIso, type PrintedDate } from "../dates.ts";
import { AGENCIES, BREADCRUMB_ROOTS, BYLINE_PREFIXES, BYLINE_STOP_WORDS, NOT_SECTIONS } from "./boilerplate.ts";
import { boilerplateKind } from "./lines.ts";
import { SETTINGS } from "./settings.ts";

export interface Found<T> {
  value: T;
  /** 0-based line it was read from. */
  line: number;
  how: string;
}

/**
 * Line numbers around `anchor`, nearest first, a line above it counting as twice as far as one
 * below (datelines and bylines follow headlines more often than they precede them).
 */
function around(anchor: number, after: number, before: number, count: number): number[] {
  const order: { line: number; distance: number }[] = [];
  for (let i = anchor + 1; i <= anchor + after && i < count; i++) order.push({ line: i, distance: i - anchor });
  for (let i = anchor - 1; i >= anchor - before && i >= 0; i--) order.push({ line: i, distance: 2 * (anchor - i) });
  return order.sort((a, b) => a.distance - b.distance || a.line - b.line).map((o) => o.line);
}

export interface Dateline {
  date: string;
  published: string | null;
  updated: string | null;
}

/** Embedded tweets end with their own date: "— Rep. Ilhan Omar (@Ilhan) November 19, 2019". */
const QUOTED_POST = /^[—–-]\s/u;

function iso(d: PrintedDate, timezone: string): string | null {
  return d.hasTime ? toIso(d.wall, d.zone ?? timezone) : null;
}

/**
 * The dateline nearest the headline (or the top of the page): the first date printed on a short
 * line, the publication one unless only an "Updated" one is printed. The clock time is read in the
 * printed zone, else in `timezone`; without a printed time `published` is null.
 */
export function findDateline(lines: readonly string[], anchor: number, timezone: string, dayFirst: boolean): Found<Dateline> | null {
  for (const i of around(anchor, SETTINGS.dateWindowAfter, SETTINGS.dateWindowBefore, lines.length)) {
    const text = lines[i] ?? "";
    if (text.length > SETTINGS.maxDateLine || QUOTED_POST.test(text) || boilerplateKind(text) === "caption") continue;
    const dates = findPrintedDates(text, dayFirst);
    const published = dates.find((d) => !d.updated) ?? dates[0];
    if (published === undefined) continue;
    const updated = dates.find((d) => d.updated);
    const publishedIso = iso(published, timezone);
    const value: Dateline = {
      date: isoDay(toIso(published.wall, published.zone ?? timezone)),
      published: publishedIso,
      updated: updated === undefined ? null : iso(updated, timezone),
    };
    const zone = published.hasTime ? (published.zone === null ? `, site timezone ${timezone}` : ", printed zone") : ", no time printed";
    return { value, line: i, how: `${published.format} date on line ${i + 1}${zone}` };
  }
  return null;
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|(?:van|von|der|de|da|di|del|la|le|bin|al|el|dos|du|ter)|\p{Lu}\.)$/u;

/** True for "Tess Bonn", "Mike Wuerthele", "Michael David Smith", "Венера Ерофеева". */
function isName(text: string): boolean {
  const words = text.split(" ");
  return words.length >= 2 && words.length <= 5 && words.every((w) => NAME_WORD.test(w)) && /\p{Ll}/u.test(text);
}

/** Bylines whose link text and label both print the name ("Sean Martin Sean Martin", Express). */
function undoubled(name: string): string {
  const words = name.split(" ");
  const half = words.length / 2;
  return Number.isInteger(half) && words.slice(0, half).join(" ") === words.slice(half).join(" ") ? words.slice(0, half).join(" ") : name;
}

/** Names in the text after a byline prefix: "Mike Wuerthele and Malcolm Owen", "Rachael Link, MS, RD on …". */
function namesIn(rest: string): string[] {
  const stops = new Set(BYLINE_STOP_WORDS);
  const agencies = new Set(AGENCIES);
  const words = rest.replace(/@\S+/gu, " ").split(/\s+/u).filter((w) => w !== "");
  const kept: string[] = [];
  for (const w of words) {
    const lower = w.toLowerCase().replace(/[.,]$/u, "");
    if (stops.has(lower) || MONTHS[lower] !== undefined || /\d/u.test(w)) break;
    kept.push(w);
  }
  return kept
    .join(" ")
    .split(/\s*(?:,|&|\band\b|\bund\b|\be\b|\by\b|\bet\b|\bи\b)\s*/u)
    .map((n) => undoubled(n.trim().replace(/[.,;:]$/u, "")))
    .filter((n) => !agencies.has(n.toLowerCase()) && isName(n));
}

/** "Sandee LaMotte, CNN", "Greg Beacham, Ap Sports Writer": a name, then an agency or a title. */
const NAME_COMMA_CREDIT = /^([^,]{4,60}), (.{2,60})$/u;

/**
 * Authors from the byline nearest the headline: "By X", "By X and Y", "Posted by X on …",
 * "Von X publiziert am …", "X, Reuters". Empty when no byline is found.
 */
export function findAuthors(lines: readonly string[], anchor: number): Found<string[]> | null {
  for (const i of around(anchor, SETTINGS.bylineWindowAfter, SETTINGS.bylineWindowBefore, lines.length)) {
    const text = lines[i] ?? "";
    if (text.length > SETTINGS.maxDateLine) continue;
    for (const prefix of BYLINE_PREFIXES) {
      const m = prefix.exec(text);
      if (m === null) continue;
      const names = namesIn(text.slice(m.index + m[0].length));
      if (names.length > 0) return { value: names, line: i, how: `byline "${text.slice(0, 60)}" on line ${i + 1}` };
    }
    // "By" alone on its line (WSJ): the name is on the next line.
    if (/^by$/iu.test(text)) {
      const names = namesIn(lines[i + 1] ?? "");
      if (names.length > 0) return { value: names, line: i + 1, how: `byline after "By" on line ${i + 2}` };
    }
    const credit = NAME_COMMA_CREDIT.exec(text);
    if (credit !== null && isName(credit[1] ?? "") && AGENCIES.some((a) => (credit[2] ?? "").toLowerCase().startsWith(a))) {
      return { value: [credit[1] ?? ""], line: i, how: `name and agency "${text}" on line ${i + 1}` };
    }
  }
  // No byline label: a line that is only a name, just below the headline (Reuters, Snopes, Barron's).
  for (let i = anchor + 1; i <= anchor + SETTINGS.bareNameWindow && i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (isName(text) && text.split(" ").length <= SETTINGS.maxBareNameWords && boilerplateKind(text) === null) return { value: [text], line: i, how: `name alone on line ${i + 1}, below the headline` };
  }
  return null;
}

/** Breadcrumb separators: "Home > News > World", "HOME >", "ソフトウェア ›", "Mensagens » …". */
const BREADCRUMB = /\s*[>›»]\s*/u;

/**
 * The section: the last useful item of a breadcrumb line above the headline, else the short label
 * printed right above the headline ("Europe", "Business News"); null when neither is there.
 */
export function findSection(lines: readonly string[], headline: number | null): Found<string> | null {
  if (headline === null) return null;
  const roots = new Set([...BREADCRUMB_ROOTS, ...NOT_SECTIONS]);
  for (let i = headline - 1; i >= Math.max(0, headline - SETTINGS.sectionWindow); i--) {
    const text = lines[i] ?? "";
    if (text.length > SETTINGS.maxHeadline || !BREADCRUMB.test(text) || /https?:/u.test(text)) continue;
    const items = text.split(BREADCRUMB).map((s) => s.trim()).filter((s) => s !== "" && !roots.has(s.toLowerCase()));
    const last = items.length >= 1 && items.length <= 6 ? items[items.length - 1] : undefined;
    if (last !== undefined && last.split(" ").length <= 4 && /^\p{Lu}/u.test(last) && last !== lines[headline]) {
      return { value: last, line: i, how: `breadcrumb on line ${i + 1}` };
    }
  }
  for (let i = headline - 1; i >= Math.max(0, headline - 3); i--) {
    const text = lines[i] ?? "";
    if (text === "") continue;
    const words = text.split(" ");
    const label = words.length <= 3 && /^\p{Lu}[\p{L} &'-]*$/u.test(text) && text !== text.toUpperCase();
    if (label && boilerplateKind(text) === null && !roots.has(text.toLowerCase()) && !NOT_SECTIONS.some((w) => text.toLowerCase().startsWith(w))) {
      return { value: text, line: i, how: `label above the headline on line ${i + 1}` };
    }
    break;
  }
  return null;
}
