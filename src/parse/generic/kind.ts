// Whether a page is an article at all: standings tables, race calendars, index pages and forms are
// pages of rows or links with little or no prose. Such a page is reported, not published.
import type { Body } from "./body.ts";
import type { Line } from "./lines.ts";
import { SETTINGS } from "./settings.ts";
import { findPrintedDates, findYearlessDates } from "../dates.ts";

/**
 * A row of a table or a listing: cells separated by tabs (a browser's visible text of a table:
 * meta-dev autoracing NASCAR standings "1\tKyle Busch\t5040\t5…"), or a short line whose words
 * are mostly figures (two at least: an archive menu's "Maio (192)" is no row), or that holds a date (the same table as html-text prints it; the Stock Car
 * calendar "2a etapa: 8 de abril – Curitiba / Alternativa").
 */
function isRow(text: string): boolean {
  if ((text.match(/\t\s*\S/gu)?.length ?? 0) >= 2) return true;
  const words = text.trim().split(/\s+/u).filter((w) => w !== "");
  if (words.length === 0 || text.length > SETTINGS.maxRowLine || /[.!?]["'”’]?$/u.test(text)) return false;
  const figures = words.filter((w) => /\d/u.test(w)).length;
  return (figures >= 2 && figures * 2 >= words.length) || findYearlessDates(text, true).length + findPrintedDates(text, true).length > 0;
}

/**
 * Why the page is no article, or null when it is one: around its body (a table may sit between
 * the headline and the prose, or under it)
 * runs a table or listing (at least `minRows` rows in a row, more than `rowsPerSentence` per
 * paragraph of prose), or the page holds no paragraph of prose at all (an index page, a form).
 * `body` is the body below the headline, `prose` the body read without one (a headline read wrong
 * must not make an article look empty).
 */
export function notArticle(texts: readonly string[], headline: number | null, body: Body, prose: Body): string | null {
  const from = Math.max(0, Math.min(headline ?? Infinity, (body.from ?? Infinity) - SETTINGS.rowsAroundBody, texts.length - 1));
  const to = Math.min(texts.length - 1, Math.max(from, body.to ?? from) + SETTINGS.rowsAroundBody);
  let run = 0;
  let longest = 0;
  for (let i = from + 1; i <= to; i++) {
    const text = texts[i] ?? "";
    if (text.trim() === "") continue;
    run = isRow(text) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const paragraphs = (b: Body): Line[] => b.lines.filter((l) => l.sentence && l.size >= SETTINGS.shortLine);
  const below = paragraphs(body).length;
  if (longest >= SETTINGS.minRows && longest > below * SETTINGS.rowsPerSentence) {
    return `a table or listing: ${longest} rows of figures or dates in a row around the article, ${below} paragraphs of prose`;
  }
  const size = paragraphs(prose).reduce((sum, l) => sum + l.size, 0);
  return size < SETTINGS.minProse ? `no article text: ${size} characters of prose on the page (an index page, a form or a page of links)` : null;
}
