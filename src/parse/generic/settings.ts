// Every threshold of the generic extractor, in one place. Tuned on the dev corpus
// (/work/shared/corpora/page-text-dev, 94 pages); `npm run eval:extraction` shows what a change does.

export const SETTINGS = {
  /** Lines longer than this are not searched for dates, bylines or headlines (keeps 10 MB lines cheap). */
  maxMetaLine: 300,
  /** A headline has at least this many characters... */
  minHeadline: 10,
  /** ...and at most this many. */
  maxHeadline: 300,
  /** The date is looked for this many lines after the headline, then before it. */
  dateWindowAfter: 40,
  dateWindowBefore: 15,
  /** A line holding a dateline is at most this long (body sentences mention dates too). */
  maxDateLine: 140,
  /** A byline is looked for this many lines around the headline. */
  bylineWindowAfter: 25,
  bylineWindowBefore: 6,
  /** Characters (CJK ones weighted, see `cjkWeight`) below which a line is "short" (jusText: 70). */
  shortLine: 45,
  /** Characters from which a line counts as a paragraph on length alone (jusText: 200). */
  longLine: 150,
  /** A CJK character carries about as much as this many Latin ones. */
  cjkWeight: 3,
  /** Stop-word share of prose; below `lowStopWords` a line reads like a list of names (jusText 0.30/0.32). */
  lowStopWords: 0.15,
  highStopWords: 0.25,
  /** A short line counts as a heading inside the body when it has at most this many words. */
  maxHeadingWords: 14,
  /** Region scoring: how much a dropped line counts against the region, per character. */
  badLineCost: 0.6,
  /** Region scoring: the cost of a page-chrome line that ends the article ("Related Topics"). */
  endMarkerCost: 800,
  /** Region scoring: content before the headline weighs this much of its length. */
  beforeHeadlineWeight: 0.3,
  /** Lines after a "Related articles" label that are dropped with it, at most. */
  maxListRun: 12,
  /** Text scanned for the language, at most. */
  languageSample: 20000,
} as const;
