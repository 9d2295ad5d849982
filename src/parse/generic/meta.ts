// Metadata around the headline of a whole-page dump: the dateline, the byline and the section.
// Each is looked for nearest the headline first, since pages print many other dates and names.
import { clockLine, copyrightYear, findPrintedDates, findYearlessDates, isoDay, isRelativeDateline, MONTHS, toIso, type PrintedDate, type YearlessDate } from "../dates.ts";
import { AGENCIES, BREADCRUMB_ROOTS, BYLINE_PREFIXES, BYLINE_STOP_WORDS, DATELINE_LABELS, KOREAN_SIGNOFF, NOT_PEOPLE, NOT_SECTIONS } from "./boilerplate.ts";
import { wordsOf } from "./language.ts";
import { boilerplateKind, isDateline } from "./lines.ts";
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
  /** How `published` and `updated` were read, for provenance; null when that value is null. */
  publishedHow: string | null;
  updatedHow: string | null;
}

/**
 * Embedded tweets end with their own date: "— Rep. Ilhan Omar (@Ilhan) November 19, 2019". A dash
 * before a date without a handle is a dateline (9to5Mac "- Nov. 18th 2019 8:54 am PT").
 */
const QUOTED_POST = /^[—–-]\s.*@\w/u;

/** The zone a page's times are read in when they print none, and how it was chosen (for provenance). */
export interface PageZone {
  name: string;
  how: string;
}

/**
 * Zones a page's language implies, for times printed without a zone (a German page is read in
 * Berlin time, not the archive's site zone). Portuguese is Brazil's: the dev pages in Portuguese
 * are Brazilian (autoracing.com.br, jaraguadosul.com.br, their truth offsets -02:00 and -03:00);
 * English and Spanish name no country.
 */
export const LANGUAGE_ZONES: Readonly<Record<string, string>> = {
  de: "Europe/Berlin", fr: "Europe/Paris", it: "Europe/Rome", nl: "Europe/Amsterdam", pt: "America/Sao_Paulo",
  ru: "Europe/Moscow", ja: "Asia/Tokyo", ko: "Asia/Seoul", id: "Asia/Jakarta",
};

/** The zone for a page in `language`: the one its language implies, else the site zone. */
export function pageZone(language: string | null, timezone: string): PageZone {
  const implied = language === null ? undefined : LANGUAGE_ZONES[language];
  return implied === undefined ? { name: timezone, how: `site timezone ${timezone}` } : { name: implied, how: `${implied}, the zone the page's language (${language ?? ""}) implies` };
}

function iso(d: PrintedDate, timezone: string): string | null {
  return d.hasTime ? toIso(d.wall, d.zone ?? timezone) : null;
}

/** Where the year of a yearless dateline comes from: the nearest full date, else the copyright. */
interface YearEvidence {
  /** The full date's day, or only the copyright year. */
  year: number;
  month: number | null;
  day: number | null;
  how: string;
}

/**
 * The full date printed nearest to line `from` (even in an embedded post: it only lends its year),
 * else the latest copyright year on the page (older ones credit images). Null when neither is printed.
 */
function yearEvidence(lines: readonly string[], from: number, dayFirst: boolean): YearEvidence | null {
  for (let d = 1; d < lines.length; d++) {
    for (const i of [from - d, from + d]) {
      const text = lines[i];
      if (text === undefined || text.length > SETTINGS.maxDateLine) continue;
      const full = findPrintedDates(text, dayFirst)[0];
      if (full !== undefined) return { year: full.wall.year, month: full.wall.month, day: full.wall.day, how: `the full date on line ${i + 1}` };
    }
  }
  let best: YearEvidence | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? "";
    const year = text.length <= SETTINGS.maxPatternLine ? copyrightYear(text) : null;
    if (year !== null && (best === null || year > best.year)) best = { year, month: null, day: null, how: `the copyright year on line ${i + 1}` };
  }
  return best;
}

