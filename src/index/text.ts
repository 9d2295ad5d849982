// Turning story text into index terms for related-story scoring: tokenising, stop words and a light
// English stemmer. Fast and dependency-free on purpose: it runs over every story on every build.

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
 * Numbers the terms of a batch of texts (0, 1, 2, ... in order of first use) and remembers every
 * word it has seen: an archive repeats its vocabulary, so each distinct word is folded, checked
 * and stemmed once, and a word costs one map look-up. Use one per batch of texts.
 */
export class Vocabulary {
  /** Word as split from folded text to term id, or -1 for a word that is no term. */
  private readonly words = new Map<string, number>();
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];

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
  termIds(text: string, out: number[]): void {
    const folded = foldText(text);
    // The ASCII separator class is many times faster than the Unicode one and splits ASCII alike.
    for (const word of folded.split(NON_ASCII.test(folded) ? /[^\p{L}\p{N}]+/u : /[^a-z0-9]+/)) {
      let id = this.words.get(word);
      if (id === undefined) {
        id = word.length < 2 || STOP_WORDS.has(word) || !/\p{L}/u.test(word) ? -1 : this.id(stem(word));
        this.words.set(word, id);
      }
      if (id >= 0) out.push(id);
    }
  }
}
