// Weights of the headline line scorer (headline-model.ts): the first stage per feature of
// `FEATURE_NAMES`, the second per feature of `FEATURE_NAMES` then `CONTEXT_NAMES`, in that order.
// Trained by `node --import tsx src/eval/headline-train.ts --write` on the 94 pages of
// /work/shared/corpora/meta-dev (visible text, no <title>) and the same pages in page-text-dev (with
// it), labelled by meta-dev/truth.json: softmax regression, 400 Adam steps of 0.1 from zero, L2 0.003.
export const HEADLINE_WEIGHTS: readonly number[] = [
  2.247, // repeats the <title> (first line) below it
  -0.56, // is the first line
  -0.093, // is the first line, with a site name cut off
  2.37, // share of its words in the <title>
  3.57, // a byline or dateline (not a bare name) right below (1/distance, 3 lines)
  0.84, // a byline or dateline right above (2 lines)
  2.788, // above the first paragraph
  -2.305, // log lines to the first paragraph
  0.352, // at most 3 lines above the first paragraph
  1.021, // log words
  -2.296, // fewer than 4 words
  -2.428, // more than 20 words
  -2.361, // ends with a period
  0.324, // ends with ? or !
  -0.046, // share of capitalised words
  -0.506, // all capitals
  1.214, // share of short lines around it (menu)
  -0.044, // log times repeated elsewhere on the page
  3.603, // words (4+ letters) it shares with the first paragraphs, up to 6, over 6
  -0.731, // reads as prose (good line)
  0.246, // position in the page (0 top, 1 bottom)
  -0.322, // holds a separator ( | , - )
  0.033, // share of digits
  -0.643, // a longer sentence below it (a dek)
  -1.068, // reads as a person's name
  0.165, // ends cut short ("..", "…")
  -1.672, // lines of 4+ words among the 3 above, bylines aside (a headline above a dek)
  0.029, // the line below is longer
  -0.716, // holds a printed date
  -0.73, // ends with a colon
  0.542, // a line that reads as a name right below (1/distance, 3 lines)
  1.054, // log times printed inside a longer line ("Share this on: <headline>")
  1.09, // the same text again within 3 lines (a headline printed twice)
  1.625, // a longer line right below, then a byline or dateline (a headline above its dek)
  -0.192, // a shorter line of 4+ words right above, and a byline or dateline right below (a dek under its headline)
  -0.489, // words run together ("(This Morning)Some sunshine": a teaser's headline and text)
  -0.812, // opens with a quotation mark
  0.417, // a line of prose (a good line) within 6 lines below (1/distance)
];

export const HEADLINE_CONTEXT_WEIGHTS: readonly number[] = [
  2.024, // repeats the <title> (first line) below it
  -0.792, // is the first line
  -0.186, // is the first line, with a site name cut off
  1.661, // share of its words in the <title>
  3.194, // a byline or dateline (not a bare name) right below (1/distance, 3 lines)
  0.789, // a byline or dateline right above (2 lines)
  2.828, // above the first paragraph
  -2.266, // log lines to the first paragraph
  -0.112, // at most 3 lines above the first paragraph
  0.782, // log words
  -1.946, // fewer than 4 words
  -1.739, // more than 20 words
  -1.709, // ends with a period
  0.045, // ends with ? or !
  -0.174, // share of capitalised words
  -0.576, // all capitals
  0.687, // share of short lines around it (menu)
  -0.191, // log times repeated elsewhere on the page
  3.251, // words (4+ letters) it shares with the first paragraphs, up to 6, over 6
  -0.835, // reads as prose (good line)
  0.081, // position in the page (0 top, 1 bottom)
  -0.325, // holds a separator ( | , - )
  0.35, // share of digits
  -0.586, // a longer sentence below it (a dek)
  -0.273, // reads as a person's name
  0.176, // ends cut short ("..", "…")
  -0.737, // lines of 4+ words among the 3 above, bylines aside (a headline above a dek)
  0.144, // the line below is longer
  -0.646, // holds a printed date
  -0.824, // ends with a colon
  0.336, // a line that reads as a name right below (1/distance, 3 lines)
  0.782, // log times printed inside a longer line ("Share this on: <headline>")
  1.065, // the same text again within 3 lines (a headline printed twice)
  1.079, // a longer line right below, then a byline or dateline (a headline above its dek)
  0.266, // a shorter line of 4+ words right above, and a byline or dateline right below (a dek under its headline)
  -0.677, // words run together ("(This Morning)Some sunshine": a teaser's headline and text)
  -0.56, // opens with a quotation mark
  0.531, // a line of prose (a good line) within 6 lines below (1/distance)
  -0.782, // best first-stage score among the 2 lines above, minus its own (a headline above a dek or caption)
  -0.185, // best first-stage score among the 2 lines below, minus its own
];
