// Weights of the headline line scorer (headline-model.ts): the first stage per feature of
// `FEATURE_NAMES`, the second per feature of `FEATURE_NAMES` then `CONTEXT_NAMES`, in that order.
// Trained by `node --import tsx src/eval/headline-train.ts --write` on the 94 pages of
// /work/shared/corpora/meta-dev (visible text, no <title>) and the same pages in page-text-dev (with
// it), labelled by meta-dev/truth.json: softmax regression, 400 Adam steps of 0.1 from zero, L2 0.003.
export const HEADLINE_WEIGHTS: readonly number[] = [
  2.123, // repeats the <title> (first line) below it
  -0.616, // is the first line
  -0.142, // is the first line, with a site name cut off
  2.468, // share of its words in the <title>
  3.566, // a byline or dateline (not a bare name) right below (1/distance, 3 lines)
  0.886, // a byline or dateline right above (2 lines)
  2.711, // above the first paragraph
  -2.373, // log lines to the first paragraph
  0.279, // at most 3 lines above the first paragraph
  0.858, // log words
  -2.56, // fewer than 4 words
  -2.5, // more than 20 words
  -2.376, // ends with a period
  0.604, // ends with ? or !
  -0.125, // share of capitalised words
  -0.642, // all capitals
  0.983, // share of short lines around it (menu)
  0.121, // log times repeated elsewhere on the page
  3.778, // words (4+ letters) it shares with the first paragraphs, up to 6, over 6
  -1.104, // reads as prose (good line)
  -0.026, // position in the page (0 top, 1 bottom)
  -0.417, // holds a separator ( | , - )
  0.007, // share of digits
  -0.378, // a longer sentence below it (a dek)
  -0.708, // reads as a person's name
  -0.624, // ends cut short ("..", "…")
  -1.553, // lines of 4+ words among the 3 above, bylines aside (a headline above a dek)
  0.671, // the line below is longer
  -0.798, // holds a printed date
  -0.745, // ends with a colon
  0.506, // a line that reads as a name right below (1/distance, 3 lines)
  1.216, // log times printed inside a longer line ("Share this on: <headline>")
];

export const HEADLINE_CONTEXT_WEIGHTS: readonly number[] = [
  1.97, // repeats the <title> (first line) below it
  -0.91, // is the first line
  -0.135, // is the first line, with a site name cut off
  1.755, // share of its words in the <title>
  3.404, // a byline or dateline (not a bare name) right below (1/distance, 3 lines)
  0.821, // a byline or dateline right above (2 lines)
  2.781, // above the first paragraph
  -2.462, // log lines to the first paragraph
  -0.058, // at most 3 lines above the first paragraph
  0.803, // log words
  -2.427, // fewer than 4 words
  -1.603, // more than 20 words
  -1.762, // ends with a period
  0.255, // ends with ? or !
  -0.196, // share of capitalised words
  -0.689, // all capitals
  0.599, // share of short lines around it (menu)
  0.025, // log times repeated elsewhere on the page
  3.484, // words (4+ letters) it shares with the first paragraphs, up to 6, over 6
  -1.193, // reads as prose (good line)
  -0.195, // position in the page (0 top, 1 bottom)
  -0.316, // holds a separator ( | , - )
  0.275, // share of digits
  -0.37, // a longer sentence below it (a dek)
  0.252, // reads as a person's name
  -0.075, // ends cut short ("..", "…")
  -0.349, // lines of 4+ words among the 3 above, bylines aside (a headline above a dek)
  0.502, // the line below is longer
  -0.715, // holds a printed date
  -0.814, // ends with a colon
  0.288, // a line that reads as a name right below (1/distance, 3 lines)
  1.03, // log times printed inside a longer line ("Share this on: <headline>")
  -0.835, // best first-stage score among the 2 lines above, minus its own (a headline above a dek or caption)
  0.025, // best first-stage score among the 2 lines below, minus its own
];
