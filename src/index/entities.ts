// Entity tags: the people, places and organisations a story is about, found in its headline and
// body, typed when the story shows their kind, merged through the alias table and ranked by
// salience. Also the one normalised key under which tags are compared, grouped and put in URLs.
//
// Part-of-speech tags and the English word list come from wink-nlp with its English lite model
// (measured against compromise on the VOA sample, topics-dev and entities-dev; see the README).
// Names are runs of capitalised words; at the start of a sentence, line, bracket or quote, where
// capitals prove nothing, a word is a name if the story capitalises it elsewhere or the word list
// does not know it as a common word. `npm run eval:tags` scores the result on entities-dev.
import { createRequire } from "node:module";
import type { WinkMethods } from "wink-nlp";
import {
  ADJECTIVE_ENDINGS,
  ALIASES,
  ASCII_FOLDS,
  COMPASS_WORDS,
  COUNTRY_NAMES,
  DATE_WORDS,
  DEMONYM_ENDINGS,
  DEMONYMS,
  INSTITUTION_WORDS,
  NAME_PARTICLES,
  NOT_NAMES,
  ORG_SUFFIXES,
  PLACE_PREPOSITIONS,
  PLACE_HEADS,
  EVENT_WORDS,
  HEAD_PARTICLES,
  BODY_PARTICLES,
  POSSESSIVE_NAME_HEADS,
  TITLES,
  INFLECTIONS,
  PLACE_NAME_STARTS,
  NAMES_OF_DATES,
  DAY_PAPERS,
  MEASURES,
  NAMED_HEADS,
  HYPHEN_PREFIXES,
} from "./entity-data.ts";

/** Salience weights and limits in one place; see `rank`. */
const SALIENCE = {
  /** Tags per story unless the caller asks otherwise: the sample names ten people, places and
   *  organisations worth a tag page (United States … Pentagon); eight cut Islamic State and Pentagon. */
  defaultLimit: 10,
  /**
   * Without a limit asked for, a story that mentions more names than `defaultLimit` twice or more
   * (results and tables: teams, companies) also tags the others mentioned twice, up to this many. On entities-dev,
   * recall of the names mentioned twice went from 0.828 to 0.858 (even half 0.935 -> 0.954, odd
   * 0.751 -> 0.790), precision 0.954 -> 0.955, junk 0.028 -> 0.027; 7.9 tags a story, not 7.8.
   */
  repeatedLimit: 20,
  /** Each mention in the body counts 1; being in the headline adds this once. */
  headline: 3,
  /** A demonym ("Iraqi") adds this much to its country when the country itself is named. */
  demonym: 0.5,
  /** Up to this much for coming early: 1 at the very start, falling to 0 at the end. */
  firstPosition: 1,
  /**
   * Named in the first paragraph, the lede, which says what the story is about: less than a
   * mention, so that it orders names mentioned as often (on entities-dev, 0.5 left recall of the
   * names mentioned twice as it was; 1 lowered it from 0.806 to 0.794).
   */
  lede: 0.5,
} as const;

/**
 * Parts of speech a capitalised word may have and still be part of a name. Pronouns ("I"),
 * determiners and function words are never names; verbs are allowed because the tagger often reads
 * unknown surnames as verbs.
 */
const NAME_POS: ReadonlySet<string> = new Set(["PROPN", "NOUN", "ADJ", "X", "VERB", "NUM"]);

/** The shortest stem `commonWord` asks for an inflected word: "Ted" is no "t" + "ed". */
const MIN_STEM = 3;

/** Tokens that glue the words of a web or mail address together. */
const ADDRESS_MARKS: ReadonlySet<string> = new Set([".", "/", "@"]);

/** Parts of speech of the lower-case word after an adjective ("Swedish prosecutors"). */
const ATTRIBUTIVE_HEADS: ReadonlySet<string> = new Set(["NOUN", "ADJ"]);

