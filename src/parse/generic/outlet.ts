// The publication a page came from and the page's own URL, when the page text says them: the site
// name after the headline in the <title>, the copyright line, a printed domain; a printed URL
// whose path spells the headline.
import { tokensOf } from "./headline-model.ts";
import { SETTINGS } from "./settings.ts";
import type { Found } from "./meta.ts";

/** Company suffixes dropped from a copyright holder ("CNBC LLC" gives "CNBC"). */
const COMPANY_SUFFIX = /,?\s+(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Limited|GmbH|AG|S\.A\.|plc|Co\.|Corp\.?|Corporation)(?![\p{L}]).*$/iu;

/**
 * The holder of a copyright line: "© 2019 CNBC LLC. All Rights Reserved." gives "CNBC",
 * "Copyright © 2019, Los Angeles Times | Terms of Service" gives "Los Angeles Times", "© 2019
 * Sputnik. All rights reserved" gives "Sputnik"; null when the line is no copyright line or names
 * no one. For any parser that reads a page's footer.
 */
export function copyrightHolder(line: string): string | null {
  const m = /^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:©\s*)?(?:(?:19|20)\d{2}\s*[-–]\s*)?(?:19|20)\d{2},?\s+(.+)$/iu.exec(line.trim());
  if (m === null || !/^(?:copyright|©|\(c\))/iu.test(line.trim())) return null;
  const holder = (m[1] ?? "")
    .split(/\s+[|·•]\s+|\.\s+|\s+-\s+|\s*all rights reserved/iu)[0]
    ?.replace(/^by\s+/iu, "")
    .replace(/[.,;:]+$/u, "")
    .replace(COMPANY_SUFFIX, "")
    .replace(/\s*\([^)]*\)\s*/gu, " ")
    .trim();
  // "© 2019 - Designed by Gray Digital Media" names the web designer, not the outlet.
  if (holder === undefined || /^[-–—]|\b(?:designed|powered|developed|theme)\b/iu.test(holder)) return null;
  if (holder.length < 2 || holder.split(/\s+/u).length > 6 || !/\p{L}/u.test(holder)) return null;
  return holder;
}

/** A line that is only a domain ("www.autoracing.com.br", "Cleveland.com"). */
const DOMAIN_LINE = /^(?:https?:\/\/)?((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\/?$/iu;

/**
 * The outlet: the site name of the <title> (`titleSite`, a page-text dump's first line "Headline
 * - Site", given only when its headline part is the page's headline), else the holder of the last copyright line (the page's own footer comes last; older
 * years credit images), else a domain printed alone on a line. Null when the page names none.
 */
export function findOutlet(texts: readonly string[], titleSite: string | null): Found<string> | null {
  if (titleSite !== null) {
    // "Section | Site": the site is the last part.
    const site = titleSite.split(/ [|–—-] /u).map((s) => s.trim()).filter((s) => s !== "").pop();
    if (site !== undefined) return { value: site.replace(/^www\./iu, ""), line: 0, how: "site name after the headline in the <title> (first line)" };
  }
  for (let i = texts.length - 1; i >= 0; i--) {
    const text = texts[i] ?? "";
    if (text.length > SETTINGS.maxDateLine) continue;
    const holder = copyrightHolder(text);
    if (holder !== null) return { value: holder, line: i, how: `copyright line ${i + 1}` };
  }
  for (let i = 0; i < texts.length; i++) {
    const domain = DOMAIN_LINE.exec((texts[i] ?? "").trim())?.[1];
    if (domain !== undefined) return { value: domain.replace(/^www\./iu, ""), line: i, how: `domain printed on line ${i + 1}` };
  }
  return null;
}

/**
 * The page's own URL, when printed: a line that is only an http(s) URL whose path holds at least
 * half the headline's words (a share panel or the print footer prints it). Null when none is.
 */
export function findUrl(texts: readonly string[], title: string): Found<string> | null {
  const want = [...tokensOf(title)].filter((w) => w.length >= 3);
  if (want.length === 0) return null;
  for (let i = 0; i < texts.length; i++) {
    const text = (texts[i] ?? "").trim();
    if (!/^https?:\/\/[^\s/]+\/\S+$/iu.test(text) || text.length > SETTINGS.maxHeadline * 2 || !URL.canParse(text)) continue;
    const path = tokensOf(text.replace(/^https?:\/\/[^/]+/iu, "").replace(/[-_/]/gu, " "));
    if (want.filter((w) => path.has(w)).length * 2 >= want.length) return { value: text, line: i, how: `URL printed on line ${i + 1}, its path spells the headline` };
  }
  return null;
}
