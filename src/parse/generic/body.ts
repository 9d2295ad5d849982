// The article body of a whole-page dump: jusText-style line classes revised by their neighbours,
// then the one stretch of the page that holds the most prose (a maximum-sum run, where chrome costs
// and prose pays), then the prose lines of that stretch as Markdown paragraphs.
import type { Line, LineClass } from "./lines.ts";
import { SETTINGS } from "./settings.ts";

export interface Body {
  paragraphs: string[];
  /** First and last line (0-based) of the stretch the paragraphs came from; null when none. */
  from: number | null;
  to: number | null;
}

/** Nearest line before (step -1) or after (step 1) `i` whose class is not "short". */
function neighbourClass(classes: readonly LineClass[], i: number, step: 1 | -1): LineClass {
  for (let j = i + step; j >= 0 && j < classes.length; j += step) {
    const c = classes[j];
    if (c !== undefined && c !== "short") return c;
  }
  return "bad";
}

/**
 * jusText's context step: a near-good line next to a good one is good; a short line between good
 * ones (a subheading, a one-line paragraph) is good; everything else is not.
 */
function reviseClasses(lines: readonly Line[]): boolean[] {
  const classes = lines.map((l) => l.cls);
  const revised = classes.map((c, i): LineClass => {
    if (c !== "near") return c;
    return neighbourClass(classes, i, -1) === "good" || neighbourClass(classes, i, 1) === "good" ? "good" : "bad";
  });
  return revised.map((c, i) => {
    if (c !== "short") return c === "good";
    return neighbourClass(revised, i, -1) === "good" && neighbourClass(revised, i, 1) === "good";
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
 * `headline` the line number of the headline, whose neighbourhood is preferred; `skip` the line
 * numbers already read as metadata (headline, dateline, byline).
 */
export function extractBody(lines: readonly Line[], headline: number | null, skip: ReadonlySet<number>): Body {
  const good = reviseClasses(lines);
  const weights = lines.map((line, i) => {
    if (line.boilerplate === "end") return -SETTINGS.endMarkerCost;
    if (!good[i]) return -line.size * SETTINGS.badLineCost;
    return headline !== null && line.index <= headline ? line.size * SETTINGS.beforeHeadlineWeight : line.size;
  });
  const run = bestRun(weights);
  if (run === null) return { paragraphs: [], from: null, to: null };
  const [start, end] = run;
  const paragraphs: string[] = [];
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
    if (good[i] && !skip.has(line.index)) paragraphs.push(line.text);
  }
  return { paragraphs, from: lines[start]?.index ?? null, to: lines[end]?.index ?? null };
}

/** Escapes what would make a paragraph start as Markdown syntax: "# ", "> ", "- ", "1. ", "---". */
export function escapeMarkdown(paragraph: string): string {
  return paragraph
    .replace(/^([#>+*=`|~-])/u, "\\$1")
    .replace(/^(\d+)([.)])(?=\s|$)/u, "$1\\$2");
}