// Patterns tested once a token, kept here so that each is compiled once.
const STARTS_CAPITAL = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_LETTER = /^\p{L}/u;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\p{N}/u;
const CURRENCY = /\p{Sc}/u;
const ACRONYM_PLURAL = /^\p{Lu}{2,}s$/u;
const NO_VOWEL = /^[B-DF-HJ-NP-TV-XZ][b-df-hj-np-tv-xz]+$/u;
const INITIALS = /^\p{Lu}{2,6}$/u;
const SHORT_CAPITALS = /^\p{Lu}{1,4}$/u;
/** II to XXXIX: never "I" (the pronoun), "V" or "X" (single letters are no names anyway). */
const ROMAN_NUMERAL = /^(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})$/;
const ACRONYM = /^[\p{Lu}\p{N}&.-]+$/u;
const SHOUTED = /^\p{Lu}+\.?$/u;
/** A word of a place in a dateline: "LONDON", "N'DJAMENA", "AL-AIN", "ST." */
const SHOUTED_WORD = /^\p{Lu}[\p{Lu}'’.]*$/u;
/** Parts of speech of a common word in capitals that may join a name in capitals; see `joinShoutedWords`. */
const SHOUTED_JOINERS: ReadonlySet<string> = new Set(["NOUN", "ADJ"]);
/** A year after an event's name: "Euro 96", "Expo 2000". */
const YEAR = /^(?:\d{2}|19\d{2}|20\d{2})$/;
/** Parts of speech of a word that does not open a company's name; see `companyHead`. */
const NOT_HEADS: ReadonlySet<string> = new Set(["ADJ", "NUM"]);
/** Parts of speech of the word list that names may have; see `dateWordInName`. */
const NOUNS: ReadonlySet<string> = new Set(["NOUN", "PROPN"]);
/** Words of an amount after its number: "1.2 bln SKR". */
const MAGNITUDES: ReadonlySet<string> = new Set(["thousand", "million", "billion", "trillion", "mln", "bln", "m", "bn"]);
/** The longest abbreviation in capitals that a colon makes a label of ("QUAL:"); "REUTERS:" is a name. */
const LABEL_ABBREVIATION = 4;
/** The most words of a name alone in brackets; see `bracketedName`. */
const BRACKETED_NAME_WORDS = 4;
/** How far into the body a dateline's credit may stand: "SAN JOSE, Costa Rica (Reuters) -". */
const CREDIT_REACH = 12;
/** What follows a dateline's place (and its credit). */
const DATELINE_DASHES: ReadonlySet<string> = new Set(["-", "–", "—", "--"]);
const SPACES_ON_A_LINE = /^[ \t]+$/;
const POSSESSIVE_MARK = /^['’]s?$/u;
const PRONOUN_CONTRACTION = /^I['’](?:m|ve|ll|d)$/u;

// The two tests asked of every token, answered without a regular expression when the first
// letter is ASCII (where \p{Lu} is A-Z and \p{Ll} is a-z): most words of most stories.
function startsCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 0x80 ? c >= 0x41 && c <= 0x5a : STARTS_CAPITAL.test(word);
}

function startsLower(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 0x80 ? c >= 0x61 && c <= 0x7a : STARTS_LOWER.test(word);
}

/** Quotation marks, opening or closing; see `Mention.quoted`. */
const QUOTES: ReadonlySet<string> = new Set(['"', "“", "”", "‘", "’", "'"]);
/** Punctuation that may stand between a quotation's last word and its closing mark: "The Knot," */
const CLOSING_PUNCTUATION: ReadonlySet<string> = new Set([",", ".", "?", "!"]);

/** Punctuation after which a capitalised word opens a sentence or quote: no evidence of a name. */
const OPENERS: ReadonlySet<string> = new Set(['"', "“", "‘", "'", ":", "(", "-", "–", "—"]);
/** The longest opener: a longer token, as most are, is none without a look-up. */
const OPENER_LENGTH = Math.max(...[...OPENERS].map((opener) => opener.length));

/** The kind of thing a tag names; events and nationalities are never tags (see the README). */
export type TagType = "person" | "place" | "organisation";

/** What a story is tagged with: names, most salient first, and the type of each name that has one. */
export interface StoryTags {
  tags: string[];
  /** Only names with evidence of their kind: a title, a surname, an institution word, a dateline... */
  tagTypes: Record<string, TagType>;
}

/**
 * The people, places and organisations the story is about, most salient first, at most `limit`
 * (by default ten, or every name mentioned twice or more, up to twenty), with their types. Salience: mentions in the body, being in the headline, and how early the first
 * mention comes; ties go to the earlier first mention, then to the name in code-unit order. The
 * outlet's own name ("Visit Business Insider", "(Reuters)") is never a tag.
 */
export function tagStory(input: { title: string; body: string; outlet?: string | undefined }, limit?: number): StoryTags {
  const body = tokenize(markdownToText(input.body));
  // In a Title Case Headline every word is capitalised, so it can only confirm names from the body.
  const title = isTitleCase(input.title) ? undefined : tokenize(input.title);
  const texts = title === undefined ? [body] : [body, title];
  const evidence = evidenceOf(texts);
  // Headline mentions get negative positions: they come before the body.
  const bodyMentions = chunk(body, evidence, 0);
  const mentions = title === undefined ? bodyMentions : chunk(title, evidence, -1_000_000).concat(bodyMentions);
  // The outlet's words anywhere in a name, as whole words: "Visit Business Insider", not "Apple" for "AP".
  const outlet = input.outlet === undefined ? undefined : ` ${looseKey(input.outlet)} `;
  const entities = resolve(mentions, evidence.lower).filter(
    (entity) => isTag(entity, evidence.lower) && (outlet === undefined || !` ${looseKey(entity.name)} `.includes(outlet)),
  );
  markHeadline(entities, input.title);
  const all = rank(entities, body.values.length, ledeEnd(body));
  // Without a limit asked for: the first ten, then every other name mentioned twice or more, up to `repeatedLimit`.
  const ranked =
    limit !== undefined
      ? all.slice(0, Math.max(0, limit))
      : all.filter((entity, i) => i < SALIENCE.defaultLimit || entity.mentions >= 2).slice(0, SALIENCE.repeatedLimit);
  const tagTypes: Record<string, TagType> = {};
  for (const entity of ranked) {
    const type = typeOf(entity);
    if (type !== undefined) tagTypes[entity.name] = type;
  }
  return { tags: ranked.map((entity) => entity.name), tagTypes };
}

/** The names of `tagStory`, for callers that need no types. */
export function deriveTags(input: { title: string; body: string; outlet?: string | undefined }, limit?: number): string[] {
  return tagStory(input, limit).tags;
}

/**
 * The key under which two tags are the same tag: aliases resolved ("U.S." and "us" are "United
 * States"), then case, spacing, punctuation and diacritics ignored. URL-safe (a-z, 0-9, hyphens);
 * letters outside the Latin script add a short hash, so "Путин" still has a key of its own. A tag
 * with no letter or digit at all has the empty key.
 */
export function tagKey(tag: string): string {
  const canonical = ALIAS_BY_LOOSE_KEY.get(looseKey(tag)) ?? tag;
  const folded = [...canonical.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase()]
    .map((char) => ASCII_FOLDS.get(char) ?? char)
    .join("");
  const words = folded.replace(/['’]/g, "").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
  if (words === "") return "";
  const ascii = words.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return ascii === words ? ascii : [ascii, hash(words.normalize("NFC"))].filter((part) => part !== "").join("-");
}

/**
 * `tagKey` for a whole archive, with a surname folded into the one person the archive names with
 * it: a story that only says "Blair" and one that says "Tony Blair" share the tag page of Tony
 * Blair (the 1,201-story archive had both pages). A surname two people share ("Brown": Gordon and
 * Nick), or a one-word tag typed as a place or organisation, keeps its own key.
 */
export function archiveTagKeys(tags: Iterable<{ tag: string; type?: TagType | undefined }>): (tag: string) => string {
  // Each distinct tag is keyed once: an archive repeats its tags on many stories.
  const keys = new Map<string, string>();
  const keyOf = (tag: string): string => {
    let key = keys.get(tag);
    if (key === undefined) keys.set(tag, (key = tagKey(tag)));
    return key;
  };
  const people = new Map<string, Set<string>>();
  const notPeople = new Set<string>();
  for (const { tag, type } of tags) {
    const space = tag.lastIndexOf(" ");
    if (space < 0) {
      if (type !== undefined && type !== "person") notPeople.add(keyOf(tag));
      continue;
    }
    if (type !== "person") continue;
    const surname = keyOf(tag.slice(space + 1));
    people.set(surname, (people.get(surname) ?? new Set()).add(keyOf(tag)));
  }
  return (tag) => {
    const key = keyOf(tag);
    const full = tag.includes(" ") || notPeople.has(key) ? undefined : people.get(key);
    return full !== undefined && full.size === 1 ? ([...full][0] ?? key) : key;
  };
}

/** One text as the tagger sees it, token by token. */
interface Tokens {
  values: string[];
  pos: string[];
  /** Whitespace before each token. */
  spaces: string[];
  /**
   * What each token is, as `TOKEN` bits: worked out once, since the passes over a text ask about
   * most tokens several times (as a word, then as the next one). Past the end, undefined: no bit.
   * A plain array: a typed one this long is allocated outside the heap, at several times the cost.
   */
  flags: number[];
}

/** Bits of `Tokens.flags`. */
const TOKEN = {
  /** Opens a sentence, line or quote, where capitals prove nothing. */
  opener: 1,
  /** Follows spaces on the same line: words of one name do; hyphen parts have no space at all. */
  spaced: 2,
  /** Starts with a capital and has a part of speech a name may have (`NAME_POS`). */
  capitalised: 4,
  /** Capitalised and not a date word: may be a word of a name. */
  nameCapital: 8,
} as const;

interface Mention {
  /** The name as written, title cut off ("Mike Pompeo"). */
  written: string;
  /** Token position; headline mentions are negative so that they come first. */
  order: number;
  /** For an acronym in brackets right after a name, that name ("SEC" after "Securities ..."). */
  expands?: string;
  /** A one-word name right before a lower-case noun ("Swedish prosecutors"): maybe an adjective. */
  attributive: boolean;
  /** Starts a sentence, line or quote, where its first word's capital proves nothing. */
  atOpener: boolean;
  /** What the words around it say it is: a title before it, a dateline, "in" or "at" before it. */
  kind?: TagType;
  /** The name of an adjective made with a hyphen ("Boston-based"): salience for it, no entity. */
  compound?: boolean;
  /** The whole of a quotation: the title of a book, film or song ("Sleeping Bread"). */
  quoted?: boolean;
}

interface Entity {
  name: string;
  mentions: number;
  demonyms: number;
  first: number;
  inHeadline: boolean;
  /** Every spelling that resolved to this entity, to find it in a Title Case headline. */
  forms: Set<string>;
  /** Every mention stood right before a lower-case noun; see `Mention.attributive`. */
  attributive: boolean;
  /** Its last word was used alone as a short form: it is a person's name with a surname. */
  surnamed: boolean;
  /** Every mention started a sentence, line or quote; see `Mention.atOpener`. */
  atOpener: boolean;
  /** Every mention was a whole quotation; see `Mention.quoted`. */
  quoted: boolean;
  /** The acronym a bracket gave the name, and how many mentions use it; see `resolve`. */
  acronym?: string;
  acronymMentions: number;
  /** The first mention in the body; Infinity if only the headline names it. */
  firstInBody: number;
  /** Mentions whose surroundings say what it is; see `Mention.kind`. */
  kinds: Record<TagType, number>;
}

/** What the whole story says about its words, for telling names from capitalised words. */
interface Evidence {
  /** Capitalised words seen where capitals are evidence; see `confirmedWords`. */
  confirmed: ReadonlySet<string>;
  /** Words the story also writes in lower case: common words, whatever their capitals elsewhere. */
  lower: ReadonlySet<string>;
}

let pipeline: { nlp: WinkMethods; lexicon: Lexicon } | undefined;

/** The model's own word list: each known word's index in `hash`, its usual part of speech in `lexicon`. */
interface Lexicon {
  hash: Readonly<Record<string, number>>;
  /** Words the model shipped with; the tagger adds every unknown word it meets after them. */
  size: number;
  lexicon: Uint32Array;
  /** Where a word's part of speech sits in `lexicon`: [offset, mask, shift]. */
  layout: readonly number[];
  packSize: number;
  posNames: readonly string[];
}

const require = createRequire(import.meta.url);

/**
 * The tagger is loaded on first use and kept: loading the model costs far more than a story (about
 * 1 s and 60 MB), and a build whose dumps all come from the ingest cache never needs it. Its core
 * is read once and kept, so that its word list answers `lexicalPos` too.
 */
function nlp(): { nlp: WinkMethods; lexicon: Lexicon } {
  if (!pipeline) {
    const winkNLP = require("wink-nlp") as (model: unknown, pipe: string[]) => WinkMethods;
    const model = require("wink-eng-lite-web-model") as { core: () => CoreModel };
    const core = model.core();
    pipeline = {
      nlp: winkNLP({ ...model, core: () => core }, ["sbd", "pos"]),
      lexicon: {
        hash: core.features.lexeme.hash,
        size: core.features.lexeme.intrinsicSize,
        lexicon: core.lexicon,
        layout: core.packing.layout.pos,
        packSize: core.packing.size,
        posNames: core.features.pos.list,
      },
    };
  }
  return pipeline;
}

/** The parts of wink-eng-lite-web-model's core that `nlp` reads. */
interface CoreModel {
  features: { lexeme: { hash: Record<string, number>; intrinsicSize: number }; pos: { list: string[] } };
  lexicon: Uint32Array;
  packing: { size: number; layout: { pos: number[] } };
}

/**
 * The usual part of speech of a word as the model's English word list gives it ("former" ADJ,
 * "second" ADJ, "broker" NOUN, "sweden" PROPN, "bush" UNK for several), or undefined for a word
 * the list does not hold ("london", "lebed"). Asked in lower case.
 */
const lexicalPos = memoised((word: string): string | undefined => {
  const { hash, size, lexicon, layout, packSize, posNames } = nlp().lexicon;
  const index = hash[word];
  if (index === undefined || index >= size) return undefined;
  const [offset = 0, mask = 0, shift = 0] = layout;
  return posNames[((lexicon[offset + index * packSize] ?? 0) & mask) >>> shift];
});

/**
 * A common English word, not a name, when written in lower case: the word list knows it as
 * something other than a proper noun. "Former", "Second", "Scorers" (as "scorer"), "FORECAST",
 * but not "Sweden" or "Lebed". A word the list lacks is asked by its stem (`INFLECTIONS`:
 * "Eyewitnesses", "Buckled"), a hyphenated one by its parts: a common word, then words in lower
 * case ("Post-mortem"), or a prefix, then common words ("Co-Premiers"; see `HYPHEN_PREFIXES`); not
 * "Rolls-Royce", "Half-Life", "Chen Chun-yeh".
 */
const commonWord = memoised((word: string): boolean => {
  if (lexicalPos(word) === "PROPN") return false;
  const lower = word.toLowerCase();
  let pos = lexicalPos(lower);
  for (let k = 0; pos === undefined && k < INFLECTIONS.length; k++) {
    const [ending, stem] = INFLECTIONS[k] ?? ["", ""];
    if (lower.length - ending.length >= MIN_STEM && lower.endsWith(ending)) pos = lexicalPos(lower.slice(0, -ending.length) + stem);
  }
  if (pos === undefined && word.includes("-")) {
    const [head = "", ...rest] = word.split("-");
    if (HYPHEN_PREFIXES.has(head.toLowerCase())) return rest.every((part) => startsLower(part) || commonWord(part));
    return head !== "" && commonWord(head) && rest.every((part) => startsLower(part));
  }
  return pos !== undefined && pos !== "PROPN";
});

function tokenize(text: string): Tokens {
  const tagger = nlp().nlp;
  const its = tagger.its;
  const doc = tagger.readDoc(text);
  // One pass over the tokens per property: wink-nlp has no public read of several at once (its
  // `each` makes an object per token, which costs more than the passes).
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const flags = new Array<number>(values.length).fill(0);
  for (const span of doc.sentences().out(its.span) as unknown as number[][]) flags[span[0] ?? 0] = TOKEN.opener;
  let open = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? "";
    const space = spaces[i] ?? "";
    let flag = flags[i] ?? 0;
    // Most tokens follow one space or none; neither holds a line break or needs the pattern.
    const plain = space === " " || space === "";
    if (
      pos[i] === "SPACE" ||
      (!plain && space.includes("\n")) ||
      (value.length <= OPENER_LENGTH && OPENERS.has(value) && !(value === "(" && bracketedName(values, i)) && !closingQuote(values, spaces, i) && !hyphen(values, spaces, i))
    ) {
      open = true;
    } else if (pos[i] !== "PUNCT") {
      if (open) flag |= TOKEN.opener;
      open = false;
    }
    if (space === " " || (!plain && SPACES_ON_A_LINE.test(space))) flag |= TOKEN.spaced;
    if (startsCapital(value) && NAME_POS.has(pos[i] ?? "")) {
      // A common word before a colon, or any word before a colon and a number, is a label:
      // "Scorers:", "Fax:", "CUSIP: 072261", "AMT: 1,200,000" (entities-dev).
      // So is an abbreviation in capitals before a colon: "ST: MI", "SR MGR:", "L.O.: Bodman", "BANK
      // QUAL: Y" (the keys of a municipal bond sale notice in entities-dev, odd half).
      // Not after a word in lower case: "told the BBC:" (topics-dev) quotes what the BBC heard.
      const abbreviation = value.length <= LABEL_ABBREVIATION && SHOUTED_WORD.test(value) && !startsLower(values[i - 1] ?? "");
      // Not a paper's name: "He told the Sunday Mirror:" (topics-dev).
      const paper = DAY_PAPERS.has(value) && DATE_WORDS.has((values[i - 1] ?? "").toLowerCase());
      const label = values[i + 1] === ":" && !paper && (commonWord(value) || HAS_DIGIT.test(values[i + 2] ?? "") || abbreviation);
      // Short capitals after a number are a unit: "80 GB", "5 MB" (the 1,201-story archive); short
      // capitals beside a slash are a table's codes: "M / SP / F: NA / NA / NA" (entities-dev).
      const short = value.length <= 3 && SHOUTED.test(value) && aliasFor(value) === undefined;
      // So is a currency's code after an amount: "1.2 bln SKR", "500 mln DM" (entities-dev, even half).
      const unit =
        short && (pos[i - 1] === "NUM" || MAGNITUDES.has(values[i - 1] ?? "") || values[i - 1] === "/" || values[i + 1] === "/");
      const notName = notNameWord(value) && !dateWordInName(values, pos, spaces, flags, i);
      flag |= label || unit || notName ? TOKEN.capitalised : TOKEN.capitalised | TOKEN.nameCapital;
      // The abbreviations before a label's are the label's too: "SR MGR:" (entities-dev).
      for (let k = i - 1; label && abbreviation && k >= 0 && spaces[k + 1] === " " && (values[k] ?? "").length <= LABEL_ABBREVIATION && SHOUTED_WORD.test(values[k] ?? ""); k--) {
        flags[k] = (flags[k] ?? 0) & ~TOKEN.nameCapital;
      }
    }
    flags[i] = flag;
  }
  joinShoutedWords(values, flags);
  return { values, pos, spaces, flags };
}

/**
 * A common noun or adjective in capitals is a name word beside a name word in capitals: "NEW
 * YORK", "KANSAS CITY" in standings (entities-dev), though "FORECAST" or "CITY" alone is not.
 */
function joinShoutedWords(values: readonly string[], flags: number[]): void {
  const shoutedName = (k: number): boolean => ((flags[k] ?? 0) & TOKEN.nameCapital) !== 0 && SHOUTED.test(values[k] ?? "");
  for (let i = values.length - 1; i >= 0; i--) {
    const flag = flags[i] ?? 0;
    if ((flag & (TOKEN.capitalised | TOKEN.nameCapital)) !== TOKEN.capitalised) continue;
    const value = values[i] ?? "";
    if (value.length < 3 || !SHOUTED.test(value) || !SHOUTED_JOINERS.has(lexicalPos(value.toLowerCase()) ?? "")) continue;
    const joins = (shoutedName(i + 1) && ((flags[i + 1] ?? 0) & TOKEN.spaced) !== 0) || (shoutedName(i - 1) && (flag & TOKEN.spaced) !== 0);
    if (joins) flags[i] = flag | TOKEN.nameCapital;
  }
}

/**
 * Whether a date's word is part of a name here: a month that is also a name ("Theresa May", "Jan
 * Allan Mueller") beside a name word and no number ("May 5", "in May" are dates), or a day before a
 * newspaper's word ("The Sunday Telegraph"). See `NAMES_OF_DATES` and `DAY_PAPERS`.
 */
function dateWordInName(values: readonly string[], pos: readonly string[], spaces: readonly string[], flags: readonly number[], i: number): boolean {
  const value = values[i] ?? "";
  const next = values[i + 1] ?? "";
  if (DAY_PAPERS.has(next) && spaces[i + 1] === " ") return DATE_WORDS.has(value.toLowerCase());
  if (!NAMES_OF_DATES.has(value)) return false;
  const previous = values[i - 1] ?? "";
  const dated = (k: number): boolean => pos[k] === "NUM" || (values[k] === "," && pos[k + 1] === "NUM");
  if (dated(i - 1) || dated(i + 1) || startsLower(previous)) return false;
  // A noun of the word list may be a name ("Theresa" is one); a word of another kind opening a
  // sentence is none ("Between May and June").
  const nameWordAt = (word: string, opens: boolean): boolean =>
    startsCapital(word) && !DATE_WORDS.has(word.toLowerCase()) && !HAS_DIGIT.test(word) && !(opens && !NOUNS.has(lexicalPos(word.toLowerCase()) ?? "PROPN"));
  // After a name unless a noun or adjective follows ("Chicago Purchasing Managers August index",
  // "Germany June industrial output"), before one only where no word precedes ("The August
  // Chicago NAPM": entities-dev).
  const afterName =
    spaces[i] === " " && !ATTRIBUTIVE_HEADS.has(pos[i + 1] ?? "") && nameWordAt(previous, ((flags[i - 1] ?? 0) & TOKEN.opener) !== 0);
  return afterName || (spaces[i + 1] === " " && !HAS_LETTER.test(previous) && nameWordAt(next, true));
}

/** A hyphen inside a word ("Rolls-Royce"), glued on both sides: no dash, it opens nothing. */
function hyphen(values: readonly string[], spaces: readonly string[], i: number): boolean {
  return values[i] === "-" && spaces[i] === "" && spaces[i + 1] === "" && HAS_LETTER.test(values[i - 1] ?? "");
}

/**
 * A quotation mark glued to the word before it closes a quote or marks a possessive ("African
 * Nations' Cup", "Toronto Bond Traders' Association": entities-dev): it opens nothing.
 */
function closingQuote(values: readonly string[], spaces: readonly string[], i: number): boolean {
  return QUOTES.has(values[i] ?? "") && spaces[i] === "" && HAS_LETTER.test(values[i - 1] ?? "");
}

/**
 * Whether the bracket opening at `open` holds a name and nothing else, "(Czech Republic)",
 * "(U.S.)": its words are then read as mid-sentence words, whatever the first one is alone.
 */
function bracketedName(values: readonly string[], open: number): boolean {
  let k = open + 1;
  while (k < values.length && k <= open + BRACKETED_NAME_WORDS && startsCapital(values[k] ?? "")) k++;
  return k > open + 2 && values[k] === ")";
}

/**
 * A capitalised word that is never part of a name, wherever it stands: a date word ("Sept.",
 * "Monday"), a letter alone (the column heads "W D L PCT GB" of standings), a code with a digit
 * ("H1", "M3", "Q2", "C-4": results and money tables of entities-dev), a currency ("A$", "C$"),
 * a pronoun with its
 * verb ("I'm"), or a word in capitals that the word list knows as a common word ("FORECAST",
 * "DATE", "CAPS", "GMT": table heads and notes of entities-dev) unless it is an alias ("US").
 */
const notNameWord = memoised((word: string): boolean => {
  const bare = word.endsWith(".") ? word.slice(0, -1) : word;
  if (DATE_WORDS.has(bare.toLowerCase()) || PRONOUN_CONTRACTION.test(word) || HAS_DIGIT.test(word) || CURRENCY.test(word)) return true;
  // Acronyms in the plural are things, not names: "PCs", "DVDs", "MPs" (the 1,201-story archive).
  if (ACRONYM_PLURAL.test(word)) return true;
  if (bare.length === 1) return bare === word;
  // A capitalised word without a vowel is an abbreviation of a table: "Shr", "Chg", "Bldg" (entities-dev).
  if (bare.length >= 3 && NO_VOWEL.test(bare) && !ORG_SUFFIXES.has(bare)) return true;
  return SHOUTED.test(word) && commonWord(bare) && aliasFor(word) === undefined;
});

/**
 * What the story says about its words, read in one pass over its texts. Confirmed: capitalised
 * words seen where capitals are evidence, not at the start of a sentence or quote. Lower: words
 * written in lower case somewhere ("people", "police", "daily"), except parts of addresses, which
 * the tagger splits at dots ("www.clymer.co.uk", "pic.twitter.com/...").
 */
function evidenceOf(texts: readonly Tokens[]): Evidence {
  const confirmed = new Set<string>();
  const lower = new Set<string>();
  for (const { values, spaces, flags } of texts) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? "";
      if (startsLower(value)) {
        const afterDot = spaces[i] === "" && ADDRESS_MARKS.has(values[i - 1] ?? "");
        const beforeDot =
          values[i + 1] === "." && spaces[i + 1] === "" && spaces[i + 2] === "" && STARTS_LETTER.test(values[i + 2] ?? "");
        if (!afterDot && !beforeDot) lower.add(value);
      } else if (((flags[i] ?? 0) & (TOKEN.opener | TOKEN.capitalised)) === TOKEN.capitalised) {
        confirmed.add(stripPossessive(value));
      }
    }
  }
  return { confirmed, lower };
}

/** Runs of capitalised words, split at titles and cleaned of generic heads; see `nameWord`. */
function chunk(tokens: Tokens, { confirmed, lower }: Evidence, orderBase: number): Mention[] {
  const { values, pos, spaces, flags } = tokens;
  const spaced = (i: number): boolean => ((flags[i] ?? 0) & TOKEN.spaced) !== 0;
  const glued = (i: number): boolean => (spaces[i] ?? " ") === "";
  const capitalised = (i: number): boolean => ((flags[i] ?? 0) & TOKEN.nameCapital) !== 0;
  const opener = (i: number): boolean => ((flags[i] ?? 0) & TOKEN.opener) !== 0;
  /** Whether an opener is a name word, by position, once asked. */
  const isNameWord = new Map<number, boolean>();
  const nameWord = (i: number): boolean => {
    if (!capitalised(i)) return false;
    if (!opener(i)) return true;
    const known = isNameWord.get(i);
    if (known !== undefined) return known;
    // A hyphenated word is judged whole: "Rolls-Royce" is no common word, though "Rolls" is.
    const word = stripPossessive(values[i + 1] === "-" && glued(i + 1) && glued(i + 2) ? `${values[i] ?? ""}-${values[i + 2] ?? ""}` : (values[i] ?? ""));
    // An opener is a name if the story capitalises it elsewhere, or if it is no common English
    // word: "Romania beat Lithuania", "(Sweden)", "LONDON (Reuters) -", but not "Second" or
    // "Former" (see `nameAfterOpener` for common words the story also writes in lower case).
    // A word in capitals that is still a name word here is no common one, or joins one ("NEW YORK").
    const name =
      confirmed.has(word) ||
      aliasFor(word) !== undefined ||
      !commonWord(word) ||
      SHOUTED.test(word) ||
      NAMES_OF_DATES.has(word) ||
      (PLACE_NAME_STARTS.has(word) && spaced(i + 1) && nameWord(i + 1) && !ACRONYM.test(values[i + 1] ?? "")) ||
      companyHead(i, word);
    isNameWord.set(i, name);
    return name;
  };
  // "People’s Daily": a possessive inside a name, when the possessor names no one on its own.
  const possessiveInName = (i: number): boolean =>
    POSSESSIVE_MARK.test(values[i + 1] ?? "") &&
    glued(i + 1) &&
    POSSESSIVE_NAME_HEADS.has((values[i] ?? "").toLowerCase()) &&
    spaced(i + 2) &&
    nameWord(i + 2);
  // "Rolls-Royce", "al-Muhandis"; "Chen Chun-yeh", "Ata-ur-Rehman": a lower-case part the word
  // list does not know, as in Asian names (entities-dev), but not "Iran-backed" or "Boston-based".
  const hyphenatedName = (i: number): boolean => {
    if (values[i + 1] !== "-" || !glued(i + 1) || !glued(i + 2)) return false;
    const part = values[i + 2] ?? "";
    return startsCapital(part) || (startsLower(part) && !HAS_DIGIT.test(part) && lexicalPos(part) === undefined);
  };
  // A second particle before the surname: "Joost van der Westhuizen" (entities-dev).
  const particleBeforeName = (k: number): boolean =>
    NAME_PARTICLES.has(values[k] ?? "") && !HEAD_PARTICLES.has(values[k] ?? "") && spaced(k + 1) && nameWord(k + 1);
  const particlePrefixed = (i: number): boolean =>
    values[i - 1] === "-" && glued(i) && glued(i - 1) && NAME_PARTICLES.has((values[i - 2] ?? "").toLowerCase()) && !glued(i - 2);
  // "Boston-based", "Iran-backed", "France-registered": an adjective made of a name (entities-dev
  // annotates them apart from the place); it only adds to the place when the story names it.
  const compound = (j: number): boolean =>
    values[j] === "-" && glued(j) && glued(j + 1) && startsLower(values[j + 1] ?? "") && !hyphenatedName(j - 1);

  /**
   * A common word, no adjective or number and never written in lower case, opening a company's or
   * body's name: "Jeans Mate Corp is" (entities-dev), "Apple Computer Inc said"; not "Former
   * Worldcom Inc", "Five Bank of America" (topics-dev).
   */
  const companyHead = (i: number, word: string): boolean =>
    !NOT_HEADS.has(lexicalPos(word.toLowerCase()) ?? "") && !lower.has(word.toLowerCase()) && spaced(i + 1) && endsInInstitution(i, true);
  /**
   * Whether the run of name words from `k` on ends with an institution's word ("Options Exchange"),
   * or for a `company`, a company's suffix ("Mate Corp").
   */
  const endsInInstitution = (k: number, company = false): boolean => {
    let end = k;
    while (end + 1 < values.length && spaced(end + 1) && nameWord(end + 1)) end++;
    // For a company the name ends there: "Bank of America" goes on after "Bank".
    if (company && (NAME_PARTICLES.has(values[end + 1] ?? "") || BODY_PARTICLES.has(values[end + 1] ?? ""))) return false;
    return end > k && (INSTITUTION_WORDS.has(values[end] ?? "") || (company && ORG_SUFFIXES.has(values[end] ?? "")));
  };
  const lineStart = (k: number): boolean => k === 0 || pos[k - 1] === "SPACE" || (spaces[k] ?? "").includes("\n");
  /**
   * A line of capitalised common words and nothing else is a table's column heads: "Year Amount
   * Coupon Yield Price Conc." (entities-dev, odd half); its last word may be abbreviated.
   */
  const columnHeads = (i: number, j: number, words: readonly string[]): boolean => {
    let start = i;
    while (!lineStart(start) && startsCapital(values[start - 1] ?? "")) start--;
    const end = values[j] === "." ? j + 1 : j;
    const lineEnd = end >= values.length || pos[end] === "SPACE" || (spaces[end] ?? "").includes("\n");
    if (words.length < 2 || !lineStart(start) || !lineEnd) return false;
    return words.every((word, k) => commonWord(word) || (k === words.length - 1 && end > j));
  };
  /**
   * A name with a year is an event: "Euro 96 absentee", "in the Trofej Beograd 96 international
   * basketball tournament", "Results in the Trofej Beograd 96" (entities-dev); not a score ("Surrey
   * 96 for 3", "BALTIMORE 71 63") or a measure ("Moengo 56 miles east of Paramaribo").
   */
  const namedForYear = (i: number, j: number): boolean => {
    if (!YEAR.test(values[j] ?? "") || !spaced(j)) return false;
    const after = j + 1;
    const lineEnd = after >= values.length || pos[after] === "SPACE" || (spaces[after] ?? "").includes("\n");
    const word = values[after] ?? "";
    const follows = spaced(after) && startsLower(word) && ATTRIBUTIVE_HEADS.has(pos[after] ?? "") && !MEASURES.has(word);
    return follows || (lineEnd && values[i - 1] === "the");
  };
  const mentions: Mention[] = [];
  let i = 0;
  const dateline = orderBase === 0 ? datelineOf(tokens) : undefined;
  if (dateline !== undefined) {
    const words = values.slice(dateline.start, dateline.end).filter((value) => value !== "-");
    mentions.push({ written: unshout(words, true).join(" "), order: dateline.start, attributive: false, atOpener: false, kind: "place" });
    i = dateline.next;
  }
  while (i < values.length) {
    if (!nameWord(i) || (orderBase === 0 && i < CREDIT_REACH && isCredit(values, i))) {
      i++;
      continue;
    }
    const words: string[] = [];
    let j = i;
    while (j < values.length) {
      const value = values[j] ?? "";
      const particle =
        (NAME_PARTICLES.has(value) &&
          (!HEAD_PARTICLES.has(value) || isHead(words[words.length - 1] ?? "")) &&
          (hyphenatedName(j) || (spaced(j + 1) && (nameWord(j + 1) || particleBeforeName(j + 1))))) ||
        // "Douglas & Lomason"; "and" and "in" only inside the long name of a body ("Organisation
        // for Security and Cooperation in Europe"), never between two names ("Essex and Kent").
        // Nor between two names that start alike: "the Sunday Times and Sunday Telegraph" (topics-dev).
        ((value === "&" ||
          (BODY_PARTICLES.has(value) &&
            values[j + 1] !== words[0] &&
            (words.some((word) => HEAD_PARTICLES.has(word)) || endsInInstitution(j + 1)))) &&
          spaced(j + 1) &&
          nameWord(j + 1));
      if (j > i && !(spaced(j) && (nameWord(j) || particle))) break;
      // Hyphenated parts join the word when they are names too ("Rolls-Royce", "al-Muhandis"), and
      // so does a particle before the first one ("al-Aqsa", "el-Sheikh", "Al-Akhbar": entities-dev).
      let word = j === i && particlePrefixed(i) ? `${values[i - 2] ?? ""}-${value}` : value;
      while (hyphenatedName(j)) {
        word += `-${values[j + 2] ?? ""}`;
        j += 2;
      }
      if (possessiveInName(j)) {
        words.push(word + (values[j + 1] ?? ""));
        j += 2;
        continue;
      }
      j++;
      words.push(stripPossessive(word));
      // A possessive ends the name: "Blair's Labour" is two names.
      if (words[words.length - 1] !== word) break;
    }
    if (compound(j)) {
      mentions.push({ written: words.join(" "), order: orderBase + i, attributive: false, atOpener: false, compound: true });
      i = j;
      continue;
    }
    if (columnHeads(i, j, words)) {
      i = j;
      continue;
    }
    if (namedForYear(i, j)) {
      i = j + 1;
      continue;
    }
    // A quotation of capitalised words (and numbers) and nothing else is a work's title, "The
    // Collapse", "Bertillon 166" (novels named in entities-dev), no tag unless named unquoted too.
    let close = j;
    while (pos[close] === "NUM") close++;
    if (CLOSING_PUNCTUATION.has(values[close] ?? "")) close++;
    let open = i - 1;
    // Words a title opens with that are no name words alone: "Sleeping Bread".
    while (open >= 0 && open > i - BRACKETED_NAME_WORDS && startsCapital(values[open] ?? "")) open--;
    const quoted = QUOTES.has(values[open] ?? "") && QUOTES.has(values[close] ?? "");
    const attributive =
      words.length === 1 && spaced(j) && startsLower(values[j] ?? "") && ATTRIBUTIVE_HEADS.has(pos[j] ?? "");
    const before = values[i - 1] ?? "";
    const place = PLACE_PREPOSITIONS.has(before) && spaced(i) ? "place" : undefined;
    const parts = splitAtTitles(unshout(words, false));
    parts.forEach(({ written, afterTitle }, k) =>
      mentions.push({
        written,
        order: orderBase + i,
        attributive,
        atOpener: k === 0 && opener(i),
        ...(quoted ? { quoted } : {}),
        ...(afterTitle ? { kind: "person" as const } : k === 0 && place !== undefined ? { kind: place } : {}),
      }),
    );
    const last = parts[parts.length - 1]?.written;
    if (values[j] === "(" && INITIALS.test(values[j + 1] ?? "") && values[j + 2] === ")" && last !== undefined) {
      const acronym = values[j + 1] ?? "";
      mentions.push({ written: acronym, order: orderBase + j + 1, expands: last, attributive: false, atOpener: false });
      j += 3;
    }
    i = j;
  }
  return mentions;
}

/**
 * Whether a name may go on with "of" or "for" after this word: "Bank of England", "Federal Republic
 * of Yugoslavia" (a common word in lower case, though "Republic" is also a name), not "Keith
 * O'Neill of Norwich City".
 */
function isHead(word: string): boolean {
  const pos = lexicalPos(word.toLowerCase());
  return INSTITUTION_WORDS.has(word) || (pos !== undefined && pos !== "PROPN");
}

/**
 * The dateline that opens a wire story, "LONDON (Reuters) -", "N'DJAMENA (Reuters) -", "SAN
 * FRANCISCO -": a place in capitals at the start of the body, then an agency's credit in brackets
 * (the outlet, never a tag) or a dash. Positions of the place's words and of the first token after.
 */
function datelineOf({ values, pos, spaces }: Tokens): { start: number; end: number; next: number } | undefined {
  let start = 0;
  while (pos[start] === "SPACE") start++;
  let end = start;
  const hyphen = (k: number): boolean => values[k] === "-" && spaces[k] === "" && spaces[k + 1] === "";
  while (end < values.length && (SHOUTED_WORD.test(values[end] ?? "") || (end > start && hyphen(end)))) end++;
  if (end === start) return undefined;
  // "MILWAUKEE, Wisconsin (Reuters) -": the region after the comma is read as any other name.
  if (values[end] === ",") return { start, end, next: end };
  let next = end;
  if (isCredit(values, next + 1)) next += 3;
  return DATELINE_DASHES.has(values[next] ?? "") ? { start, end, next: next + 1 } : undefined;
}

/** An agency's credit in a dateline, "(Reuters) -", "(AP) -": the outlet, never a tag. */
function isCredit(values: readonly string[], i: number): boolean {
  return values[i - 1] === "(" && values[i + 1] === ")" && DATELINE_DASHES.has(values[i + 2] ?? "");
}

function stripPossessive(word: string): string {
  // Asked of every capitalised word: two string tests, no regular expression.
  return word.endsWith("'s") || word.endsWith("’s") ? word.slice(0, -2) : word;
}

/**
 * Shouted headlines and tables in capitals ("SWITZERLAND", "warns SURRENDER is the only option",
 * "BALTIMORE 71 63") in the case the story writes names: several capital words with one of four
 * letters or more, one word of seven letters or more, or one the word list knows as a proper noun
 * ("TEXAS"). Shorter ones are acronyms. A dateline (`always`) is a place, whatever its length.
 */
function unshout(words: readonly string[], always: boolean): string[] {
  const shouted = words.every((word) => SHOUTED_WORD.test(word));
  const long =
    always ||
    words.some((word) => word.length >= (words.length > 1 ? 4 : 7)) ||
    (words.length === 1 && (words[0] ?? "").length >= 5 && lexicalPos((words[0] ?? "").toLowerCase()) === "PROPN");
  if (!shouted || !long) return [...words];
  return words.map((word) => word.charAt(0) + word.slice(1).toLowerCase());
}

/**
 * Cuts titles out of a run of capitalised words; a title counts only when a name follows it. The
 * names left, as written (see `cleanName`), each marked if a title stood right before it.
 */
function splitAtTitles(words: readonly string[], afterTitle = false): Array<{ written: string; afterTitle: boolean }> {
  for (let start = 0; start < words.length; start++) {
    // Only titles that start with this word can match here; they keep their longest-first order.
    for (const title of TITLES_BY_FIRST_WORD.get(words[start] ?? "") ?? []) {
      const end = start + title.length;
      if (end >= words.length || !title.every((word, k) => word === words[start + k])) continue;
      // Common words right before a title describe the title: "Hong Kong Financial Secretary", "U.S. Assistant Secretary of State".
      let head = start;
      while (head > 0 && commonWord(words[head - 1] ?? "") && aliasFor(words[head - 1] ?? "") === undefined) head--;
      const before = cleanName(words.slice(0, head)).map((written, k) => ({ written, afterTitle: afterTitle && k === 0 }));
      return [...before, ...splitAtTitles(words.slice(end), true)];
    }
  }
  // An abbreviated title may end a run, the name before it: "Former South Carolina Gov." (entities-dev).
  const last = words[words.length - 1] ?? "";
  const kept = words.length > 1 && last.endsWith(".") && TITLE_NAMES.has(last) ? words.slice(0, -1) : words;
  return cleanName(kept).map((written, k) => ({ written, afterTitle: afterTitle && k === 0 }));
}

/**
 * The names in a run of words, as written (its words joined by spaces). Trims particles off the
 * ends, and reads "Government of Iraq" as Iraq (a generic head before "of" names nothing itself)
 * while "Bank of England" stays whole. Aliases are kept as written; junk, made only of generic
 * words ("News", "The Government") that the alias table does not know, is dropped.
 */
function cleanName(words: readonly string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && NAME_PARTICLES.has(words[start] ?? "")) start++;
  while (end > start && NAME_PARTICLES.has(words[end - 1] ?? "")) end--;
  const name = words.slice(start, end);
  if (name.length === 0) return [];
  // A one-word name stays the tagger's own string, the same one in every story, so the memos of
  // `memoised` find it at once; a join would copy it (and hash the copy) every time.
  const written = name.length === 1 ? (name[0] ?? "") : name.join(" ");
  if (aliasFor(written) !== undefined) return [written];
  // "US Department of State": a known name after a known name is two names. (A one-word name
  // is its head, which the test above has just asked about.)
  const [head, ...rest] = name;
  if (head !== undefined && rest.length > 0 && aliasFor(head) !== undefined) {
    const tail = rest.join(" ");
    if (aliasFor(tail) !== undefined) return [head, tail];
  }
  // Not when the head is an institution's word: "Party of Democratic Action", "Department of
  // Defense" (entities-dev) are bodies, not "Democratic Action" and "Defense".
  const of = name.indexOf("of");
  if (of > 0 && name.slice(0, of).every((word) => NOT_NAMES.has(word.toLowerCase()) && !INSTITUTION_WORDS.has(word))) {
    return cleanName(name.slice(of + 1));
  }
  // Junk, dropped here rather than by the caller: the alias table, asked above, knows none of it.
  // Several short words in capitals are a table's column heads ("PCT GB", "NYC SP"), not a name.
  if (name.length > 1 && name.every((word) => word.length <= 3 && SHOUTED.test(word))) return [];
  // A Roman numeral names nothing alone: "Group II", the "XI" of "Duke of Norfolk's XI" (entities-dev), though "Charles VI" is a king.
  return name.every((word) => NOT_NAMES.has(word.toLowerCase()) || NAME_PARTICLES.has(word) || !HAS_LETTER.test(word) || ROMAN_NUMERAL.test(word))
    ? []
    : [written];
}

