// Generic extraction from whole-page text (any site without a profile): headline from the <title>
// line that recurs above the article, else the one printed above its byline or first paragraph;
// dateline and byline nearest it, body from the densest stretch of prose. Every inferred field
// says in `provenance` how it was found.
import type { ParsedArticle } from "../../record/schema.ts";
import type { ParseOptions, ParseOutcome, PartialArticle } from "../types.ts";
import { extractBody, type Body } from "./body.ts";
import { escapeMarkdown } from "../markdown.ts";
import { detectLanguage } from "./language.ts";
import { measurePage, type Line } from "./lines.ts";
import { findAuthors, findDateline, findSection, pageZone } from "./meta.ts";
import { SETTINGS } from "./settings.ts";
import { findHeadline, pageView, splitTitle } from "./title.ts";
import { normalLine, type PageView } from "./headline-model.ts";
import { notArticle } from "./kind.ts";
import { findOutlet, findUrl } from "./outlet.ts";
import { dayFromFileName } from "../dates.ts";

/** Language from the longer lines only: menus are short, and names in them are no language. */
function pageLanguage(texts: readonly string[]): string | null {
  let sample = "";
  for (const t of texts) {
    if (t.length >= SETTINGS.shortLine && sample.length < SETTINGS.languageSample) sample += `${t.slice(0, SETTINGS.languageSample)}\n`;
  }
  return detectLanguage(sample);
}

/** A page's lines measured, its body read without a headline, and what the headline scorer sees of it. */
export function readLines(text: string): { texts: string[]; language: string | null; lines: Line[]; unanchored: Body; view: PageView } {
  const texts = text.split("\n");
  const language = pageLanguage(texts);
  const lines = measurePage(texts, language);
  // The body read without a headline shows where the prose starts, which places a printed headline.
  const unanchored = extractBody(lines, null);
  return { texts, language, lines, unanchored, view: pageView(texts, lines, unanchored) };
}

/**
 * Parses a normalised whole-page dump (see `decodeDump`) into an article, or an error when it has
 * no headline or no date (neither printed nor in `options.fileName`). Never throws.
 */
export function extractGeneric(text: string, options: ParseOptions): ParseOutcome {
  const { texts, language, lines, unanchored, view } = readLines(text);
  const headline = findHeadline(view);
  if (headline === null) {
    return {
      ok: false,
      error: {
        rule: "no-headline",
        line: 1,
        message: "no headline found: the first line is empty, has no letters or is too long to be a title",
        hint: "make sure the dump starts with the page title (the text of the browser tab)",
      },
    };
  }
  const body = headline.exact && headline.line !== null ? extractBody(lines, headline.line) : unanchored;
  const anchor = headline.line ?? body.from ?? 0;
  const dayFirst = language !== null && language !== "en";
  const dateline = findDateline(texts, anchor, body, pageZone(language, options.timezone), dayFirst);
  const fileDay = dayFromFileName(options.fileName);
  const authors = findAuthors(texts, anchor, dayFirst);
  const section = findSection(texts, headline.line);
  const metadata = new Set([headline.line, dateline?.line, authors?.line]);
  const paragraphs = body.lines.filter((l) => !metadata.has(l.index)).map((l) => escapeMarkdown(l.text));
  const provenance: Record<string, string> = {
    title: headline.how,
    authors: authors?.how ?? "no byline found",
    section: section?.how ?? "default",
    language: language === null ? "no stop-word table matched" : "stop words and script of the longer lines",
    body: body.from === null ? "no prose found" : `densest prose from line ${body.from + 1} to ${body.to === null ? "?" : body.to + 1}`,
  };
  const read: PartialArticle = {
    title: headline.title,
    section: section?.value ?? "News",
    authors: authors?.value ?? [],
    language,
    profile: "generic",
    provenance,
    body: paragraphs.join("\n\n"),
  };
  const notAnArticle = notArticle(texts, headline.line, body, unanchored);
  if (notAnArticle !== null) {
    return {
      ok: false,
      error: { rule: "not-article", line: anchor + 1, message: `not an article: ${notAnArticle}`, hint: "nothing to do if the page is no story; to publish it anyway, write its record by hand" },
      partial: read,
    };
  }
  if (dateline === null && fileDay === null) {
    return {
      ok: false,
      error: {
        rule: "no-date",
        line: anchor + 1,
        message: "no publication date found: none is printed near the headline or above the article, and the file name holds none",
        hint: "put the date in the file name, as 2019-11-20-<name>.txt, or add a dateline (\"November 20, 2019\") under the headline",
      },
      partial: read,
    };
  }
  const times: Record<string, string> = {};
  if (dateline?.value.publishedHow) times.published = dateline.value.publishedHow;
  if (dateline?.value.updatedHow) times.updated = dateline.value.updatedHow;
  // The first line's site name counts when the first line is the page's <title>: its headline part is the headline.
  const titled = view.titleSite !== null && normalLine(splitTitle(texts[view.firstIndex] ?? "")?.title ?? "") === normalLine(headline.title);
  const outlet = findOutlet(texts, titled ? view.titleSite : null);
  const url = findUrl(texts, headline.title);
  if (outlet !== null) provenance.outlet = outlet.how;
  if (url !== null) provenance.url = url.how;
  const article: ParsedArticle = {
    ...read,
    ...(outlet === null ? {} : { outlet: outlet.value }),
    ...(url === null ? {} : { url: url.value }),
    provenance: { title: headline.how, date: dateline === null ? `file name ${options.fileName}` : dateline.how, ...times, ...provenance },
    date: dateline?.value.date ?? fileDay ?? "",
    published: dateline?.value.published ?? null,
    updated: dateline?.value.updated ?? null,
    images: [],
    related: [],
    more: [],
    tags: [],
  };
  return { ok: true, article };
}
