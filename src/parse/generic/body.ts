// The article body of a whole-page dump: jusText-style line classes revised by their neighbours,
// then the one stretch of the page that holds the most prose (a maximum-sum run, where chrome costs
// and prose pays), then the prose lines of that stretch as Markdown paragraphs.
import type { Line, LineClass } from "./lines.ts";
import { SETTINGS } from "./settings.ts";

export interface Body {
  /** The kept lines, in page order. */
  lines: Line[];
  /** First and last line (0-based) of the stretch the paragraphs came from; null when none. */
  from: number | null;
  to: number | null;
}

/** For each line, the class of the nearest line before it (or after it) that is not "short". */
function neighbourClasses(classes: readonly LineClass[], step: 1 | -1): LineClass[] {
  const out: LineClass[] = new Array<LineClass>(classes.length).fill("bad");
  let last: LineClass = "bad";
  for (let k = 0; k < classes.length; k++) {
    const i = step === 1 ? classes.length - 1 - k : k;
    out[i] = last;
    const c = classes[i];
    if (c !== undefined && c !== "short") last = c;
  }
  return out;
}

/**
 * jusText's context step: a near-good line next to a good one is good; a short line between good
 * ones (a subheading, a one-line paragraph) is good; everything else is not.
 */
function reviseClasses(lines: readonly Line[], headline: number | null): boolean[] {
  // The headline and what is above it are no prose: short lines under the headline (Gizmodo's
  // "Ed Cara", "Monday 6:30PM", "•", "Filed to:") are not glued to it as one-line paragraphs.
  const classes = lines.map((l): LineClass => (headline !== null && l.index <= headline ? "bad" : l.cls));
  const before = neighbourClasses(classes, -1);
  const after = neighbourClasses(classes, 1);
  const revised = classes.map((c, i): LineClass => {
    if (c !== "near") return c;
    return before[i] === "good" || after[i] === "good" ? "good" : "bad";
  });
  const revisedBefore = neighbourClasses(revised, -1);
  const revisedAfter = neighbourClasses(revised, 1);
  return revised.map((c, i) => (c === "short" ? revisedBefore[i] === "good" && revisedAfter[i] === "good" : c === "good"));
}

const SHINGLE = 4;

/**
 * A line's 4-word shingles (a shorter line is one shingle), from its first `maxRepeatWords` words:
 * a repeat shows in its opening, and a page saved as one huge line must not fill memory with them.
 */
function shinglesOf(words: readonly string[]): string[] {
  if (words.length <= SHINGLE) return [words.join(" ")];
  const out: string[] = [];
  const end = Math.min(words.length, SETTINGS.maxRepeatWords);
  for (let i = 0; i + SHINGLE <= end; i++) out.push(words.slice(i, i + SHINGLE).join(" "));
  return out;
}

/**
 * Lines below the headline made mostly of text already printed below it: a summary box repeating
 * the lead, structured data repeating the article (Business Insider). Above the headline, repeats
 * are teasers of the article itself and do not count.
 */
function repeatsBelow(lines: readonly Line[], headline: number | null): boolean[] {
  const seen = new Set<string>();
  return lines.map((line) => {
    if (headline !== null && line.index <= headline) return false;
    const shingles = shinglesOf(line.words);
    const old = line.words.length >= SETTINGS.minRepeatWords ? shingles.filter((s) => seen.has(s)).length : 0;
    for (const s of shingles) seen.add(s);
    return old / shingles.length >= SETTINGS.repeatShare;
  });
}

/** Maximum-sum run of weights (Kadane); [start, end] inclusive, or null when every weight is negative. */
function bestRun(weights: readonly number[]): [number, number] | null {
  let best: [number, number] | null = null;
  let bestSum = 0;
  let sum = 0;
  let start = 0;
  weights.forEach((w, i) => {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += w;
    if (sum > bestSum) {
      bestSum = sum;
      best = [start, i];
    }
  });
  return best;
}

/**
 * The body: the prose lines of the best stretch, in order. `lines` are the page's non-empty lines;
 * `headline` the line number of the headline where it is known for sure, above which nothing is body.
 */
export function extractBody(lines: readonly Line[], headline: number | null): Body {
  const repeated = repeatsBelow(lines, headline);
  const good = reviseClasses(lines, headline).map((g, i) => g && !repeated[i]);
  // The article follows its headline: nothing at or above it is body, and once some prose has
  // followed the headline, the first end marker ("Leave a Reply", "Related Topics") closes it.
  let prose = 0;
  let closed = false;
  const weights = lines.map((line, i) => {
    if (closed || (headline !== null && line.index <= headline)) return -SETTINGS.endMarkerCost;
    if (line.boilerplate === "end") {
      closed = headline !== null && prose >= SETTINGS.minArticleBeforeEnd;
      return -SETTINGS.endMarkerCost;
    }
    if (good[i]) prose += line.size;
    return good[i] ? line.size : -(line.size * SETTINGS.badLineCost + SETTINGS.badLineFixedCost);
  });
  const run = bestRun(weights);
  if (run === null) return { lines: [], from: null, to: null };
  const [start, end] = run;
  const kept: Line[] = [];
  let listRun = 0;
  for (let i = start; i <= end; i++) {
    const line = lines[i];
    if (line === undefined) continue;
    if (line.boilerplate === "list") {
      listRun = SETTINGS.maxListRun;
      continue;
    }
    if (listRun > 0 && !(good[i] && line.sentence && line.cls === "good")) {
      listRun--;
      continue;
    }
    listRun = 0;
    if (good[i]) kept.push(line);
  }
  return { lines: kept, from: lines[start]?.index ?? null, to: lines[end]?.index ?? null };
}