/**
 * Groups mentions into entities: aliases and bracketed acronyms, spellings that differ only in
 * spacing ("TimeWarner"), short forms onto full names ("Pompeo", initials), demonyms onto places.
 */
function resolve(found: readonly Mention[], lower: ReadonlySet<string>): Entity[] {
  const mentions = splitPersonFromHead(found, lower);
  const acronyms = new Map<string, string>();
  for (const mention of mentions) if (mention.expands !== undefined) acronyms.set(mention.written, mention.expands);

  const byKey = new Map<string, { entity: Entity; spellings: Map<string, number> }>();
  const demonymMentions: Mention[] = [];
  const compounds: Mention[] = [];
  for (const mention of mentions) {
    if (mention.compound) {
      compounds.push(mention);
      continue;
    }
    if (demonymOf(mention.written) !== undefined) {
      demonymMentions.push(mention);
      continue;
    }
    const expanded = acronyms.get(mention.written);
    const { name, key } = entityName(expanded ?? mention.written);
    let group = byKey.get(key);
    if (group === undefined) {
      group = { entity: newEntity(name, mention.order), spellings: new Map() };
      byKey.set(key, group);
    }
    addMention(group.entity, mention);
    if (expanded === undefined) {
      group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
    } else {
      group.entity.acronym = entityName(mention.written).name;
      group.entity.acronymMentions++;
    }
  }
  // The most used spelling names the entity; the earliest wins a tie (maps keep insertion order).
  const entities = [...byKey.values()].map(({ entity, spellings }) => {
    let best = entity.name;
    for (const [spelling, count] of spellings) if (count > (spellings.get(best) ?? 0)) best = spelling;
    entity.name = best;
    return entity;
  });
  entities.sort((a, b) => a.first - b.first);

  const byCompactKey = new Map(entities.map((entity) => [compactKey(entity.name), entity] as const));
  const nameAfterOpener = (entity: Entity): Entity | undefined => nameAfterCommonWord(entity, byCompactKey, lower);
  const byName = new Map(entities.map((entity) => [entity.name, entity] as const));
  const plural = (entity: Entity): Entity | undefined => otherNumber(entity, byName);
  const merged = [nameAfterOpener, plural, companyStem, longerForm, fullNameForFirstName].reduce(mergeShortForms, entities);
  for (const mention of demonymMentions) {
    const country = demonymOf(mention.written);
    const target = merged.find((entity) => entity.name === country);
    if (target !== undefined) target.demonyms++;
  }
  for (const mention of compounds) {
    const key = entityName(mention.written).key;
    const target = merged.find((entity) => compactKey(entity.name) === key);
    if (target !== undefined) target.demonyms++;
  }
  // A regular demonym of a place in the story ("Romanian" of "Romania") counts for the place.
  const kept: Entity[] = [];
  for (const entity of merged) {
    const place = placeForDemonym(entity.name, merged);
    const target = place === undefined ? undefined : merged.find((other) => other.name === place);
    if (target === undefined) kept.push(entity);
    else target.demonyms += entity.mentions;
  }
  // An acronym spelt out once in brackets names the entity when the story uses it more than all
  // its other forms together: the story that then says "LIFFE" four times is tagged LIFFE
  // ("National Bank of Romania (BNR)", "Bank Rozwoju Exportu SA (BRE)": entities-dev, whose
  // annotators keep the two forms apart too). Named after the merges, which compare full names.
  for (const entity of kept) {
    if (entity.acronym !== undefined && 2 * entity.acronymMentions > entity.mentions) entity.name = entity.acronym;
  }
  return kept;
}

