// Entity tags: the people, places and organisations a story is about, found in its headline and
// body, merged through the alias table and ranked by salience. Also the one normalised key under
// which tags are compared, grouped and put in URLs.
//
// Part-of-speech tags come from wink-nlp with its English lite model (measured against compromise
// on the VOA sample and the BBC topics-dev corpus: it found every expected name and ran at about
// 1.5 ms a story against 29 ms; see the README). Names are runs of capitalised words, which the
// tagger only has to confirm at the start of a sentence, where every word is capitalised.
import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { ALIASES, ASCII_FOLDS, DEMONYMS, NAME_PARTICLES, NOT_NAMES, TITLES } from "./entity-data.ts";

/** Salience weights and limits in one place; see `rank`. */
const SALIENCE = {
  /** Tags per story unless the caller asks otherwise. */
  defaultLimit: 8,
  /** Each mention in the body counts 1; being in the headline adds this once. */
  headline: 3,
  /** A demonym ("Iraqi") adds this much to its country when the country itself is named. */
  demonym: 0.5,
  /** Up to this much for coming early: 1 at the very start, falling to 0 at the end. */
  firstPosition: 1,
} as const;

/**
 * Parts of speech a capitalised word may have and still be part of a name. Pronouns ("I"),
 * determiners and function words are never names; verbs are allowed because the tagger often reads
 * unknown surnames as verbs.
 */
const NAME_POS: ReadonlySet<string> = new Set(["PROPN", "NOUN", "ADJ", "X", "VERB", "NUM"]);

/** Punctuation after which a capitalised word is a sentence opener, not evidence of a name. */
const OPENERS: ReadonlySet<string> = new Set(['"', "“", "‘", "'", ":", "(", "-", "–", "—"]);

/**
 * The people, places and organisations the story is about, most salient first, at most `limit`.
 * Salience: mentions in the body, being in the headline, and how early the first mention comes;
 * ties go to the earlier first mention, then to the name in code-unit order.
 */
export function deriveTags(input: { title: string; body: string }, limit: number = SALIENCE.defaultLimit): string[] {
  const body = markdownToText(input.body);
  const fromBody = extractMentions(body, 0);
  // In a Title Case Headline every word is capitalised, so it can only confirm names from the body.
  // Headline mentions get negative orders: they come before the body.
  const fromTitle = isTitleCase(input.title) ? [] : extractMentions(input.title, -1_000_000).mentions;
  const entities = resolve([...fromTitle, ...fromBody.mentions]);
  markHeadline(entities, input.title);
  const ranked = rank(entities, fromBody.tokens);
  return ranked.slice(0, Math.max(0, limit)).map((entity) => entity.name);
}

/**
 * The key under which two tags are the same tag: aliases resolved ("U.S." and "us" are "United
 * States"), then case, spacing, punctuation and diacritics ignored. URL-safe (a-z, 0-9, hyphens);
 * letters outside the Latin script add a short hash, so "Путин" still has a key of its own.
 */
export function tagKey(tag: string): string {
  const canonical = ALIAS_BY_LOOSE_KEY.get(looseKey(tag)) ?? tag;
  const folded = [...canonical.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase()]
    .map((char) => ASCII_FOLDS.get(char) ?? char)
    .join("");
  const ascii = folded
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const foreign = /[^\x00-\x7f]/.test(folded) || ascii === "";
  return foreign ? [ascii, hash(folded.normalize("NFC"))].filter((part) => part !== "").join("-") : ascii;
}

interface Mention {
  /** The name as written, title cut off ("Mike Pompeo"). */
  words: string[];
  /** Token position; headline mentions are negative so that they come first. */
  order: number;
  /** Set when the mention is an adjective of place or faith rather than a name. */
  demonymOf: string | null | undefined;
}

interface Entity {
  name: string;
  mentions: number;
  demonyms: number;
  first: number;
  inHeadline: boolean;
  /** Every spelling that resolved to this entity, to find it in a Title Case headline. */
  forms: Set<string>;
}

let pipeline: WinkMethods | undefined;

/** The tagger is loaded on first use and kept: loading the model costs far more than a story. */
function nlp(): WinkMethods {
  pipeline ??= winkNLP(model, ["sbd", "pos"]);
  return pipeline;
}