/** The year that puts month/day closest to the evidence's full date, or the copyright year. */
function completed(d: YearlessDate, evidence: YearEvidence): PrintedDate | null {
  if (evidence.month === null || evidence.day === null) return d.inYear(evidence.year);
  const target = Date.UTC(evidence.year, evidence.month - 1, evidence.day);
  const gap = (year: number): number => Math.abs(Date.UTC(year, d.month - 1, d.day) - target);
  const year = [evidence.year, evidence.year - 1, evidence.year + 1].reduce((a, b) => (gap(b) < gap(a) ? b : a));
  return d.inYear(year);
}

/** A line that may hold a dateline at all: short, not a caption, not an embedded post. */
function mayHoldDateline(text: string): boolean {
  return text.length <= SETTINGS.maxDateLine && !QUOTED_POST.test(text) && boilerplateKind(text) !== "caption";
}

/** A line shaped like a dateline: a date with few other words, or a byline or "Posted" line. */
function datelineShaped(text: string): boolean {
  return isDateline(text, wordsOf(text)) || DATELINE_LABELS.test(text) || BYLINE_PREFIXES.some((p) => p.test(text));
}

/**
 * The dates of line `i` as a dateline: full dates, else dates without a year when the line is
 * labelled ("Posted Nov 19, 6:51 AM") or is little more than the date and its time ("Nov 19, 6:51
 * AM ET"), the year completed from `evidence`. The
 * publication date is the first not marked "Updated" (else the first); a clock time alone on the
 * next line belongs to it (LA Times).
 */
function readDateline(lines: readonly string[], i: number, zone: PageZone, dayFirst: boolean, evidence: () => YearEvidence | null): Found<Dateline> | null {
  const text = lines[i] ?? "";
  let dates = findPrintedDates(text, dayFirst);
  let yearFrom = "";
  if (dates.length === 0) {
    const bare = wordsOf(text).filter((w) => !/\d/u.test(w)).length <= SETTINGS.maxWordsBesideYearlessDate;
    const labelled = DATELINE_LABELS.test(text);
    const yearless = findYearlessDates(text, dayFirst).filter((d) => labelled || (bare && d.hasTime));
    const found = yearless.length > 0 ? evidence() : null;
    if (found === null) return null;
    dates = yearless.flatMap((d) => completed(d, found) ?? []);
    yearFrom = `, printed without a year: the year from ${found.how}`;
  }
  let published = dates.find((d) => !d.updated) ?? dates[0];
  if (published === undefined) return null;
  let timeFrom = "";
  const clock = published.hasTime ? null : clockLine(lines[i + 1] ?? "");
  if (clock !== null) {
    published = { ...published, wall: { ...published.wall, hour: clock.hour, minute: clock.minute, second: clock.second }, hasTime: true, zone: clock.zone };
    timeFrom = `, time on line ${i + 2}`;
  }
  const updated = dates.find((d) => d.updated);
  const timezone = zone.name;
  const zoneOf = (d: PrintedDate): string => (d.zone === null ? zone.how : "printed zone");
  const how = `${published.format} date on line ${i + 1}${yearFrom}`;
  const publishedIso = iso(published, timezone);
  const value: Dateline = {
    date: isoDay(toIso(published.wall, published.zone ?? timezone)),
    published: publishedIso,
    updated: updated === undefined ? null : iso(updated, timezone),
    publishedHow: publishedIso === null ? null : `${published.updated ? "the \"Updated\" time, the only one printed," : "time"} on line ${clock === null ? i + 1 : i + 2}${yearFrom}, ${zoneOf(published)}`,
    updatedHow: updated?.hasTime === true ? `"Updated" time on line ${i + 1}${yearFrom}, ${zoneOf(updated)}` : null,
  };
  const zoneHow = published.hasTime ? `, ${zoneOf(published)}` : ", no time printed";
  return { value, line: i, how: `${how}${timeFrom}${zoneHow}` };
}

/**
 * The dateline: first the date printed nearest the headline (or the top of the page) on a short
 * line, unless that line comes after the end of the body (comments, footers and "related" lists
 * come there); failing that, a dateline-shaped line a little above the first line of the body;
 * failing that, the date near the headline that came after the body. Dates in a list of dated
 * stories are never taken, nor any printed further away than a relative dateline ("Monday
 * 5:30PM", "1 day ago"): that one is the page's own, and cannot be read. The clock time is read in
 * the printed zone, else in `zone`; without a printed time `published` is null. Never a date
 * the page does not print: null when there is none.
 */