/**
 * Splits a person off a place, body or adjective glued before the name when the story also uses
 * the surname alone: "Australian Timothy Weeks", "European Union Gordon Sondland", "ambassador to
 * Ukraine Marie Yovanovitch" (page-text-dev) are a demonym or a name, then a person.
 */
function splitPersonFromHead(mentions: readonly Mention[], lower: ReadonlySet<string>): Mention[] {
  /** How often each name is written; made when first needed, as many stories have no name to split. */
  let written: ReadonlyMap<string, number> | undefined;
  let places: ReadonlySet<string> | undefined;
  const out: Mention[] = [];
  for (const mention of mentions) {
    // Most names have one word, told without splitting.
    const words = mention.written.includes(" ") ? mention.written.split(" ") : [];
    const cut = words.length > 1 ? headLength(words, (written ??= countWritten(mentions)), (places ??= placeNames(mentions)), lower) : 0;
    if (cut === 0) {
      out.push(mention);
      continue;
    }
    out.push({ ...mention, written: words.slice(0, cut).join(" ") });
    out.push({ ...mention, written: words.slice(cut).join(" "), order: mention.order + cut, atOpener: false });
  }
  return out;
}

/** Names written where the words around them say they are places ("in Chechnya"). */
function placeNames(mentions: readonly Mention[]): Set<string> {
  return new Set(mentions.filter((mention) => mention.kind === "place").map((mention) => mention.written));
}