/** Capitalised runs of words in `text`, split at titles; `tokens` is the length of the text in tokens. */
function extractMentions(text: string, orderBase: number): { mentions: Mention[]; tokens: number } {
  const tagger = nlp();
  const its = tagger.its;
  const doc = tagger.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const sentenceStarts = new Set<number>();
  for (const span of doc.sentences().out(its.span) as unknown as number[][]) sentenceStarts.add(span[0] ?? 0);

  // Words of one name are separated by spaces on one line; hyphen parts have no space at all.
  const spaced = (i: number): boolean => /^[ \t]+$/.test(spaces[i] ?? "");
  const glued = (i: number): boolean => (spaces[i] ?? " ") === "";
  const capitalised = (i: number): boolean => /^\p{Lu}/u.test(values[i] ?? "");
  const opener = (i: number): boolean => {
    if (sentenceStarts.has(i)) return true;
    for (let k = i - 1; k >= 0; k--) {
      if (pos[k] === "SPACE") return true;
      if (pos[k] !== "PUNCT") return false;
      if (OPENERS.has(values[k] ?? "")) return true;
    }
    return true;
  };
  const nameWord = (i: number): boolean =>
    capitalised(i) && NAME_POS.has(pos[i] ?? "") && (pos[i] === "PROPN" || !opener(i));
  const hyphenatedName = (i: number): boolean => values[i + 1] === "-" && glued(i + 1) && glued(i + 2) && capitalised(i + 2);

  const mentions: Mention[] = [];
  let i = 0;
  while (i < values.length) {
    if (!nameWord(i)) {
      i++;
      continue;
    }
    const words: string[] = [];
    let j = i;
    while (j < values.length) {
      const particle = NAME_PARTICLES.has(values[j] ?? "") && (hyphenatedName(j) || (spaced(j + 1) && nameWord(j + 1)));
      if (j > i && !(spaced(j) && (nameWord(j) || particle))) break;
      // Hyphenated parts join the word when they are names too ("Rolls-Royce", "al-Muhandis").
      let word = values[j] ?? "";
      while (hyphenatedName(j)) {
        word += `-${values[j + 2] ?? ""}`;
        j += 2;
      }
      words.push(word);
      j++;
    }
    for (const part of splitAtTitles(words)) {
      mentions.push({ words: part, order: orderBase + i, demonymOf: demonymOf(part) });
    }
    // "Securities Exchange Commission (SEC)": the acronym is a mention of the name before it.
    const last = mentions[mentions.length - 1];
    if (values[j] === "(" && /^\p{Lu}{2,6}$/u.test(values[j + 1] ?? "") && values[j + 2] === ")" && last !== undefined) {
      mentions.push({ ...last, order: last.order + 1 });
      j += 3;
    }
    i = Math.max(j, i + 1);
  }
  return { mentions: mentions.filter((mention) => !isJunk(mention.words)), tokens: values.length };
}

/** The country a demonym points to (null: a faith or region, no tag), or undefined for a name. */
function demonymOf(words: readonly string[]): string | null | undefined {
  if (words.length !== 1) return undefined;
  const word = (words[0] ?? "").replace(/’/g, "'");
  return DEMONYMS.has(word) ? DEMONYMS.get(word) : word.endsWith("s") ? DEMONYMS.get(word.slice(0, -1)) : undefined;
}

/** Cuts titles out of a run of capitalised words; a title counts only when a name follows it. */
function splitAtTitles(words: string[]): string[][] {
  for (let start = 0; start < words.length; start++) {
    for (const title of TITLES_LONGEST_FIRST) {
      const end = start + title.length;
      if (end >= words.length) continue;
      if (title.every((word, k) => word === words[start + k])) {
        return [...ofGenericHead(words.slice(0, start)), ...splitAtTitles(words.slice(end))];
      }
    }
  }
  return ofGenericHead(words);
}

/** "Government of Iraq" names Iraq; "Bank of England" stays whole. */
function ofGenericHead(words: string[]): string[][] {
  const of = words.indexOf("of");
  if (of > 0 && words.slice(0, of).every((word) => NOT_NAMES.has(word.toLowerCase()))) return [words.slice(of + 1)];
  return words.length > 0 ? [words] : [];
}

function isJunk(words: readonly string[]): boolean {
  return words.every((word) => NOT_NAMES.has(word.toLowerCase()) || NAME_PARTICLES.has(word));
}

/** Groups mentions into entities: aliases, then short forms ("Pompeo") onto full names. */
function resolve(mentions: readonly Mention[]): Entity[] {
  const byName = new Map<string, Entity>();
  const demonymCounts = new Map<string, number>();
  for (const mention of mentions) {
    if (mention.demonymOf !== undefined) {
      if (mention.demonymOf !== null) demonymCounts.set(mention.demonymOf, (demonymCounts.get(mention.demonymOf) ?? 0) + 1);
      continue;
    }
    const written = mention.words.join(" ");
    const name = aliasFor(written) ?? written;
    let entity = byName.get(name);
    if (entity === undefined) {
      entity = { name, mentions: 0, demonyms: 0, first: mention.order, inHeadline: false, forms: new Set() };
      byName.set(name, entity);
    }
    entity.mentions += mention.order < 0 ? 0 : 1;
    entity.inHeadline ||= mention.order < 0;
    entity.first = Math.min(entity.first, mention.order);
    entity.forms.add(written);
  }
  const entities = [...byName.values()].sort((a, b) => a.first - b.first);
  const merged = new Map<Entity, Entity>();
  for (const short of entities) {
    if (ALIAS_NAMES.has(short.name)) continue;
    const full = longerForm(short, entities);
    if (full !== undefined) merged.set(short, full);
  }
  const result: Entity[] = [];
  for (const entity of entities) {
    let target = merged.get(entity);
    if (target === undefined) {
      result.push(entity);
      continue;
    }
    while (merged.has(target)) target = merged.get(target) as Entity;
    target.mentions += entity.mentions;
    target.inHeadline ||= entity.inHeadline;
    target.first = Math.min(target.first, entity.first);
    for (const form of entity.forms) target.forms.add(form);
  }
  for (const entity of result) {
    const key = tagKey(entity.name);
    for (const [country, count] of demonymCounts) if (tagKey(country) === key) entity.demonyms += count;
  }
  return result;
}

