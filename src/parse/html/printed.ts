// What a page prints, as a reader sees it: its headlines (`<h1>`), and the dates and bylines printed
// nearest the headline. The markup (markup.ts) is checked against these.
import { AGENCIES } from "../generic/boilerplate.ts";
import { findPrintedDates, type PrintedDate } from "../dates.ts";
import { all, squash, textBlocks, textOf, type HtmlDocument, type HtmlElement } from "./dom.ts";
import { BYLINE_END, BYLINE_PREFIX, BYLINE_SELECTORS, DATE_SELECTORS, HTML_SETTINGS, INVISIBLE_TAGS, NAME_PARTICLES, NOT_PEOPLE_WORDS } from "./rules.ts";

/** Elements in document order, so that "nearest the headline" can be measured. */
export interface PageOrder {
  indexOf(el: HtmlElement): number;
}

export function pageOrder(doc: HtmlDocument): PageOrder {
  const order = new Map<HtmlElement, number>();
  all(doc, "body *").forEach((el, i) => order.set(el, i));
  return { indexOf: (el) => order.get(el) ?? -1 };
}

/** Elements matching `selector`, nearest `anchor` first (after it before before it at equal distance); all of them when there is no anchor. */
function nearest(doc: HtmlDocument, selector: string, anchor: number, order: PageOrder): { el: HtmlElement; distance: number }[] {
  return all(doc, selector)
    .filter((el) => el.closest("nav, footer, aside, [class*=related], [class*=comment], [class*=footer], [class*=sidebar], [class*=promo]") === null)
    .map((el) => {
      const at = order.indexOf(el);
      // Bylines and dates sit just under the headline far more often than above it.
      return { el, distance: anchor < 0 ? at : at >= anchor ? at - anchor : (anchor - at) * 2 };
    })
    .filter((c) => c.distance >= 0)
    .sort((a, b) => a.distance - b.distance);
}

/** A date printed near the headline: in an element that `DATE_SELECTORS` names, the nearest first. */
export interface PrintedNear {
  date: PrintedDate;
  /** Machine-readable `datetime` of a `<time>` element, when that is where it came from. */
  machine: string | null;
  text: string;
  distance: number;
}

export function printedDates(doc: HtmlDocument, anchor: number, order: PageOrder, dayFirst: boolean): PrintedNear[] {
  const out: PrintedNear[] = [];
  for (const { el, distance } of nearest(doc, DATE_SELECTORS, anchor, order)) {
    if (anchor >= 0 && distance > HTML_SETTINGS.headWindow * 20) break;
    const text = textOf(el);
    if (text.length > 160) continue;
    const found = findPrintedDates(text, dayFirst).filter((d) => d.wall.year >= HTML_SETTINGS.minYear);
    const machine = el.localName === "time" ? el.getAttribute("datetime") : null;
    for (const date of found) out.push({ date, machine, text, distance });
    if (found.length === 0 && machine !== null) {
      const parsed = findPrintedDates(machine, false)[0];
      if (parsed && parsed.wall.year >= HTML_SETTINGS.minYear) out.push({ date: parsed, machine, text: machine, distance });
    }
  }
  return out;
}

const lower = (s: string): string => s.toLowerCase();
const agencies = new Set(AGENCIES);

/** Whether a byline piece is a person's name: two to five capitalised words (particles allowed), no digits, no desk or agency words. */
export function isPersonName(name: string, outlets: readonly string[]): boolean {
  const words = name.split(" ").filter(Boolean);
  if (words.length === 0 || words.length > HTML_SETTINGS.maxNameWords || /\d|@|https?:|www\./u.test(name)) return false;
  if (agencies.has(lower(name)) || outlets.some((o) => lower(o) === lower(name))) return false;
  if (words.some((w) => NOT_PEOPLE_WORDS.has(lower(w).replace(/[.,]/gu, "")))) return false;
  // Scripts without case (Korean, Japanese, Chinese) write names as one or two words.
  if (words.every((w) => /^\p{Lo}+$/u.test(w))) return true;
  if (words.length < 2) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(lower(w)) || /^\p{Lu}\.$/u.test(w));
}

/** The people a byline names: "By Kevin Johnson and Kevin McCoy, USA TODAY" gives the two Kevins. */
export function namesIn(byline: string, outlets: readonly string[]): string[] {
  let text = squash(byline).replace(BYLINE_PREFIX, "");
  const end = BYLINE_END.exec(text);
  if (end !== null && end.index > 0) text = text.slice(0, end.index);
  const pieces = text.split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bи\b)\s*/iu).map((p) => squash(p.replace(BYLINE_PREFIX, "")));
  return pieces.filter((p) => isPersonName(p, outlets));
}

/** An element's text with its blocks apart ("Michael Hiltzik" and "Business Columnist" in two `<div>`s are not one name). */
const blockText = (el: HtmlElement): string => textBlocks(el, (e) => INVISIBLE_TAGS.has(e.localName)).map((b) => b.text).join(" | ");

/**
 * The byline printed nearest the headline that names people, with those people. When its element
 * names one person, the smallest enclosing element that names more is read instead: sites link
 * each author on their own ("By <a>Lisa Kaczke</a> and <a>Trevor J. Mitchell</a>").
 */
export function printedByline(doc: HtmlDocument, anchor: number, order: PageOrder, outlets: readonly string[]): { names: string[]; text: string } | null {
  for (const { el, distance } of nearest(doc, BYLINE_SELECTORS, anchor, order)) {
    if (anchor >= 0 && distance > HTML_SETTINGS.headWindow * 20) break;
    const text = blockText(el);
    if (text.length === 0 || text.length > HTML_SETTINGS.maxBylineChars) continue;
    const names = namesIn(text, outlets);
    if (names.length === 0) continue;
    for (let up = el.parentElement, depth = 0; up !== null && depth < 3; up = up.parentElement, depth++) {
      const wider = blockText(up);
      if (wider.length > HTML_SETTINGS.maxBylineChars) break;
      const more = namesIn(wider, outlets);
      if (more.length > names.length) return { names: more, text: wider };
    }
    return { names, text };
  }
  return null;
}