function countWritten(mentions: readonly Mention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { written } of mentions) counts.set(written, (counts.get(written) ?? 0) + 1);
  return counts;
}

/**
 * How many words at the start are a name of their own, 0 if none:
 * - a demonym ("Kenyan Susan Chepkemei"), or a name met on its own when the surname is too,
 *   before two or three words that can be a person's name: capitalised, never written in lower
 *   case, none generic (not "University of Kabul", not "Film Festival");
 * - an adjective of place before a name of two words, an acronym or a name the story uses alone
 *   ("Jewish West Bank", "Arab East Jerusalem", "Palestinian U.N.": entities-dev);
 * - a name written alone before another written alone, in a run written only once, one of them of
 *   several words, an acronym or a place ("OSCE Chechnya mission", "Lebed Chechnya": entities-dev;
 *   "Kristi Noem South Dakota" on a 1,201-story archive).
 */
function headLength(
  words: readonly string[],
  written: ReadonlyMap<string, number>,
  places: ReadonlySet<string>,
  lower: ReadonlySet<string>,
): number {
  const surname = words[words.length - 1] ?? "";
  // An event named after a place with one word is one name: "U.S. Open", though the story says
  // "Open" alone; "U.S. Labor Day" is the place and an event (entities-dev).
  if (words.length === 2 && EVENT_WORDS.has(surname)) return 0;
  const alone = (name: string): boolean => written.has(name) || aliasFor(name) !== undefined;
  if (!INSTITUTION_WORDS.has(surname)) {
    for (let cut = words.length - 2; cut >= Math.max(1, words.length - 3); cut--) {
      const head = words.slice(0, cut).join(" ");
      const person = words
        .slice(cut)
        .every((word) => STARTS_CAPITAL.test(word) && !NOT_NAMES.has(word.toLowerCase()) && !lower.has(word.toLowerCase()));
      if (!person) continue;
      if (demonymOf(head) !== undefined) return cut;
      if (written.has(surname) && alone(head)) return cut;
    }
  }
  const first = words[0] ?? "";
  const rest = words.slice(1).join(" ");
  // Not "African National Congress", "British Airways Ltd", "Patriotic Union of Kurdistan"
  // (entities-dev): a body named after its people, or an institution's word before "of".
  const body =
    INSTITUTION_WORDS.has(surname) ||
    ORG_SUFFIXES.has(surname) ||
    words.some((word, k) => INSTITUTION_WORDS.has(word) && HEAD_PARTICLES.has(words[k + 1] ?? ""));
  const adjective = demonymOf(first) !== undefined || lexicalPos(first) === "ADJ";
  if (adjective && !body && (words.length > 2 || ACRONYM.test(rest) || (alone(rest) && !isHead(rest)))) return 1;
  if ((written.get(words.join(" ")) ?? 0) > 1) return 0;
  for (let cut = 1; cut < words.length; cut++) {
    if (NAME_PARTICLES.has(words[cut] ?? "") || NAME_PARTICLES.has(words[cut - 1] ?? "")) continue;
    const [left, right] = [words.slice(0, cut).join(" "), words.slice(cut).join(" ")];
    // Two single words used alone may be one person's first name and surname ("Lleyton Hewitt"),
    // unless one of them is a place ("Lebed Chechnya" with "in Chechnya": entities-dev).
    const named = (part: string): boolean => part.includes(" ") || ACRONYM.test(part) || aliasFor(part) !== undefined || places.has(part);
    if (alone(left) && alone(right) && (named(left) || named(right))) return cut;
  }
  return 0;
}