export function findDateline(lines: readonly string[], anchor: number, body: { from: number | null; to: number | null }, zone: PageZone, dayFirst: boolean): Found<Dateline> | null {
  // Looked up once, around the first yearless dateline met (the likeliest), so the search stays linear.
  let evidence: YearEvidence | null | undefined;
  const yearOf = (at: number) => (): YearEvidence | null => (evidence === undefined ? (evidence = yearEvidence(lines, at, dayFirst)) : evidence);
  const read = (i: number): Found<Dateline> | null => {
    const found = readDateline(lines, i, zone, dayFirst, yearOf(i));
    return found === null || inDatedList(lines, i, found.value.date, dayFirst) ? null : found;
  };
  let afterBody: Found<Dateline> | null = null;
  for (const i of around(anchor, SETTINGS.dateWindowAfter, SETTINGS.dateWindowBefore, lines.length)) {
    const text = lines[i] ?? "";
    if (isRelativeDateline(text)) return afterBody;
    const found = mayHoldDateline(text) ? read(i) : null;
    if (found === null) continue;
    if (body.to === null || i <= body.to) return found;
    afterBody ??= { ...found, how: `${found.how}; after the body, no other date printed` };
  }
  if (body.from !== null) {
    for (let i = body.from - 1; i >= Math.max(0, body.from - SETTINGS.dateWindowAboveBody); i--) {
      const text = lines[i] ?? "";
      if (isRelativeDateline(text)) break;
      const found = mayHoldDateline(text) && datelineShaped(text) ? read(i) : null;
      if (found !== null) return { ...found, how: `${found.how}; ${body.from - i} lines above the body, none near the headline` };
    }
  }
  const dated = afterBody === null ? datedByline(lines, dayFirst) : null;
  if (dated !== null) {
    const found = read(dated);
    if (found !== null) return { ...found, how: `${found.how}; a byline with its date, far from the headline` };
  }
  return afterBody;
}

/**
 * The first line of the page that opens with a byline and prints a full date ("Written by Rachael
 * Link, MS, RD on November 14, 2019": Healthline prints it under the article, far from the
 * headline); null when none does.
 */
function datedByline(lines: readonly string[], dayFirst: boolean): number | null {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (text.length <= SETTINGS.maxDateLine && BYLINE_PREFIXES.some((p) => p.exec(text)?.index === 0) && findPrintedDates(text, dayFirst).length > 0) return i;
  }
  return null;
}

/**
 * Whether line `at` is one of a list of dated stories: at least two other dateline-shaped lines
 * within `dateListGap` lines print dates, not all of them its day ("Published …" and "Updated …"
 * lines, or a dateline and its time, are not a list).
 */
function inDatedList(lines: readonly string[], at: number, day: string, dayFirst: boolean): boolean {
  let dated = 0;
  let otherDay = false;
  for (let i = Math.max(0, at - SETTINGS.dateListGap); i <= at + SETTINGS.dateListGap && i < lines.length; i++) {
    const text = lines[i] ?? "";
    if (i === at || !mayHoldDateline(text) || !datelineShaped(text)) continue;
    const other = findPrintedDates(text, dayFirst)[0];
    if (other === undefined) continue;
    dated++;
    otherDay ||= isoDay(toIso(other.wall, "UTC")) !== day;
  }
  return dated >= 2 && otherDay;
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|(?:van|von|der|de|da|di|del|la|le|bin|al|el|dos|du|ter)|\p{Lu}\.)$/u;

/** True for "Tess Bonn", "Mike Wuerthele", "Michael David Smith", "Венера Ерофеева". */
export function isName(text: string): boolean {
  const words = text.split(" ");
  return words.length >= 2 && words.length <= 5 && words.every((w) => NAME_WORD.test(w)) && /\p{Ll}/u.test(text);
}

/** Bylines whose link text and label both print the name ("Sean Martin Sean Martin", Express). */
function undoubled(name: string): string {
  const words = name.split(" ");
  const half = words.length / 2;
  return Number.isInteger(half) && words.slice(0, half).join(" ") === words.slice(half).join(" ") ? words.slice(0, half).join(" ") : name;
}

