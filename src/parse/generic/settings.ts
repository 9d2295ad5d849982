// Every threshold of the generic extractor, in one place. Tuned on the dev corpus
// (/work/shared/corpora/page-text-dev, 94 pages); `npm run eval:extraction` shows what a change does.

export const SETTINGS = {
  /** Lines longer than this are not tested against the boilerplate patterns (cookie banners run to ~700). */
  maxPatternLine: 2000,
  /** A headline has at least this many characters... */
  minHeadline: 5,
  /** ...and at most this many. */
  maxHeadline: 300,
  /** A headline candidate has 2 words to this many plus 15 (scored by headline-model.ts)... */
  maxHeadlineWords: 25,
  /** ...or, written without word spaces (Japanese, Chinese), this many characters to twice the maximum. */
  minUnspacedHeadline: 6,
  maxUnspacedHeadline: 60,
  /** The words of this many first paragraphs are compared with a headline candidate's. */
  headParagraphs: 3,
  /** The date is looked for this many lines after the headline, then before it. */
  dateWindowAfter: 40,
  dateWindowBefore: 15,
  /**
   * Failing that, a dateline-shaped line (a date with few other words, a byline or "Posted" line)
   * is looked for this many lines above the first line of the body: LA Times prints its dateline
   * 16 lines above the body, under a headline worded unlike the <title>.
   */
  dateWindowAboveBody: 24,
  /** A dated line with two more this near, one of another day, is in a list of stories, not a dateline. */
  dateListGap: 10,
  /** A line holding a dateline is at most this long (body sentences mention dates too). */
  maxDateLine: 140,
  /** Breadcrumbs are looked for this many lines above the headline. */
  sectionWindow: 15,
  /**
   * A label above the headline is no section when this many short lines run right above it: a
   * menu (meta-dev: the Verge prints its three topics there, cleveland.com a menu of dozens).
   */
  menuRun: 4,
  /** A byline is looked for this many lines around the headline. */
  bylineWindowAfter: 25,
  bylineWindowBefore: 6,
  /** A line that is only a name counts as the byline this many lines below the headline at most. */
  bareNameWindow: 4,
  /** ...and has at most this many words ("Rodrigo Campos", "Sarah E. Needleman"). */
  maxBareNameWords: 3,
  /** Characters (CJK ones weighted, see `cjkWeight`) below which a line is "short" (jusText: 70). */
  shortLine: 45,
  /** Characters from which a line counts as a paragraph on length alone (jusText: 200). */
  longLine: 150,
  /** A CJK character carries about as much as this many Latin ones. */
  cjkWeight: 3,
  /** Stop-word share of prose; below `lowStopWords` a line reads like a list of names (jusText 0.30/0.32). */
  lowStopWords: 0.15,
  highStopWords: 0.25,
  /** Region scoring: how much a dropped line counts against the region, per character. */
  badLineCost: 0.6,
  /** Region scoring: what any dropped line costs on top, so that long menus of short items weigh. */
  badLineFixedCost: 30,
  /** Region scoring: the cost of a page-chrome line that ends the article ("Related Topics"). */
  endMarkerCost: 800,
  /** Prose (characters) after the headline from which an end marker closes the article. */
  minArticleBeforeEnd: 150,
  /** A line this short made of a date and at most `maxWordsBesideDate` other words is a dateline. */
  maxDateOnlyLine: 80,
  maxWordsBesideDate: 5,
  /** An unlabelled date without a year counts with its time and at most this many words (month, "AM", zone, weekday). */
  maxWordsBesideYearlessDate: 4,
  /** The same line again within this many lines is an alt text and its caption: both go. */
  nearRepeatLines: 6,
  /** A line of at least this many words whose shingles were mostly (`repeatShare`) seen before repeats them. */
  minRepeatWords: 8,
  repeatShare: 0.6,
  /** Only this many leading words of a line are compared for repeats (the longest dev line, Business Insider structured data repeating the article, has 1,623). */
  maxRepeatWords: 1000,
  /** Lines after a "Related articles" label that are dropped with it, at most. */
  maxListRun: 12,
  /** Text scanned for the language, at most. */
  languageSample: 20000,
  /** Share of the letters a script must hold for the text to be taken as that script's language. */
  scriptShare: 0.2,
  /** Share of words a stop-word table must cover for its language to be named. */
  stopWordShare: 0.12,
  /** Share of letters that are ideographs or kana from which a line is read without word spaces. */
  unspacedShare: 0.3,
  /**
   * Not an article (kind.ts): rows of a table or listing are looked for from this many
   * lines above the body (or the headline, if higher) to as many below it; a row is at most this long when it is not tab-separated; a page with at least
   * `minRows` rows and more than `rowsPerSentence` rows per prose paragraph is a table or a
   * listing (dev: the NASCAR standings have 41 rows and 3 paragraphs, the Stock Car calendar 12 and
   * 4; no dev article has a run of 10); a page with less prose than `minProse` characters is no article
   * (the shortest dev article, a WSJ page behind its paywall, has 359).
   */
  rowsAroundBody: 60,
  maxRowLine: 80,
  minRows: 10,
  rowsPerSentence: 2,
  minProse: 150,
} as const;