/**
 * The full name a short form stands for in this story: a surname ("Pompeo" for "Mike Pompeo"), or
 * a run of two or more words at either end of a longer name. The most mentioned full name wins,
 * then the earliest. Names built with "of" are places or bodies, not people: no short forms.
 */
function longerForm(short: Entity, entities: readonly Entity[]): Entity | undefined {
  const words = short.name.split(" ");
  let best: Entity | undefined;
  for (const candidate of entities) {
    const longer = candidate.name.split(" ");
    if (longer.length <= words.length || longer.includes("of")) continue;
    const suffix = words.every((word, k) => word === longer[longer.length - words.length + k]);
    const prefix = words.length > 1 && words.every((word, k) => word === longer[k]);
    if (!suffix && !prefix) continue;
    if (best === undefined || candidate.mentions > best.mentions) best = candidate;
  }
  return best;
}

/** Marks entities named in the headline, whichever spelling the headline uses. */
function markHeadline(entities: Entity[], title: string): void {
  const padded = ` ${title.replace(/[^\p{L}\p{N}.'’-]+/gu, " ")} `;
  for (const entity of entities) {
    if (entity.inHeadline) continue;
    const forms = [...entity.forms, ...(ALIAS_FORMS.get(entity.name) ?? [])];
    entity.inHeadline = forms.some((form) => padded.includes(` ${form} `) || padded.includes(` ${form}'s `));
  }
}

/** Salience order; see `SALIENCE`. Entities only named in the headline still count once. */
function rank(entities: readonly Entity[], bodyLength: number): Entity[] {
  const span = Math.max(1, bodyLength);
  const score = (entity: Entity): number =>
    Math.max(1, entity.mentions) +
    SALIENCE.demonym * entity.demonyms +
    (entity.inHeadline ? SALIENCE.headline : 0) +
    SALIENCE.firstPosition * (1 - Math.max(0, Math.min(span, entity.first)) / span);
  const scored = entities.map((entity) => ({ entity, score: score(entity) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.entity.first - b.entity.first ||
      (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : 0),
  );
  return scored.map(({ entity }) => entity);
}

/** A headline is Title Case when most of its longer words start with a capital. */
function isTitleCase(title: string): boolean {
  const words = title.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word));
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word));
  return words.length >= 2 && capitalised.length >= 0.75 * words.length;
}

/** The body's text without Markdown syntax: link text kept, images and markup dropped. */
function markdownToText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/[*_`]+/g, "");
}

/** Dots dropped; short all-capital forms keep their case, the rest are compared lower-cased. */
function extractionKey(written: string): string {
  const bare = written.replace(/\./g, "").replace(/\s+/g, " ").trim();
  return /^\p{Lu}{1,4}$/u.test(bare) ? bare : bare.toLowerCase().replace(/[’]/g, "'");
}

/** Case, dots, punctuation and diacritics ignored: how a hand-edited tag finds its alias. */
function looseKey(tag: string): string {
  return tag
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/\./g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function aliasFor(written: string): string | undefined {
  return ALIAS_BY_EXTRACTION_KEY.get(extractionKey(written));
}

/** 32-bit FNV-1a in base 36: a short, stable suffix for keys of non-Latin names. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const char of text) {
    h ^= char.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const TITLES_LONGEST_FIRST: readonly string[][] = TITLES.map((title) => title.split(" ")).sort(
  (a, b) => b.length - a.length || (a.join(" ") < b.join(" ") ? -1 : 1),
);
const ALIAS_NAMES: ReadonlySet<string> = new Set(ALIASES.map((alias) => alias.name));
const ALIAS_FORMS: ReadonlyMap<string, readonly string[]> = new Map(ALIASES.map((alias) => [alias.name, alias.forms]));
const ALIAS_BY_EXTRACTION_KEY: ReadonlyMap<string, string> = new Map(
  ALIASES.flatMap((alias) => [alias.name, ...alias.forms].map((form) => [extractionKey(form), alias.name] as const)),
);
const ALIAS_BY_LOOSE_KEY: ReadonlyMap<string, string> = new Map(
  ALIASES.flatMap((alias) => [alias.name, ...alias.forms].map((form) => [looseKey(form), alias.name] as const)),
);