function newEntity(name: string, first: number): Entity {
  return {
    name,
    mentions: 0,
    demonyms: 0,
    first,
    inHeadline: false,
    forms: new Set(),
    attributive: true,
    surnamed: false,
    atOpener: true,
    quoted: true,
    acronymMentions: 0,
    firstInBody: Number.POSITIVE_INFINITY,
    kinds: { person: 0, place: 0, organisation: 0 },
  };
}

function addMention(entity: Entity, mention: Mention): void {
  const inHeadline = mention.order < 0;
  entity.mentions += inHeadline ? 0 : 1;
  entity.inHeadline ||= inHeadline;
  entity.first = Math.min(entity.first, mention.order);
  if (!inHeadline) entity.firstInBody = Math.min(entity.firstInBody, mention.order);
  entity.forms.add(mention.written);
  entity.attributive &&= mention.attributive;
  entity.atOpener &&= mention.atOpener;
  entity.quoted &&= mention.quoted === true;
  if (mention.kind !== undefined) entity.kinds[mention.kind]++;
}

/**
 * Not a tag on its own, though the story capitalises it: a word it also writes in lower case
 * ("People", "Police", "Budget"), a bare title ("Judge", "Prime Minister"), an adjective ("Serbian",
 * "Chechen", "Islamic": the word list's adjectives, and words with an adjective's ending the story
 * only ever puts before a noun: "Communist party", "Hispanic voters"; see `ADJECTIVE_ENDINGS`), or
 * an event ("UEFA Cup"; see `EVENT_WORDS`). Acronyms and aliases are always tags ("WHO", "US").
 */
