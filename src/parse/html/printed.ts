// What a page prints, as a reader sees it: its headlines (`<h1>`), and the dates and bylines printed
// nearest the headline. The markup (markup.ts) is checked against these.
import { AGENCIES } from "../generic/boilerplate.ts";
import { findPrintedDates, type PrintedDate } from "../dates.ts";
import { ELEMENT_NODE, TEXT_NODE, squash, textOf, type HtmlDocument, type HtmlElement, type HtmlNode } from "./dom.ts";
import { BLOCK_TAGS, BYLINE_END, BYLINE_MARK, BYLINE_PREFIX, DATE_MARK, HTML_SETTINGS, INVISIBLE_TAGS, NAME_PARTICLES, NOT_PEOPLE_WORDS, OUTSIDE_ARTICLE_CLASS, OUTSIDE_ARTICLE_TAGS } from "./rules.ts";

/**
 * The page's elements in document order, and those that may hold a printed date or byline outside
 * navigation, footers, sidebars, related lists and comments: found in one walk, so that "nearest
 * the headline" can be measured without a selector query per question.
 */
export interface PageOrder {
  indexOf(el: HtmlElement): number;
  /** `<h1>`, `<h2>` and microdata headlines: where the page prints its headline. */
  headings: HtmlElement[];
  dates: HtmlElement[];
  bylines: HtmlElement[];
}

export function pageOrder(doc: HtmlDocument): PageOrder {
  const order = new Map<HtmlElement, number>();
  const dates: HtmlElement[] = [];
  const bylines: HtmlElement[] = [];
  const headings: HtmlElement[] = [];
  // Returns whether the element holds the article (an <article> or <h1>): a class that says
  // "sidebar" on a wrapper of the whole page (WordPress themes' "theiaStickySidebar") rules out
  // only what is outside the article.
  const walk = (el: HtmlElement, excluded: boolean): boolean => {
    order.set(el, order.size);
    if (el.localName === "h1" || el.localName === "h2" || el.getAttribute("itemprop") === "headline") headings.push(el);
    const cls = el.getAttribute("class") ?? "";
    const out = excluded || OUTSIDE_ARTICLE_TAGS.has(el.localName);
    const marks = `${cls} ${el.getAttribute("itemprop") ?? ""} ${el.getAttribute("rel") ?? ""} ${el.getAttribute("data-testid") ?? ""}`;
    const [dateCount, bylineCount] = [dates.length, bylines.length];
    if (!out && (el.localName === "time" || DATE_MARK.test(marks))) dates.push(el);
    if (!out && BYLINE_MARK.test(marks)) bylines.push(el);
    let holdsArticle = el.localName === "article" || el.localName === "h1";
    for (const child of Array.from(el.children)) holdsArticle = walk(child, out) || holdsArticle;
    if (!out && !holdsArticle && OUTSIDE_ARTICLE_CLASS.test(cls)) {
      dates.length = dateCount;
      bylines.length = bylineCount;
    }
    return holdsArticle;
  };
  if (doc.body !== null) walk(doc.body, false);
  return { indexOf: (el) => order.get(el) ?? -1, headings, dates, bylines };
}

/** `candidates`, nearest `anchor` first (after it before before it at equal distance); all of them in page order when there is no anchor. */
function nearest(candidates: readonly HtmlElement[], anchor: number, order: PageOrder): { el: HtmlElement; distance: number }[] {
  return candidates
    .map((el) => {
      const at = order.indexOf(el);
      // Bylines and dates sit just under the headline far more often than above it.
      return { el, distance: anchor < 0 ? at : at >= anchor ? at - anchor : (anchor - at) * 2 };
    })
    .filter((c) => c.distance >= 0)
    .sort((a, b) => a.distance - b.distance);
}

/** The date printed nearest the headline, in a `<time>` or an element whose class says date (`DATE_MARK`). */
export interface PrintedNear {
  date: PrintedDate;
  /** Machine-readable `datetime` of a `<time>` element, when that is where it came from. */
  machine: string | null;
  text: string;
  distance: number;
}

export function printedDate(anchor: number, order: PageOrder, dayFirst: boolean): PrintedNear | null {
  let updated: PrintedNear | null = null;
  for (const { el, distance } of nearest(order.dates, anchor, order)) {
    if (anchor >= 0 && distance > HTML_SETTINGS.headWindow * 20) break;
    const text = textOf(el);
    if (text.length > 160) continue;
    const machine = el.localName === "time" ? el.getAttribute("datetime") : null;
    const found = findPrintedDates(text, dayFirst).filter((d) => d.wall.year >= HTML_SETTINGS.minYear).map((date) => ({ date, machine, text, distance }));
    if (found.length === 0 && machine !== null) {
      const parsed = findPrintedDates(machine, false)[0];
      if (parsed && parsed.wall.year >= HTML_SETTINGS.minYear) found.push({ date: parsed, machine, text: machine, distance });
    }
    // The "Updated" time only when the page prints no other.
    const published = found.find((f) => !f.date.updated);
    if (published) return published;
    updated ??= found[0] ?? null;
  }
  return updated;
}

