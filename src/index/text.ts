// Turning story text into index terms for related-story scoring: tokenising, stop words and a light
// English stemmer. Fast and dependency-free on purpose: it runs over every story on every build.
import { grow } from "./rows.ts";

/**
 * English function words that say nothing about a story's subject. The core is the classic SMART /
 * Snowball English stop list; the last lines are reporting verbs and time words that appear in most
 * news stories (checked against the BBC topics-dev corpus, where each sits in over a third of all
 * stories across all five topics).
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as",
  "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
  "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further",
  "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
  "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my",
  "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
  "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
  "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
  "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
  "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
  "yours", "yourself", "yourselves", "also", "may", "might", "must", "shall", "us", "s", "t", "ll",
  "re", "ve", "d", "m", "don", "didn", "doesn", "isn", "wasn", "won", "one", "two", "many", "much",
  "said", "says", "say", "told", "according", "year", "years", "last", "first", "new", "mr", "mrs",
  "ms", "week", "weeks", "month", "months", "day", "days", "time", "made", "make", "get", "got",
]);

/**
 * Inflection suffixes stripped by `stem`, first match wins: [suffix, replacement, shortest stem].
 * A light stemmer in the spirit of Harman's S-stemmer extended to -ing/-ed: it folds
 * "elections"/"election", "voted"/"voting"/"votes" together without Porter's over-merging
 * ("university"/"universe"), which would blur topics.
 */
const SUFFIX_RULES: ReadonlyArray<readonly [suffix: string, replacement: string, minStem: number]> = [
  ["ies", "y", 3],
  ["ied", "y", 3],
  ["sses", "ss", 2],
  ["ing", "", 3],
  ["ed", "", 3],
  ["es", "e", 3],
  ["s", "", 3],
];

/** Endings where a final "s" is part of the word, not a plural ("crisis", "bus", "glass"). */
const KEEP_FINAL_S = ["ss", "us", "is", "os", "as"] as const;

/** Words that look inflected but are not ("news" is not the plural of "new"). */
const UNSTEMMED: ReadonlySet<string> = new Set(["news", "series", "species", "means", "whereas"]);

/** Folds inflected forms of an (already lower-cased) English word onto one stem. */
export function stem(word: string): string {
  if (UNSTEMMED.has(word)) return word;
  for (const [suffix, replacement, minStem] of SUFFIX_RULES) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, word.length - suffix.length);
    if (base.length < minStem) continue;
    if (suffix === "s" && KEEP_FINAL_S.some((ending) => word.endsWith(ending))) return word;
    // "running" -> "runn" -> "run": undo the doubled consonant English adds before -ing/-ed.
    if ((suffix === "ing" || suffix === "ed") && /([b-df-hj-np-tv-z])\1$/.test(base) && !/(ll|ss|ff|zz)$/.test(base)) {
      return base.slice(0, -1);
    }
    return dropFinalE(base + replacement);
  }
  return dropFinalE(word);
}

/** "vote"/"voted" meet only without the silent e: "vote" -> "vot", like "voted" -> "vot". */
function dropFinalE(word: string): string {
  return word.length > 3 && word.endsWith("e") ? word.slice(0, -1) : word;
}

