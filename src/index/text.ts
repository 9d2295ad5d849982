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
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/['’]s\b/g, "")
    .replace(/['’‘`]/g, "")
    .toLowerCase();
}

/** The index terms of a text: folded words, stop words and numbers dropped, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of foldText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || STOP_WORDS.has(word) || !/\p{L}/u.test(word)) continue;
    out.push(stem(word));
  }
  return out;
}
