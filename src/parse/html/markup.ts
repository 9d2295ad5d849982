// What a page says about itself in markup: JSON-LD article nodes, `<meta>` tags and microdata.
// Read before Readability runs (it removes scripts and changes the document).
import { all, byTag, squash, textOf, type HtmlDocument } from "./dom.ts";
import { ARTICLE_TYPES, META_NAMES, PERSON_TYPES } from "./rules.ts";

/** The page's JSON-LD article, reduced to the fields morgue reads. */
export interface JsonLdArticle {
  type: string;
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  /** Names of authors of type Person (or without a type). */
  authors: string[];
  /** Names of authors of type Organization: outlets, not bylines. */
  organisations: string[];
  section: string | null;
  keywords: string[];
  publisher: string | null;
  language: string | null;
  url: string | null;
}

export interface Markup {
  /** The best JSON-LD article node, or null. */
  jsonLd: JsonLdArticle | null;
  /** `<meta>` values by lower-case name, property or itemprop, in page order. */
  meta: Map<string, string[]>;
  /** `<title>` text. */
  title: string;
  /** `<link rel=canonical>`. */
  canonical: string | null;
  /** `<html lang>`. */
  lang: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const asString = (value: Json | undefined): string | null => {
  if (typeof value === "string") return squash(value) || null;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return asString(value[0]);
  if (value !== null && typeof value === "object") return asString(value["name"] ?? value["@value"]);
  return null;
};

const asList = (value: Json | undefined): Json[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

function typesOf(node: { [key: string]: Json }): string[] {
  return asList(node["@type"]).filter((t): t is string => typeof t === "string");
}

/** Every object in a JSON-LD document: top-level arrays, `@graph`s and nested `mainEntity`s. */
function nodesOf(value: Json, out: { [key: string]: Json }[] = [], depth = 0): { [key: string]: Json }[] {
  if (depth > 4 || value === null || typeof value !== "object") return out;
  if (Array.isArray(value)) {
    for (const v of value) nodesOf(v, out, depth + 1);
    return out;
  }
  out.push(value);
  for (const key of ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"]) {
    const child = value[key];
    if (child !== undefined && typeof child === "object") nodesOf(child, out, depth + 1);
  }
  return out;
}

/** JSON-LD as pages write it: CDATA wrappers, HTML comments, stray control characters and trailing semicolons are tolerated. */
function parseJson(text: string): Json | undefined {
  const cleaned = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/u, "")
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/u, "")
    .replace(/[\u0000-\u001F]+/gu, " ")
    .trim()
    .replace(/;$/u, "");
  try {
    return JSON.parse(cleaned) as Json;
  } catch {
    return undefined;
  }
}

function names(value: Json | undefined, wantPerson: boolean): string[] {
  return asList(value).flatMap((a) => {
    if (typeof a === "string") return wantPerson ? [squash(a)] : [];
    if (a === null || typeof a !== "object" || Array.isArray(a)) return [];
    const types = typesOf(a);
    const person = types.length === 0 || types.some((t) => PERSON_TYPES.test(t));
    const name = asString(a["name"]);
    return name !== null && person === wantPerson ? [name] : [];
  });
}

function readJsonLd(doc: HtmlDocument): JsonLdArticle | null {
  const candidates: { node: { [key: string]: Json }; type: string }[] = [];
  for (const script of byTag(doc, "script").filter((el) => el.getAttribute("type")?.trim().toLowerCase() === "application/ld+json")) {
    const json = parseJson(script.textContent ?? "");
    if (json === undefined) continue;
    for (const node of nodesOf(json)) {
      const type = typesOf(node).find((t) => ARTICLE_TYPES.test(t));
      if (type !== undefined) candidates.push({ node, type });
    }
  }
  // A real article node has a headline or a date; a bare WebPage is the fallback.
  const best = candidates.find((c) => !/Page$/u.test(c.type) && (c.node["headline"] !== undefined || c.node["datePublished"] !== undefined)) ?? candidates[0];
  if (best === undefined) return null;
  const { node } = best;
  const keywords = asList(node["keywords"]).flatMap((k) => (typeof k === "string" ? k.split(",") : [])).map(squash).filter(Boolean);
  const mainEntity = node["mainEntityOfPage"];
  const url = asString(node["url"]) ?? (mainEntity !== null && typeof mainEntity === "object" && !Array.isArray(mainEntity) ? asString(mainEntity["@id"]) : asString(mainEntity));
  return {
    type: best.type,
    headline: asString(node["headline"]) ?? asString(node["name"]),
    datePublished: asString(node["datePublished"]) ?? asString(node["dateCreated"]),
    dateModified: asString(node["dateModified"]),
    authors: [...names(node["author"], true), ...names(node["creator"], true)],
    organisations: names(node["author"], false),
    section: asString(node["articleSection"]),
    keywords,
    publisher: asString(node["publisher"]),
    language: asString(node["inLanguage"]),
    url,
  };
}

function readMeta(doc: HtmlDocument): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  const add = (key: string | null, value: string | null): void => {
    const v = squash(value);
    if (key === null || v === "") return;
    const k = key.toLowerCase().trim();
    const list = meta.get(k);
    if (list) list.push(v);
    else meta.set(k, [v]);
  };
  for (const el of byTag(doc, "meta")) {
    const content = el.getAttribute("content");
    add(el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop") ?? el.getAttribute("http-equiv"), content);
  }
  // Microdata on visible elements: `<time itemprop="datePublished" datetime>`, `<span itemprop="author">`.
  for (const el of all(doc, "[itemprop]")) {
    const prop = el.localName === "meta" ? null : el.getAttribute("itemprop");
    if (prop === "author" || prop === "datePublished" || prop === "dateModified" || prop === "headline") {
      add(prop, el.getAttribute("datetime") ?? el.getAttribute("content") ?? (prop === "author" ? textOf(el.querySelector("[itemprop=name]") ?? el) : textOf(el)));
    }
  }
  return meta;
}

/** Everything the page's markup says about it. */
export function readMarkup(doc: HtmlDocument): Markup {
  const canonical = byTag(doc, "link").find((el) => el.getAttribute("rel")?.toLowerCase() === "canonical")?.getAttribute("href") ?? null;
  return {
    jsonLd: readJsonLd(doc),
    meta: readMeta(doc),
    title: textOf(byTag(doc, "title")[0]),
    canonical: canonical === null ? null : squash(canonical) || null,
    lang: doc.documentElement?.getAttribute("lang") ?? null,
  };
}

/** The values of the first of `names` the page has, in table order. */
export function metaValues(markup: Markup, field: keyof typeof META_NAMES): { name: string; values: string[] } | null {
  for (const name of META_NAMES[field]) {
    const values = markup.meta.get(name);
    if (values !== undefined) return { name, values };
  }
  return null;
}

/** The first value of the first of `names` the page has. */
export function metaValue(markup: Markup, field: keyof typeof META_NAMES): { name: string; value: string } | null {
  const found = metaValues(markup, field);
  const value = found?.values[0];
  return found === null || value === undefined ? null : { name: found.name, value };
}
