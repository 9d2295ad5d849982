// Weights of the headline line scorer (headline-model.ts): the first stage per feature of
// `FEATURE_NAMES`, the second per feature of `FEATURE_NAMES` then `CONTEXT_NAMES`, in that order.
// Trained by `node --import tsx src/eval/headline-train.ts --write` on the 94 pages of
// /work/shared/corpora/meta-dev (visible text, no <title>) and the same pages in page-text-dev (with
// it), labelled by meta-dev/truth.json: softmax regression, 400 Adam steps of 0.1 from zero, L2 0.003.
export const HEADLINE_WEIGHTS: readonly number[] = [
  2.176, // repeats the <title> (first line) below it
  -0.591, // is the first line
  -0.16, // is the first line, with a site name cut off
  2.393, // share of its words in the <title>
  3.305, // a byline or dateline (not a bare name) right below (1/distance, 3 lines)
  0.962, // a byline or dateline right above (2 lines)
  2.648, // above the first paragraph
  -2.37, // log lines to the first paragraph
  0.148, // at most 3 lines above the first paragraph
  0.838, // log words
  -2.528, // fewer than 4 words
  -2.578, // more than 20 words
  -2.308, // ends with a period
  0.877, // ends with ? or !
  -0.081, // share of capitalised words
  -0.575, // all capitals
  0.86, // share of short lines around it (menu)
  0.215, // log times repeated elsewhere on the page
  4.036, // words (4+ letters) it shares with the first paragraphs, up to 6, over 6
  -1.052, // reads as prose (good line)
  -0.112, // position in the page (0 top, 1 bottom)
  -0.476, // holds a separator ( | , - )
  -0.498, // share of digits
  -0.255, // a longer sentence below it (a dek)
  -0.51, // reads as a person's name
  -0.651, // ends cut short ("..", "…")
  -1.405, // lines of 4+ words among the 3 above, bylines aside (a headline above a dek)
  0.627, // the line below is longer
  -0.721, // holds a printed date
  -0.688, // ends with a colon
  0.428, // a line that reads as a name right below (1/distance, 3 lines)
  1.13, // log times printed inside a longer line ("Share this on: <headline>")
];

export const HEADLINE_CONTEXT_WEIGHTS: readonly number[] = [
  2.017, // repeats the <title> (first line) below it
  -0.837, // is the first line
  -0.181, // is the first line, with a site name cut off
  1.695, // share of its words in the <title>
  3.104, // a byline or dateline (not a bare name) right below (1/distance, 3 lines)
  0.82, // a byline or dateline right above (2 lines)
  2.688, // above the first paragraph
  -2.158, // log lines to the first paragraph
  -0.153, // at most 3 lines above the first paragraph
  0.739, // log words
  -2.369, // fewer than 4 words
  -1.69, // more than 20 words
  -1.501, // ends with a period
  0.747, // ends with ? or !
  -0.196, // share of capitalised words
  -0.547, // all capitals
  0.399, // share of short lines around it (menu)
  0.132, // log times repeated elsewhere on the page
  3.745, // words (4+ letters) it shares with the first paragraphs, up to 6, over 6
  -1.302, // reads as prose (good line)
  -0.181, // position in the page (0 top, 1 bottom)
  -0.423, // holds a separator ( | , - )
  -0.167, // share of digits
  -0.186, // a longer sentence below it (a dek)
  0.457, // reads as a person's name
  -0.03, // ends cut short ("..", "…")
  -0.264, // lines of 4+ words among the 3 above, bylines aside (a headline above a dek)
  0.466, // the line below is longer
  -0.571, // holds a printed date
  -0.696, // ends with a colon
  0.184, // a line that reads as a name right below (1/distance, 3 lines)
  0.935, // log times printed inside a longer line ("Share this on: <headline>")
  -0.797, // best first-stage score among the 2 lines above, minus its own (a headline above a dek or caption)
  -0.012, // best first-stage score among the 2 lines below, minus its own
];