/** All-capital words of a byline in title case ("BILL HOPPE" gives "Bill Hoppe"); mixed-case words stay. */
function titleCased(text: string): string {
  return text.replace(/\p{Lu}{2,}(?:['’-]\p{Lu}+)*/gu, (w) => w.charAt(0) + w.slice(1).toLowerCase());
}

/**
 * A byline's text made readable: title case for capitals, a space before a desk or title run into
 * the name by the page's layout ("Meg JamesStaff Writer", "Michael HiltzikBusiness Columnist"),
 * spaces around separators ("Венера Ерофеева·24 сентября 2018"), handles dropped.
 */
function bylineText(text: string): string {
  const stops = new Set(BYLINE_STOP_WORDS);
  return titleCased(text)
    .replace(/(\p{Ll})(\p{Lu}\p{Ll}+)/gu, (m: string, a: string, b: string) => (stops.has(b.toLowerCase()) ? `${a} ${b}` : m))
    .replace(/\s*([·•|])\s*/gu, " $1 ")
    .replace(/@\S+/gu, " ");
}

/** Names in the text after a byline prefix: "Mike Wuerthele and Malcolm Owen", "Rachael Link, MS, RD on …". */
function namesIn(rest: string, single = false): string[] {
  const stops = new Set(BYLINE_STOP_WORDS);
  const agencies = new Set(AGENCIES);
  const words = bylineText(rest).split(/\s+/u).filter((w) => w !== "");
  const kept: string[] = [];
  for (const w of words) {
    const lower = w.toLowerCase().replace(/[.,]$/u, "");
    if (stops.has(lower) || MONTHS[lower] !== undefined || /\d/u.test(w)) break;
    kept.push(w);
  }
  const parts = kept
    .join(" ")
    .split(/\s*(?:,|&|\band\b|\bund\b|\be\b|\by\b|\bet\b|\bи\b)\s*/u)
    .map((n) => undoubled(n.trim().replace(/[.,;:]$/u, "")))
    .filter((n) => !agencies.has(n.toLowerCase()));
  // "written by Regan": after a byline label one word is a name, unless it names a role or the site.
  if (single && parts.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(parts[0] ?? "") && !NOT_PEOPLE.includes((parts[0] ?? "").toLowerCase())) return [parts[0] ?? ""];
  return parts.filter((n) => isName(n));
}

/** "Sandee LaMotte, CNN", "Greg Beacham, Ap Sports Writer": a name, then an agency or a title. */
const NAME_COMMA_CREDIT = /^([^,]{4,60}), (.{2,60})$/u;

/**
 * Names of a line that lists people without a label, just under the headline: "Lisa Kaczke and
 * Trevor J. Mitchell Sioux Falls Argus Leader", "Kevin Johnson and Kevin McCoy USA TODAY" (the
 * credit after the last name is cut: two name words, three with a middle initial).
 */
function listedNames(text: string): string[] {
  return text.split(/\s+(?:and|&)\s+|,\s+/u).map((part) => {
    const words = part.split(" ");
    return words.slice(0, /^\p{Lu}\.$/u.test(words[1] ?? "") ? 3 : 2).join(" ");
  }).filter((n) => isName(n));
}

/**
 * People in a byline: "By Mike Wuerthele and Malcolm Owen", "Posted by X on …", "Von X publiziert
 * am …", "BY KASHMIRA GANDER ON 11/13/19", "Текст: Венера Ерофеева·24 сентября 2018", "October 9,
 * 2018 | by Olivia Larsen", "Sandee LaMotte, CNN". Agencies, desks and site names are left out; an
 * empty list when the line is no byline or names nobody. For any parser that reads a byline.
 */
export function bylinePeople(text: string): string[] {
  for (const prefix of BYLINE_PREFIXES) {
    const m = prefix.exec(text);
    if (m !== null) return namesIn(text.slice(m.index + m[0].length), true);
  }
  const credit = NAME_COMMA_CREDIT.exec(text);
  if (credit !== null && isName(titleCased(credit[1] ?? "")) && AGENCIES.some((a) => (credit[2] ?? "").toLowerCase().startsWith(a))) return [titleCased(credit[1] ?? "")];
  return [];
}

/**
 * Authors from the byline nearest the headline (see `bylinePeople`); failing that, a line that is
 * only a name, a name and its credit, or a list of names, just below the headline (Reuters, Snopes,
 * Business Insider "Tanza Loudenback, Business Insider", USA Today); failing that, a byline that
 * carries the date anywhere on the page (Healthline prints it under the article). Null when none.
 */
export function findAuthors(lines: readonly string[], anchor: number, dayFirst = false): Found<string[]> | null {
  for (const i of around(anchor, SETTINGS.bylineWindowAfter, SETTINGS.bylineWindowBefore, lines.length)) {
    const text = lines[i] ?? "";
    if (text.length > SETTINGS.maxDateLine) continue;
    const names = bylinePeople(text);
    if (names.length > 0) return { value: names, line: i, how: `byline "${text.slice(0, 60)}" on line ${i + 1}` };
    // "By" alone on its line (WSJ): the name is on the next line.
    if (/^by$/iu.test(text)) {
      const next = namesIn(lines[i + 1] ?? "");
      if (next.length > 0) return { value: next, line: i + 1, how: `byline after "By" on line ${i + 2}` };
    }
  }
  // No byline label: a line that is only names (and perhaps a credit), just below the headline;
  // share buttons do not count (BIG Brand System: "258 Shares", "Buffer", "Share", "Pin", "Tweet",
  // "Share", "Email", then "Pamela Wilson").
  let seen = 0;
  for (let i = anchor + 1; seen < SETTINGS.bareNameWindow && i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line !== "" && boilerplateKind(line) !== null) continue;
    seen++;
    // "Catherine Shu @catherineshu / 2 days" (TechCrunch): the name before a separator.
    const text = titleCased(bylineText(line).split(/ [/|·•] /u)[0] ?? "").trim();
    if (text.length > SETTINGS.maxHeadline || boilerplateKind(text) !== null || isDatelineOrByline(line)) continue;
    const credit = NAME_COMMA_CREDIT.exec(text);
    const name = isName(text) && text.split(" ").length <= SETTINGS.maxBareNameWords ? text : credit !== null && isName(credit[1] ?? "") ? (credit[1] ?? "") : null;
    if (name !== null) return { value: [name], line: i, how: `name alone on line ${i + 1}, below the headline` };
    const listed = isNameList(text) ? listedNames(text) : [];
    if (listed.length > 1) return { value: listed, line: i, how: `names on line ${i + 1}, below the headline` };
  }
  const dated = datedByline(lines, dayFirst);
  const names = dated === null ? [] : bylinePeople(lines[dated] ?? "");
  if (dated !== null && names.length > 0) return { value: names, line: dated, how: `byline with its date on line ${dated + 1}, far from the headline` };
  return signOff(lines, anchor);
}

/** The first sign-off below the headline that names its writer with an e-mail address (`KOREAN_SIGNOFF`); null when none. */
function signOff(lines: readonly string[], anchor: number): Found<string[]> | null {
  for (let i = anchor + 1; i < lines.length; i++) {
    const m = KOREAN_SIGNOFF.exec(lines[i] ?? "");
    const name = m?.[1] ?? m?.[2];
    if (name !== undefined) return { value: [name], line: i, how: `sign-off "${lines[i] ?? ""}" on line ${i + 1}` };
  }
  return null;
}

/**
 * Several names joined by "and" or commas, then perhaps a credit: "Lisa Kaczke and Trevor J. Mitchell
 * Sioux Falls Argus Leader" (USA Today). Each part opens with two name words; the first is a name.
 */
function isNameList(text: string): boolean {
  const parts = text.split(/\s+(?:and|&)\s+|,\s+/u);
  const opensWithName = (part: string): boolean => part.split(" ").slice(0, 2).filter((w) => NAME_WORD.test(w)).length === 2;
  return parts.length >= 2 && !text.includes(":") && isName(parts[0] ?? "") && parts.every(opensWithName);
}

/**
 * Whether a line is a dateline or a byline proper: a date with few other words, a relative
 * dateline ("Monday 5:30PM"), a clock time alone, a "Posted"/"Updated" line, "By …" or "By" alone.
 */
export function isDatelineOrByline(text: string): boolean {
  if (text.length > SETTINGS.maxDateLine) return false;
  return datelineShaped(text) || isRelativeDateline(text) || clockLine(text) !== null || /^by$/iu.test(text);
}

/**
 * Whether a line is part of an article's head rather than a headline or its text: a dateline,
 * clock time or relative dateline ("Monday 5:30PM"), a byline, a name alone ("Adam Clark Estes"),
 * with its credit ("Tanza Loudenback, Business Insider") or with co-authors. Printed headlines are
 * looked for just above such lines.
 */
export function isHeadMeta(text: string): boolean {
  if (isDatelineOrByline(text)) return true;
  if (text.length > SETTINGS.maxDateLine) return false;
  const credit = NAME_COMMA_CREDIT.exec(text);
  // A credit is an outlet or a desk ("Business Insider", "CNN"), not a headline's next clause ("Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways…").
  const creditOk = credit !== null && !/[:?!]/u.test(credit[2] ?? "") && (credit[2] ?? "").split(" ").length <= 4;
  const bareName = isName(text) && text.split(" ").length <= SETTINGS.maxBareNameWords;
  return bareName || (creditOk && isName(credit[1] ?? "")) || isNameList(text);
}

/**
 * Whether line `i` ends a menu: `menuRun` short lines of words right above it (share buttons and
 * other chrome aside), with no empty line between them.
 */
function isMenuRun(lines: readonly string[], i: number): boolean {
  let short = 0;
  for (let j = i - 1; j >= 0 && short < SETTINGS.menuRun; j--) {
    const text = lines[j] ?? "";
    if (text === "" || text.split(" ").length > 3 || isDatelineOrByline(text)) return false;
    // Controls without a word ("–", "A", "+": AppleInsider's text size) are no menu items.
    if (boilerplateKind(text) === null && /\p{L}{2}/u.test(text)) short++;
  }
  return short >= SETTINGS.menuRun;
}

/** Breadcrumb separators: "Home > News > World", "Mensagens » Mensagens de Autoestima » …". */
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
    const parts = text.split(BREADCRUMB).map((s) => s.trim()).filter((s) => s !== "");
    // One item and a marker is a menu's drop-down ("Torneio de Palpites »", autoracing), no trail.
    if (parts.length < 2) continue;
    const items = parts.filter((s) => !roots.has(s.toLowerCase()));
    const last = items.length >= 1 && items.length <= 6 ? items[items.length - 1] : undefined;
    if (last !== undefined && last.split(" ").length <= 4 && /^\p{Lu}/u.test(last) && last !== lines[headline]) {
      return { value: last, line: i, how: `breadcrumb on line ${i + 1}` };
    }
  }
  // A menu that marks the page's own item for screen readers (BBC "World selected", "Europe
  // selected"): the last marked item is the section.
  for (let i = headline - 1; i >= Math.max(0, headline - SETTINGS.sectionWindow * 2); i--) {
    const marked = /^(\p{Lu}[\p{L} &'-]{1,40}) selected$/u.exec(lines[i] ?? "")?.[1];
    if (marked !== undefined && !roots.has(marked.toLowerCase())) return { value: marked, line: i, how: `menu item marked as the page's own on line ${i + 1}` };
  }
  for (let i = headline - 1; i >= Math.max(0, headline - 3); i--) {
    const text = lines[i] ?? "";
    if (text === "") continue;
    const words = text.split(" ");
    // A kicker stands alone: the last of a run of short lines is a menu item (cleveland.com's
    // "Entertainment" under its menu), and words run together are menu items
    // printed without spaces ("BabywearingColoradoFamily & LifeTipsTravel").
    const menu = isMenuRun(lines, i) || /\p{Ll}\p{Lu}/u.test(text);
    const label = !menu && words.length <= 3 && /^\p{Lu}[\p{L} &'-]*$/u.test(text) && text !== text.toUpperCase();
    if (label && boilerplateKind(text) === null && !roots.has(text.toLowerCase()) && !NOT_SECTIONS.some((w) => text.toLowerCase().startsWith(w))) {
      return { value: text, line: i, how: `label above the headline on line ${i + 1}` };
    }
    break;
  }
  return null;
}
