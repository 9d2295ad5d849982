// Weights of the headline line scorer (headline-model.ts): the first stage per feature of
// `FEATURE_NAMES`, the second per feature of `FEATURE_NAMES` then `CONTEXT_NAMES`, in that order.
// Trained by `node --import tsx src/eval/headline-train.ts --write` on the 94 pages of
// /work/shared/corpora/meta-dev (visible text, no <title>) and the same pages in page-text-dev (with
// it), labelled by meta-dev/truth.json: softmax regression, 400 Adam steps of 0.1 from zero, L2 0.003.
export const HEADLINE_WEIGHTS: readonly number[] = [
  2.236, // repeats the <title> (first line) below it
  -0.545, // is the first line
  -0.093, // is the first line, with a site name cut off
  2.415, // share of its words in the <title>
  3.605, // a byline or dateline (not a bare name) right below (1/distance, 3 lines)
  0.866, // a byline or dateline right above (2 lines)
  2.736, // above the first paragraph
  -2.249, // log lines to the first paragraph
  0.411, // at most 3 lines above the first paragraph
  0.989, // log words
  -2.258, // fewer than 4 words
  -2.415, // more than 20 words
  -2.352, // ends with a period
  0.31, // ends with ? or !
  -0.001, // share of capitalised words
  -0.511, // all capitals
  1.189, // share of short lines around it (menu)
  -0.042, // log times repeated elsewhere on the page
  3.611, // words (4+ letters) it shares with the first paragraphs, up to 6, over 6
  -0.712, // reads as prose (good line)
  0.255, // position in the page (0 top, 1 bottom)
  -0.316, // holds a separator ( | , - )
  0.053, // share of digits
  -0.603, // a longer sentence below it (a dek)
  -1.072, // reads as a person's name
  0.168, // ends cut short ("..", "…")
  -1.633, // lines of 4+ words among the 3 above, bylines aside (a headline above a dek)
  0.009, // the line below is longer
  -0.713, // holds a printed date
  -0.732, // ends with a colon
  0.536, // a line that reads as a name right below (1/distance, 3 lines)
  1.04, // log times printed inside a longer line ("Share this on: <headline>")
  1.102, // the same text again within 3 lines (a headline printed twice)
  1.587, // a longer line right below, then a byline or dateline (a headline above its dek)
  -0.21, // a shorter line of 4+ words right above, and a byline or dateline right below (a dek under its headline)
  -0.488, // words run together ("(This Morning)Some sunshine": a teaser's headline and text)
  -0.808, // opens with a quotation mark
  0.442, // a line of prose (a good line) within 6 lines below (1/distance)
];

export const HEADLINE_CONTEXT_WEIGHTS: readonly number[] = [
  1.993, // repeats the <title> (first line) below it
  -0.79, // is the first line
  -0.181, // is the first line, with a site name cut off
  1.695, // share of its words in the <title>
  3.26, // a byline or dateline (not a bare name) right below (1/distance, 3 lines)
  0.816, // a byline or dateline right above (2 lines)
  2.804, // above the first paragraph
  -2.219, // log lines to the first paragraph
  -0.04, // at most 3 lines above the first paragraph
  0.752, // log words
  -1.893, // fewer than 4 words
  -1.709, // more than 20 words
  -1.699, // ends with a period
  0.034, // ends with ? or !
  -0.083, // share of capitalised words
  -0.622, // all capitals
  0.668, // share of short lines around it (menu)
  -0.194, // log times repeated elsewhere on the page
  3.284, // words (4+ letters) it shares with the first paragraphs, up to 6, over 6
  -0.824, // reads as prose (good line)
  0.063, // position in the page (0 top, 1 bottom)
  -0.304, // holds a separator ( | , - )
  0.382, // share of digits
  -0.54, // a longer sentence below it (a dek)
  -0.214, // reads as a person's name
  0.17, // ends cut short ("..", "…")
  -0.654, // lines of 4+ words among the 3 above, bylines aside (a headline above a dek)
  0.147, // the line below is longer
  -0.623, // holds a printed date
  -0.826, // ends with a colon
  0.338, // a line that reads as a name right below (1/distance, 3 lines)
  0.77, // log times printed inside a longer line ("Share this on: <headline>")
  1.067, // the same text again within 3 lines (a headline printed twice)
  0.997, // a longer line right below, then a byline or dateline (a headline above its dek)
  0.237, // a shorter line of 4+ words right above, and a byline or dateline right below (a dek under its headline)
  -0.679, // words run together ("(This Morning)Some sunshine": a teaser's headline and text)
  -0.539, // opens with a quotation mark
  0.562, // a line of prose (a good line) within 6 lines below (1/distance)
  -0.796, // best first-stage score among the 2 lines above, minus its own (a headline above a dek or caption)
  -0.17, // best first-stage score among the 2 lines below, minus its own
];
