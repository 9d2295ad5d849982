// Weights of the headline line scorer (headline-model.ts): the first stage per feature of
// `FEATURE_NAMES`, the second per feature of `FEATURE_NAMES` then `CONTEXT_NAMES`, in that order.
// Trained by `node --import tsx src/eval/headline-train.ts --write` on the 94 pages of
// /work/shared/corpora/meta-dev (visible text, no <title>) and the same pages in page-text-dev (with
// it), labelled by meta-dev/truth.json: softmax regression, 400 Adam steps of 0.1 from zero, L2 0.003.
export const HEADLINE_WEIGHTS: readonly number[] = [
  2.175, // repeats the <title> (first line) below it
  -0.573, // is the first line
  -0.146, // is the first line, with a site name cut off
  2.408, // share of its words in the <title>
  3.449, // a byline or dateline (not a bare name) right below (1/distance, 3 lines)
  0.977, // a byline or dateline right above (2 lines)
  2.617, // above the first paragraph
  -2.474, // log lines to the first paragraph
  0.117, // at most 3 lines above the first paragraph
  0.856, // log words
  -2.455, // fewer than 4 words
  -2.631, // more than 20 words
  -2.332, // ends with a period
  0.844, // ends with ? or !
  -0.093, // share of capitalised words
  -0.585, // all capitals
  0.941, // share of short lines around it (menu)
  0.236, // log times repeated elsewhere on the page
  3.971, // words (4+ letters) it shares with the first paragraphs, up to 6, over 6
  -1.067, // reads as prose (good line)
  -0.12, // position in the page (0 top, 1 bottom)
  -0.455, // holds a separator ( | , - )
  0.029, // share of digits
  -0.196, // a longer sentence below it (a dek)
  -0.666, // reads as a person's name
  -0.645, // ends cut short ("..", "…")
  -1.439, // lines of 4+ words among the 3 above, bylines aside (a headline above a dek)
  0.601, // the line below is longer
  -0.777, // holds a printed date
  -0.702, // ends with a colon
  0.462, // a line that reads as a name right below (1/distance, 3 lines)
  1.192, // log times printed inside a longer line ("Share this on: <headline>")
];

export const HEADLINE_CONTEXT_WEIGHTS: readonly number[] = [
  2.024, // repeats the <title> (first line) below it
  -0.828, // is the first line
  -0.165, // is the first line, with a site name cut off
  1.745, // share of its words in the <title>
  3.206, // a byline or dateline (not a bare name) right below (1/distance, 3 lines)
  0.835, // a byline or dateline right above (2 lines)
  2.652, // above the first paragraph
  -2.262, // log lines to the first paragraph
  -0.165, // at most 3 lines above the first paragraph
  0.771, // log words
  -2.286, // fewer than 4 words
  -1.765, // more than 20 words
  -1.55, // ends with a period
  0.694, // ends with ? or !
  -0.226, // share of capitalised words
  -0.561, // all capitals
  0.495, // share of short lines around it (menu)
  0.159, // log times repeated elsewhere on the page
  3.729, // words (4+ letters) it shares with the first paragraphs, up to 6, over 6
  -1.315, // reads as prose (good line)
  -0.157, // position in the page (0 top, 1 bottom)
  -0.399, // holds a separator ( | , - )
  0.299, // share of digits
  -0.123, // a longer sentence below it (a dek)
  0.239, // reads as a person's name
  -0.047, // ends cut short ("..", "…")
  -0.288, // lines of 4+ words among the 3 above, bylines aside (a headline above a dek)
  0.452, // the line below is longer
  -0.613, // holds a printed date
  -0.72, // ends with a colon
  0.253, // a line that reads as a name right below (1/distance, 3 lines)
  0.979, // log times printed inside a longer line ("Share this on: <headline>")
  -0.771, // best first-stage score among the 2 lines above, minus its own (a headline above a dek or caption)
  0.002, // best first-stage score among the 2 lines below, minus its own
];