/** Latin letters without diacritics, possessive "'s" and apostrophes dropped ("O'Neill" -> "oneill"), lower-cased. */
export function foldText(text: string): string {
  // Most news text is plain ASCII: it has no marks to strip, and NFKD is the costly step.
  const decomposed = NON_ASCII.test(text) ? text.normalize("NFKD").replace(/\p{M}+/gu, "") : text;
  return decomposed
    .replace(/['’]s\b/g, "")
    .replace(/['’‘`]/g, "")
    .toLowerCase();
}

const NON_ASCII = /[^\x00-\x7f]/;

/** The index terms of a text: folded words, stop words and numbers dropped, stemmed. */
export function terms(text: string): string[] {
  const vocabulary = new Vocabulary();
  const ids: number[] = [];
  vocabulary.termIds(text, ids);
  return ids.map((id) => vocabulary.term(id));
}

/**
 * Term names numbered for many texts and kept from build to build (src/ingest/facts-cache.ts):
 * `countTerms` gives a text's terms by these numbers, so that a text read once need not be read
 * again. Unlike a `Vocabulary`'s, the numbers do not depend on the order texts are read in.
 */
export class TermNames {
  private numbers: Map<string, number> | null = null;

  constructor(private readonly names: string[] = []) {}

  get size(): number {
    return this.names.length;
  }

  name(n: number): string {
    return this.names[n] ?? "";
  }

  /** The number of `name`, numbering it if it is new. */
  number(name: string): number {
    // Made when first needed: a build whose texts were all read before never needs it.
    this.numbers ??= new Map(this.names.map((n, i) => [n, i]));
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(name);
      this.numbers.set(name, n);
    }
    return n;
  }

  /** Every name, by number. */
  all(): readonly string[] {
    return this.names;
  }
}

/** A text's terms counted: (number in `names`, count) pairs, in the order the terms first appear in the text. */
export interface CountedTerms {
  names: TermNames;
  pairs: Uint32Array;
}

/** The pairs of `CountedTerms` for `text`, read with `vocabulary` (one per batch of texts, for its word table). */
export function countTerms(text: string, vocabulary: Vocabulary, names: TermNames): Uint32Array {
  const ids: number[] = [];
  vocabulary.termIds(text, ids);
  const at = new Map<number, number>();
  const pairs: number[] = [];
  for (const id of ids) {
    const k = at.get(id);
    if (k === undefined) {
      at.set(id, pairs.length);
      pairs.push(names.number(vocabulary.term(id)), 1);
    } else pairs[k + 1] = (pairs[k + 1] as number) + 1;
  }
  return Uint32Array.from(pairs);
}

/** Where `Vocabulary.termIds` puts term ids: an array, or a counter that needs no array. */
export interface TermSink {
  push(id: number): unknown;
}

/**
 * Numbers the terms of a batch of texts (0, 1, 2, ... in order of first use) and remembers every
 * word it has seen: an archive repeats its vocabulary, so each distinct word is folded, checked
 * and stemmed once, and a word costs one hash look-up. Use one per batch of texts.
 *
 * Most texts are ASCII, or ASCII with symbols such as "£" that folding leaves alone; those are
 * split by one pass over their characters that folds as it goes and looks each word up by its
 * characters, without building the folded text or a string per word (`scan`). That made
 * tokenising about twice as fast. The other texts take the general path, `foldText` and a split.
 */
export class Vocabulary {
  /** Word as split from folded text to term id, or -1 for a word that is no term. */
  private readonly words = new Map<string, number>();
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  /**
   * The words `scan` has met: an open addressing table whose slots are `SLOT` numbers side by side
   * (hash, length, term id, and where its characters start in `characters`), so that a look-up
   * touches one slot and the word's characters. A slot of length 0 is empty.
   */
  private slots = new Int32Array(SLOT << 12);
  private entries = 0;
  private characters = new Uint16Array(1 << 14);
  private charactersUsed = 0;
  /** The word being read by `scan`, folded. */
  private buffer = new Uint16Array(64);

  /** Terms numbered so far. */
  get size(): number {
    return this.names.length;
  }

  /** The term numbered `id`. */
  term(id: number): string {
    return this.names[id] ?? "";
  }

  /** The id of a term given as is (no folding or stemming), numbering it if it is new. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(term, id);
      this.names.push(term);
    }
    return id;
  }

  /** Appends to `out` the id of each term of `text`, in text order (the ids of `terms(text)`). */
  termIds(text: string, out: TermSink): void {
    if (scannable(text)) {
      this.scan(text, out);
      return;
    }
    const folded = foldText(text);
    // The ASCII separator class is many times faster than the Unicode one and splits ASCII alike.
    for (const word of folded.split(NON_ASCII.test(folded) ? /[^\p{L}\p{N}]+/u : /[^a-z0-9]+/)) {
      const id = this.wordId(word);
      if (id >= 0) out.push(id);
    }
  }

  /** The term id of a word as split from folded text, or -1; remembered. */
  private wordId(word: string): number {
    let id = this.words.get(word);
    if (id === undefined) {
      id = word.length < 2 || STOP_WORDS.has(word) || !/\p{L}/u.test(word) ? -1 : this.id(stem(word));
      this.words.set(word, id);
    }
    return id;
  }

  /**
   * `termIds` of a `scannable` text, folding as it reads: letters and digits are word characters
   * (lower-cased), apostrophes join the word around them, a possessive "'s" is dropped, anything
   * else ends the word; `foldText` and the split do the same to such a text.
   */
  private scan(text: string, out: TermSink): void {
    let buffer = this.buffer;
    let length = 0;
    // FNV-1a of the word's characters.
    let hash = FNV_OFFSET;
    for (let i = 0, end = text.length; i <= end; i++) {
      let c = i < end ? text.charCodeAt(i) : SPACE;
      if (c >= UPPER_A && c <= UPPER_Z) c += LOWER_A - UPPER_A;
      if ((c >= LOWER_A && c <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9)) {
        if (length === buffer.length) buffer = this.buffer = grow(buffer, length + 1);
        buffer[length++] = c;
        hash = Math.imul(hash ^ c, FNV_PRIME);
        continue;
      }
      if (c === APOSTROPHE || c === RIGHT_QUOTE) {
        // foldText's /['’]s\b/: a lower-case s, then no ASCII word character (or the end).
        if (text.charCodeAt(i + 1) === LOWER_S && !isWordCharacter(text.charCodeAt(i + 2))) i++;
        continue;
      }
      if (c === LEFT_QUOTE || c === BACKTICK) continue;
      // Words under two characters are never terms; skipping them early saves the look-up.
      if (length >= 2) {
        const id = this.lookUp(buffer, length, hash);
        if (id >= 0) out.push(id);
      }
      length = 0;
      hash = FNV_OFFSET;
    }
  }

  /** The term id of the word in `buffer[0..length]` with FNV-1a `hash`, remembered by `scan`. */
  private lookUp(buffer: Uint16Array, length: number, hash: number): number {
    const { slots, characters } = this;
    const mask = slots.length - SLOT;
    let at = (hash << SLOT_BITS) & mask;
    for (let stored = slots[at + 1] as number; stored !== 0; stored = slots[at + 1] as number) {
      if (stored === length && slots[at] === hash) {
        const start = slots[at + 3] as number;
        let k = 0;
        while (k < length && characters[start + k] === buffer[k]) k++;
        if (k === length) return slots[at + 2] as number;
      }
      at = (at + SLOT) & mask;
    }
    let word = "";
    for (let k = 0; k < length; k += WORD_CHUNK) {
      word += String.fromCharCode(...buffer.subarray(k, Math.min(length, k + WORD_CHUNK)));
    }
    const id = this.wordId(word);
    this.remember(buffer, length, hash, id);
    return id;
  }

  /** Adds a word to the `scan` table, which it keeps at most half full so that probes stay short. */
  private remember(buffer: Uint16Array, length: number, hash: number, id: number): void {
    if (this.charactersUsed + length > this.characters.length) this.characters = grow(this.characters, this.charactersUsed + length);
    this.characters.set(buffer.subarray(0, length), this.charactersUsed);
    if (2 * ++this.entries * SLOT > this.slots.length) {
      const old = this.slots;
      this.slots = new Int32Array(old.length * 2);
      for (let at = 0; at < old.length; at += SLOT) {
        if (old[at + 1] !== 0) this.place(old[at] as number, old[at + 1] as number, old[at + 2] as number, old[at + 3] as number);
      }
    }
    this.place(hash, length, id, this.charactersUsed);
    this.charactersUsed += length;
  }

  private place(hash: number, length: number, id: number, start: number): void {
    const { slots } = this;
    const mask = slots.length - SLOT;
    let at = (hash << SLOT_BITS) & mask;
    while (slots[at + 1] !== 0) at = (at + SLOT) & mask;
    slots[at] = hash;
    slots[at + 1] = length;
    slots[at + 2] = id;
    slots[at + 3] = start;
  }
}

/** Numbers per slot of `Vocabulary.slots`, a power of two. */
const SLOT_BITS = 2;
const SLOT = 1 << SLOT_BITS;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;
const APOSTROPHE = 0x27;
const BACKTICK = 0x60;
const LEFT_QUOTE = 0x2018;
const RIGHT_QUOTE = 0x2019;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const LOWER_A = 0x61;
const LOWER_S = 0x73;
const LOWER_Z = 0x7a;
const UNDERSCORE = 0x5f;
/** Characters per `String.fromCharCode` call, well inside the engine's argument limit. */
const WORD_CHUNK = 4096;

/** `\w` of a regular expression without the u flag; NaN (past the end) is not. */
function isWordCharacter(c: number): boolean {
  return (c >= DIGIT_0 && c <= DIGIT_9) || (c >= UPPER_A && c <= UPPER_Z) || (c >= LOWER_A && c <= LOWER_Z) || c === UNDERSCORE;
}

/**
 * Per UTF-16 code unit above ASCII: 1 if `foldText` keeps it as it is and the split treats it as a
 * separator (a symbol such as "£" or "—"), 2 if not, 0 until first asked.
 */
const PLAIN_SYMBOL = new Uint8Array(0x10000);

/**
 * Whether `scan` reads `text` as `foldText` and the split would: each character is ASCII, a curly
 * quote, or a symbol that NFKD leaves alone, that is no mark, letter or number, and that has no
 * lower case. Anything else (accents, ligatures, other scripts, surrogates) takes the general path.
 */
export function scannable(text: string): boolean {
  if (!NON_ASCII.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || c === LEFT_QUOTE || c === RIGHT_QUOTE) continue;
    let kind = PLAIN_SYMBOL[c] as number;
    if (kind === 0) {
      const character = String.fromCharCode(c);
      const plain =
        (c < 0xd800 || c > 0xdfff) &&
        character.normalize("NFKD") === character &&
        character.toLowerCase() === character &&
        !/[\p{M}\p{L}\p{N}]/u.test(character);
      kind = plain ? 1 : 2;
      PLAIN_SYMBOL[c] = kind;
    }
    if (kind !== 1) return false;
  }
  return true;
}