const lower = (s: string): string => s.toLowerCase();
const agencies = new Set(AGENCIES);

/** Whether a byline piece is a person's name: two to five capitalised words (particles allowed), no digits, no desk or agency words. */
export function isPersonName(name: string, outlets: readonly string[], single = false): boolean {
  const words = name.split(" ").filter(Boolean);
  if (words.length === 0 || words.length > HTML_SETTINGS.maxNameWords || /\d|@|https?:|www\./u.test(name)) return false;
  if (agencies.has(lower(name)) || outlets.some((o) => lower(o) === lower(name))) return false;
  if (words.some((w) => NOT_PEOPLE_WORDS.has(lower(w).replace(/[.,]/gu, "")))) return false;
  // Scripts without case (Korean, Japanese, Chinese) write names as one or two words.
  if (words.every((w) => /^\p{Lo}+$/u.test(w))) return true;
  // One word is a name only right after "By" (blogs sign "by Regan", "Catherine").
  if (words.length < 2 && !(single && /^\p{Lu}\p{Ll}+$/u.test(name))) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(lower(w)) || /^\p{Lu}\.$/u.test(w));
}

/** The people a byline names: "By Kevin Johnson and Kevin McCoy, USA TODAY" gives the two Kevins. */
export function namesIn(byline: string, outlets: readonly string[]): string[] {
  const prefixed = BYLINE_PREFIX.test(squash(byline));
  let text = squash(byline).replace(BYLINE_PREFIX, "");
  const end = BYLINE_END.exec(text);
  if (end !== null && end.index > 0) text = text.slice(0, end.index);
  const pieces = text.split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bи\b)\s*/iu).map((p) => squash(p.replace(BYLINE_PREFIX, "")));
  return pieces.filter((p) => isPersonName(p, outlets, prefixed && pieces.length === 1));
}

/**
 * An element's text with the texts of different elements kept apart where they touch: LA Times
 * prints `<a>Michael Hiltzik</a><span>Business Columnist</span>`, which is not one name.
 */
function blockText(el: HtmlElement): string {
  // Texts, and null where one element's text ends and another's may begin.
  const parts: (string | null)[] = [];
  const walk = (node: HtmlNode): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? "";
      const last = parts[parts.length - 1];
      if (typeof last === "string" && !/\s$/u.test(last) && !/^\s/u.test(text)) parts.push(null);
      parts.push(text);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE || INVISIBLE_TAGS.has((node as unknown as HtmlElement).localName)) return;
    for (const child of Array.from((node as unknown as HtmlElement).childNodes)) walk(child);
    if (BLOCK_TAGS.has((node as unknown as HtmlElement).localName)) parts.push(null);
  };
  walk(el as unknown as HtmlNode);
  const pieces: string[] = [];
  let run = "";
  for (const part of [...parts, null]) {
    if (part !== null) run += part;
    else if (squash(run) !== "") {
      pieces.push(squash(run));
      run = "";
    }
  }
  return pieces.join(" | ");
}

/**
 * The byline printed nearest the headline that names people, with those people. When its element
 * names one person, the smallest enclosing element that names more is read instead: sites link
 * each author on their own ("By <a>Lisa Kaczke</a> and <a>Trevor J. Mitchell</a>").
 */
export function printedByline(anchor: number, order: PageOrder, outlets: readonly string[]): { names: string[]; text: string } | null {
  for (const { el, distance } of nearest(order.bylines, anchor, order)) {
    if (anchor >= 0 && distance > HTML_SETTINGS.headWindow * 20) break;
    const text = blockText(el);
    if (text.length === 0 || text.length > HTML_SETTINGS.maxBylineChars) continue;
    const names = namesIn(text, outlets);
    if (names.length === 0) continue;
    for (let up = el.parentElement, depth = 0; up !== null && depth < 3; up = up.parentElement, depth++) {
      if ((up.textContent ?? "").length > HTML_SETTINGS.maxBylineChars * 4) break;
      const wider = blockText(up);
      if (wider.length > HTML_SETTINGS.maxBylineChars) break;
      const more = namesIn(wider, outlets);
      if (more.length > names.length) return { names: more, text: wider };
    }
    return { names, text };
  }
  return null;
}