function isTag(entity: Entity, lower: ReadonlySet<string>): boolean {
  const name = entity.name;
  if (TITLE_NAMES.has(name)) return false;
  if (ALIAS_NAMES.has(name)) return true;
  if (isEvent(name) || entity.quoted) return false;
  const last = name.slice(name.lastIndexOf(" ") + 1);
  // A people named with their adjectives: "Rwandan Hutu", "Bosnian Serb", "U.S. Roman Catholic".
  if (last !== name && demonymOf(last) !== undefined) return false;
  if (name.includes(" ") || ACRONYM.test(name)) return true;
  // Places joined by a hyphen make an adjective: "German-US car firm" (topics-dev), "Franco-German".
  if (name.includes("-") && name.split("-").every((part) => demonymOf(part) !== undefined || aliasFor(part) !== undefined)) return false;
  // A place's head word alone names nothing: "Stadium" (entities-dev), "Park". ("Congress",
  // "Parliament" and "Commission" alone do name a body, and so does "the Gulf": see `NAMED_HEADS`.)
  if ((PLACE_HEADS.has(name) && !NAMED_HEADS.has(name)) || ORG_SUFFIXES.has(name)) return false;
  if (lower.has(name.toLowerCase())) return false;
  // An adjective: the word list's, with an adjective's ending or only ever before a noun ("Islamic",
  // "Chechen rebels": entities-dev), or any word with that ending only ever before a noun
  // ("Hispanic voters": page-text-dev); not the town in "a Liege police official, in Liege".
  const ending = ADJECTIVE_ENDINGS.some((end) => name.endsWith(end));
  const listed = lexicalPos(name.toLowerCase()) === "ADJ";
  if ((listed || ending) && (entity.attributive || (listed && ending))) return false;
  // A common word named once, with nothing else to show it is a name, is a heading or a label
  // ("Income", "Stock", "Half", "Kids" in tables and notes of entities-dev).
  return !(entity.mentions <= 1 && !entity.inHeadline && commonWord(name) && typeOf(entity) === undefined);
}

/**
 * An event: its last word is an event's ("UEFA Cup", "Gulf War"), or a word before "of" or "for" is
 * ("World Series of Golf", "Festival of Britain", "Solidarity Meeting for Sarajevo": entities-dev),
 * unless an institution's word ends it ("Festival Hall").
 */
function isEvent(name: string): boolean {
  const words = name.split(" ");
  const last = words[words.length - 1] ?? "";
  if (EVENT_WORDS.has(last)) return true;
  if (INSTITUTION_WORDS.has(last) || PLACE_HEADS.has(last)) return false;
  return words.some((word, k) => EVENT_WORDS.has(word) && HEAD_PARTICLES.has(words[k + 1] ?? ""));
}

/**
 * What a tag names, when something says so; undefined when nothing does. The alias table first,
 * then the name's last word (an institution's, a place's or a company suffix), then a surname used
 * alone (a person), then a country's name, then the story's words around it (a title before it, a dateline, "in" or "at"),
 * then a demonym the story uses for it (a country). An acronym left is an organisation.
 */
function typeOf(entity: Entity): TagType | undefined {
  const name = entity.name;
  const alias = ALIAS_TYPES.get(name);
  if (alias !== undefined) return alias;
  const last = name.slice(name.lastIndexOf(" ") + 1);
  if (PLACE_HEADS.has(last)) return "place";
  if (INSTITUTION_WORDS.has(last) || ORG_SUFFIXES.has(last)) return "organisation";
  if (entity.surnamed) return "person";
  if (COUNTRY_NAMES.has(name)) return "place";
  const { person, place, organisation } = entity.kinds;
  if (person > place && person > organisation) return "person";
  if (place > person && place > organisation) return "place";
  if (entity.demonyms > 0) return "place";
  if (ACRONYM.test(name)) return "organisation";
  return personShaped(name) && place === 0 ? "person" : undefined;
}

/**
 * Two to four words of a name, none of them a common word, a compass point or an adjective of
 * place: "Qassem Soleimani", "Phil Simmons", not "New Haven", "South Africa", "Kansas City", nor a
 * firm's pair of names ("Plan & Grow", "Douglas & Lomason").
 */
function personShaped(name: string): boolean {
  const words = name.split(" ");
  if (words.length < 2 || words.length > 4) return false;
  const first = words[0] ?? "";
  const last = words[words.length - 1] ?? "";
  // Inner words may be particles of a person's name: "Abu Mahdi al-Muhandis", "Joost van der Westhuizen".
  return (
    STARTS_CAPITAL.test(first) &&
    STARTS_CAPITAL.test(last.slice(last.lastIndexOf("-") + 1)) &&
    !COMPASS_WORDS.has(first) &&
    demonymOf(first) === undefined &&
    words.every((word) => !commonWord(word) && !ACRONYM.test(word) && word !== "&")
  );
}

/**
 * Folds each short form into the full name `fullForm` finds for it in the story. A one-word form
 * folded onto the last word of a longer name marks that name as a person's with a surname, unless
 * the word ends institutions ("the Festival" for "Berlin Film Festival").
 */
function mergeShortForms(
  entities: readonly Entity[],
  fullForm: (short: Entity, entities: readonly Entity[]) => Entity | undefined,
): Entity[] {
  const target = new Map<Entity, Entity>();
  for (const short of entities) {
    if (ALIAS_NAMES.has(short.name)) continue;
    const full = fullForm(short, entities);
    if (full !== undefined) target.set(short, full);
  }
  const kept: Entity[] = [];
  for (const entity of entities) {
    let full = target.get(entity);
    if (full === undefined) {
      kept.push(entity);
      continue;
    }
    while (target.has(full)) full = target.get(full) as Entity;
    full.surnamed ||= !entity.name.includes(" ") && !INSTITUTION_WORDS.has(entity.name) && full.name.endsWith(` ${entity.name}`);
    full.attributive &&= entity.attributive;
    full.atOpener &&= entity.atOpener;
    full.firstInBody = Math.min(full.firstInBody, entity.firstInBody);
    for (const kind of TAG_TYPES) full.kinds[kind] += entity.kinds[kind];
    full.mentions += entity.mentions;
    full.acronym ??= entity.acronym;
    full.acronymMentions += entity.acronymMentions;
    full.inHeadline ||= entity.inHeadline;
    full.first = Math.min(full.first, entity.first);
    for (const form of entity.forms) full.forms.add(form);
  }
  return kept;
}

/**
 * A name only ever met at the start of a sentence, after a word the story also writes in lower
 * case, is the name without it: "Major WeWork layoffs", "One Home Depot analyst", "Former
 * Worldcom boss" (page-text-dev, topics-dev). "New York" stays unless the story names "York".
 */
function nameAfterCommonWord(
  entity: Entity,
  byCompactKey: ReadonlyMap<string, Entity>,
  lower: ReadonlySet<string>,
): Entity | undefined {
  const space = entity.name.indexOf(" ");
  if (!entity.atOpener || space < 0 || !lower.has(entity.name.slice(0, space).toLowerCase())) return undefined;
  return byCompactKey.get(compactKey(entity.name.slice(space + 1)));
}

/**
 * The singular or plural of a one-word name that the story also uses, if that form is mentioned
 * more (the plural wins a tie): "Oscar" and "Oscars", "Conservative" and "Conservatives" were two
 * tags each on a 1,201-story archive.
 */
function otherNumber(entity: Entity, byName: ReadonlyMap<string, Entity>): Entity | undefined {
  const name = entity.name;
  if (name.includes(" ")) return undefined;
  const other = byName.get(name.endsWith("s") ? name.slice(0, -1) : `${name}s`);
  if (other === undefined) return undefined;
  return other.mentions > entity.mentions || (other.mentions === entity.mentions && other.name.endsWith("s")) ? other : undefined;
}

