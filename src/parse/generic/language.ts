// Which language a page is in, and how much of a line is function words: both from small
// stop-word tables (jusText's idea: running prose is dense in them, menus and link lists are not).
import { SETTINGS } from "./settings.ts";

/**
 * The most frequent function words of each language the dev corpus holds (page-text-dev: English
 * news, German comwrap, Italian remember8090, Portuguese autoracing and jaraguadosul, Indonesian
 * kabarislamia, whose informal prose abbreviates "yang" to "yg", Russian wday.ru), plus French,
 * Spanish and Dutch; lower case.
 */
export const STOP_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ["the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as", "he", "she", "be", "by", "at", "are", "this", "have", "from", "or", "an", "they", "but", "not", "his", "her", "had", "has", "were", "which", "their", "been", "would", "will", "said", "who", "we", "you", "its", "there", "about", "than", "into", "after", "more", "also", "can", "when", "if", "so", "what", "our", "i", "up", "out", "do"],
  de: ["der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über", "einen", "so", "zum", "war", "haben", "nur", "oder", "aber", "vor", "zur", "bis", "mehr", "durch", "man", "wir", "ihre", "uns"],
  fr: ["le", "la", "les", "de", "des", "du", "et", "un", "une", "en", "est", "que", "qui", "dans", "pour", "pas", "au", "sur", "ne", "se", "ce", "il", "elle", "par", "plus", "avec", "sont", "aux", "son", "sa", "ses", "ont", "mais", "nous", "vous", "leur", "été", "cette", "comme", "ou"],
  es: ["el", "la", "de", "que", "y", "en", "los", "del", "se", "las", "por", "un", "para", "con", "no", "una", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "este", "fue", "ha", "sí", "porque", "esta", "entre", "cuando", "muy", "sin", "sobre", "también", "es", "son"],
  it: ["il", "di", "che", "e", "la", "per", "un", "in", "del", "non", "una", "della", "le", "si", "da", "con", "dei", "sono", "lo", "gli", "alla", "anche", "come", "più", "ma", "al", "ha", "nel", "delle", "questo", "è", "se", "nella", "tra", "ci", "ed", "suo", "loro", "già", "dello"],
  pt: ["de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "ao", "ele", "das", "seu", "sua", "ou", "quando", "muito", "nos", "já", "também", "pelo", "pela", "até", "isso", "ela", "foi", "são", "você"],
  nl: ["de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "voor", "met", "niet", "die", "er", "aan", "om", "ook", "als", "bij", "maar", "door", "wordt", "naar", "uit", "dan", "nog", "werd", "heeft", "hij", "ze", "wel", "worden", "over", "kan", "tot"],
  id: ["yang", "dan", "di", "dari", "ini", "itu", "dengan", "untuk", "tidak", "dalam", "akan", "pada", "juga", "ke", "ada", "karena", "oleh", "atau", "mereka", "kita", "kami", "saya", "sudah", "bisa", "lebih", "harus", "telah", "seperti", "bahwa", "adalah", "maka", "jika", "ia", "kepada", "para", "hanya", "orang", "satu", "yg", "dgn", "tdk", "nya"],
  ru: ["и", "в", "не", "на", "что", "с", "по", "как", "а", "то", "это", "к", "из", "у", "за", "от", "о", "так", "но", "все", "она", "он", "же", "ее", "для", "бы", "мы", "вы", "был", "была", "было", "я", "если", "уже", "или", "только", "его", "их", "до", "когда", "чтобы", "при"],
};

const STOP_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(STOP_WORDS).map(([lang, words]) => [lang, new Set(words)]),
);

/**
 * Scripts that name a language on their own, checked by share of letters: Hangul is Korean, kana
 * Japanese (dev corpus: Entermedia, note100yen, lhpat-tm), Han without kana Chinese.
 */
const SCRIPT_LANGUAGES: readonly { language: string; pattern: RegExp }[] = [
  { language: "ko", pattern: /\p{Script=Hangul}/gu },
  { language: "ja", pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu },
  { language: "zh", pattern: /\p{Script=Han}/gu },
];


const WORD = /[\p{L}\p{N}'’]+/gu;

/** Lower-case words of a text, for stop-word counting. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

const IDEOGRAPHS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** True when the text is written mostly without spaces between words (Chinese, Japanese). */
export function isUnspaced(text: string): boolean {
  // Most lines hold no ideograph at all: one scan, no array of every letter of a long line.
  if (text.search(IDEOGRAPHS) < 0) return false;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const ideographs = text.match(IDEOGRAPHS)?.length ?? 0;
  return letters > 0 && ideographs / letters > SETTINGS.unspacedShare;
}

/**
 * The page's language as BCP 47 (`en`, `de`, `ko`), from its script or, for Latin and Cyrillic text,
 * the stop-word table that covers most of its words; null when none is convincing.
 */
export function detectLanguage(text: string): string | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  for (const { language, pattern } of SCRIPT_LANGUAGES) {
    if ((text.match(pattern)?.length ?? 0) / letters >= SETTINGS.scriptShare) return language;
  }
  const words = wordsOf(text);
  let best: { language: string; share: number } | null = null;
  for (const [language, stops] of STOP_SETS) {
    const share = words.filter((w) => stops.has(w)).length / Math.max(words.length, 1);
    if (share >= SETTINGS.stopWordShare && (best === null || share > best.share)) best = { language, share };
  }
  return best?.language ?? null;
}

/** Share of a line's words that are stop words of `language`; null when the language has no table. */
export function stopWordDensity(words: readonly string[], language: string | null): number | null {
  const stops = language === null ? undefined : STOP_SETS.get(language);
  if (stops === undefined) return null;
  if (words.length === 0) return 0;
  return words.filter((w) => stops.has(w)).length / words.length;
}