/** A company's name with a suffix is the company: "SoftBank Group Corp" and "Boeing Co." fold into "SoftBank", "Boeing". */
function companyStem(full: Entity, entities: readonly Entity[]): Entity | undefined {
  // Asked of every entity: most names end in no suffix, seen without splitting them.
  if (!ORG_SUFFIXES.has(full.name.slice(full.name.lastIndexOf(" ") + 1))) return undefined;
  const words = full.name.split(" ");
  let end = words.length;
  while (end > 1 && ORG_SUFFIXES.has(words[end - 1] ?? "")) end--;
  const stem = words.slice(0, end);
  for (; stem.length < words.length; stem.push(words[stem.length] ?? "")) {
    const name = stem.join(" ");
    const found = entities.find((entity) => entity !== full && entity.name === name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The full name a short form stands for in this story: a surname ("Pompeo" for "Mike Pompeo"), a
 * run of two or more words at the end of a longer name, or initials ("IPPR"). A run at the start
 * stands for the longer name only when the body names it after the longer name ("China Aviation"
 * in a headline is "China Aviation Oil"), but "Hong Kong" named before "Hong Kong Polytechnic
 * University" is the place. The most mentioned full name wins, then the earliest.
 * Names built with "of" are places or bodies, and with "for" places, bodies or events: no surnames
 * ("Solidarity Meeting for Sarajevo" is no person called Sarajevo: entities-dev).
 */
function longerForm(short: Entity, entities: readonly Entity[]): Entity | undefined {
  // Asked of every pair of entities, so the runs are compared as text, not split into words: a
  // longer name ends with the short one's words exactly when it ends with a space and the short one.
  const asLastWords = ` ${short.name}`;
  const asFirstWords = short.name.includes(" ") ? `${short.name} ` : undefined;
  const initials = INITIALS.test(short.name) ? short.name : undefined;
  return mostMentioned(entities, (candidate) => {
    if (candidate === short) return false;
    const longer = candidate.name;
    const run =
      (longer.endsWith(asLastWords) && (asFirstWords !== undefined || surnameOf(short, longer))) ||
      (asFirstWords !== undefined && short.firstInBody > candidate.firstInBody && longer.startsWith(asFirstWords));
    if (run && !` ${longer} `.includes(" of ") && (asFirstWords !== undefined || !` ${longer} `.includes(" for "))) return true;
    return initials !== undefined && hasInitials(longer, initials);
  });
}

/**
 * Whether a one-word name can be the surname of a longer one that ends with it: the longer one does
 * not start with a compass word or an adjective of place ("East Jerusalem", "Arab East Jerusalem",
 * "Jewish West Bank" are not Jerusalem or Bank), and nothing says the word is a place ("in Jerusalem").
 */
function surnameOf(short: Entity, longer: string): boolean {
  const first = longer.slice(0, longer.indexOf(" "));
  return (
    short.kinds.place === 0 &&
    !COMPASS_WORDS.has(first) &&
    demonymOf(first) === undefined &&
    lexicalPos(first) !== "ADJ"
  );
}

/** Whether the words of `name` other than particles are one per letter of `initials`, in order. */
function hasInitials(name: string, initials: string): boolean {
  let k = 0;
  for (const word of name.split(" ")) {
    if (NAME_PARTICLES.has(word) || BODY_PARTICLES.has(word) || word === "&") continue;
    if (k === initials.length || !word.startsWith(initials[k] ?? "")) return false;
    k++;
  }
  return k === initials.length;
}

/**
 * A bare first name ("Lleyton") is the person whose surname the story also uses alone ("Hewitt"),
 * if it is rarer than that person: "Apple" is not "Apple AirPods", though "AirPods" stands alone.
 */
function fullNameForFirstName(short: Entity, entities: readonly Entity[]): Entity | undefined {
  if (short.name.includes(" ")) return undefined;
  return mostMentioned(
    entities,
    (candidate) => candidate.surnamed && candidate.mentions > short.mentions && candidate.name.startsWith(`${short.name} `),
  );
}

/** The entity that passes `test` with the most mentions; the earliest in `entities` wins a tie. */
function mostMentioned(entities: readonly Entity[], test: (candidate: Entity) => boolean): Entity | undefined {
  let best: Entity | undefined;
  for (const candidate of entities) {
    if (test(candidate) && (best === undefined || candidate.mentions > best.mentions)) best = candidate;
  }
  return best;
}

/**
 * The country a listed demonym points to; null for a faith or region; undefined if not listed.
 * Words before it that are compass points or demonyms too make one demonym of no country ("North
 * American", "African American").
 */
const demonymOf = memoised((written: string): string | null | undefined => {
  const words = written.replace(/’/g, "'").split(" ");
  const last = words.pop() ?? "";
  const country = DEMONYMS.has(last) ? DEMONYMS.get(last) : last.endsWith("s") ? DEMONYMS.get(last.slice(0, -1)) : undefined;
  if (words.length === 0 || country === undefined) return country;
  return words.every((word) => COMPASS_WORDS.has(word) || DEMONYMS.has(word)) ? null : undefined;
});

/**
 * The place in the story a name is a regular demonym of ("Romanian" -> "Romania", "South African"
 * -> "South Africa").
 */
function placeForDemonym(written: string, entities: readonly Entity[]): string | undefined {
  const word = written.endsWith("s") ? written.slice(0, -1) : written;
  for (const entity of entities) {
    const place = entity.name;
    // Every demonym starts with its place less the last letter: a cheap test before the endings,
    // cheaper still when the first letters differ, as for most pairs of names.
    if (place.length < 4 || place === written || word.charCodeAt(0) !== place.charCodeAt(0)) continue;
    if (!word.startsWith(place.slice(0, -1))) continue;
    const stems = [place, place.replace(/[aeiouy]$/, "")];
    if (stems.some((stem) => DEMONYM_ENDINGS.some((ending) => stem + ending === word))) return place;
  }
  return undefined;
}

/** Marks entities named in the headline, whichever spelling the headline uses. */
function markHeadline(entities: readonly Entity[], title: string): void {
  const padded = ` ${title.replace(/[^\p{L}\p{N}.'’-]+/gu, " ").replace(/['’]s /g, " ")} `;
  // Most forms are not in the headline at all, found without building the padded form.
  const inTitle = (form: string): boolean => padded.includes(form) && padded.includes(` ${form} `);
  for (const entity of entities) {
    if (entity.inHeadline) continue;
    entity.inHeadline =
      [...entity.forms].some(inTitle) || inTitle(entity.name) || (ALIAS_FORMS.get(entity.name) ?? []).some(inTitle);
  }
}

/** Salience order; see `SALIENCE`. Entities only named in the headline still count once. */
function rank(entities: readonly Entity[], bodyLength: number, lede: number): Entity[] {
  const span = Math.max(1, bodyLength);
  const score = (entity: Entity): number =>
    Math.max(1, entity.mentions) +
    SALIENCE.demonym * entity.demonyms +
    (entity.inHeadline ? SALIENCE.headline : 0) +
    SALIENCE.firstPosition * (1 - Math.max(0, Math.min(span, entity.first)) / span) +
    (entity.firstInBody < lede ? SALIENCE.lede : 0);
  const scored = entities.map((entity) => ({ entity, score: score(entity) }));
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.entity.first - b.entity.first ||
      (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : 0),
  );
  return scored.map(({ entity }) => entity);
}

/** Where the body's first paragraph ends: its first line break after a word, as a token position. */
function ledeEnd({ pos, spaces }: Tokens): number {
  let started = false;
  for (let i = 0; i < pos.length; i++) {
    const space = spaces[i] ?? "";
    if (started && (pos[i] === "SPACE" || (space !== " " && space.includes("\n")))) return i;
    started ||= pos[i] !== "SPACE";
  }
  return pos.length;
}

/** A headline is Title Case when most of its longer words start with a capital. */
function isTitleCase(title: string): boolean {
  const words = title.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word));
  const capitalised = words.filter((word) => STARTS_CAPITAL.test(word));
  return words.length >= 2 && capitalised.length >= 0.75 * words.length;
}

/** The body's text without Markdown syntax: link text kept, images and markup dropped. */
function markdownToText(markdown: string): string {
  // Images and links both have "](", which most bodies lack: one quick search spares two patterns.
  const linked = markdown.includes("](")
    ? markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, " ").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    : markdown;
  return linked.replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "").replace(/[*_`]+/g, "");
}

/** Dots dropped; short all-capital forms keep their case, the rest are compared lower-cased. */
function extractionKey(written: string): string {
  const bare = written.replace(/\./g, "").replace(/\s+/g, " ").trim();
  return SHORT_CAPITALS.test(bare) ? bare : bare.toLowerCase().replace(/’/g, "'");
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

/** Answers a memo of `memoised` keeps; it is emptied when full, so a long ingest stays within a few megabytes. */
const MEMO_LIMIT = 50_000;

/** What `memoised` keeps for an answer that is undefined. */
const NO_ANSWER: unique symbol = Symbol("no answer");

/**
 * `fn` with its answers kept. `aliasFor`, `compactKey`, `entityName` and `demonymOf` are pure and
 * asked about the same words many times per story (and names recur across stories), while each
 * answer costs regular expressions and string copies.
 */
function memoised<T>(fn: (text: string) => T): (text: string) => T {
  // Answers are kept bare, an undefined one as `NO_ANSWER`: a hit is one look-up, no box to open.
  const memo = new Map<string, T | typeof NO_ANSWER>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined) return hit === NO_ANSWER ? (undefined as T) : hit;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const value = fn(text);
    memo.set(text, value === undefined ? NO_ANSWER : value);
    return value;
  };
}

/** Spellings of one name within a story: "TimeWarner" and "Time Warner" are one entity. */
const compactKey = memoised((name: string): string => looseKey(name).replace(/ /g, ""));

const aliasFor = memoised((written: string): string | undefined => ALIAS_BY_EXTRACTION_KEY.get(extractionKey(written)));

/** The name a mention is grouped under (its alias resolved) and that name's `compactKey`. */
const entityName = memoised((written: string): { name: string; key: string } => {
  const name = aliasFor(written) ?? written;
  return { name, key: compactKey(name) };
});

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
/** `TITLES_LONGEST_FIRST` by first word, in the same order: `splitAtTitles` tries every word of every name. */
const TITLES_BY_FIRST_WORD: ReadonlyMap<string, readonly string[][]> = TITLES_LONGEST_FIRST.reduce((byWord, title) => {
  const first = title[0] ?? "";
  byWord.set(first, [...(byWord.get(first) ?? []), title]);
  return byWord;
}, new Map<string, string[][]>());
/** Titles are never a tag alone ("Judge", "Prime Minister"), though "Mr King" counts for King. */
const TITLE_NAMES: ReadonlySet<string> = new Set(TITLES);
const ALIAS_NAMES: ReadonlySet<string> = new Set(ALIASES.map((alias) => alias.name));
const ALIAS_TYPES: ReadonlyMap<string, TagType> = new Map(ALIASES.map((alias) => [alias.name, alias.type]));
const TAG_TYPES: readonly TagType[] = ["person", "place", "organisation"];
const ALIAS_FORMS: ReadonlyMap<string, readonly string[]> = new Map(ALIASES.map((alias) => [alias.name, alias.forms]));
const ALIAS_BY_EXTRACTION_KEY: ReadonlyMap<string, string> = new Map(
  ALIASES.flatMap((alias) => [alias.name, ...alias.forms].map((form) => [extractionKey(form), alias.name] as const)),
);
const ALIAS_BY_LOOSE_KEY: ReadonlyMap<string, string> = new Map(
  ALIASES.flatMap((alias) => [alias.name, ...alias.forms].map((form) => [looseKey(form), alias.name] as const)),
);
