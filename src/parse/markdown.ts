// Page text -> Markdown paragraph text that renders as the same text. One table for every parser:
// each entry is a CommonMark construct (spec 0.31) a plain sentence can trigger; order matters,
// backslashes go first.

const MARKDOWN_ESCAPES: readonly { pattern: RegExp; replacement: string }[] = [
  // §2.4 backslash escapes: a literal backslash would escape what follows it.
  { pattern: /\\/g, replacement: "\\\\" },
  // §6.1 code spans, §6.2 emphasis, §6.3–6.4 links and images, §6.5–6.6 autolinks and raw HTML.
  { pattern: /[`*_[\]<]/g, replacement: "\\$&" },
  // §2.5 entity references: "&amp;" in a story must stay "&amp;", while "PG&E" is already safe.
  { pattern: /&(?=#?\w+;)/g, replacement: "\\&" },
  // §4.2 ATX headings ("#1 seed"), §5.1 block quotes, §4.5 "~~~" fences, §5.2 "-"/"+" bullets,
  // §4.1 "---" breaks and §4.3 "===" setext underlines, and "|" (a table row in GFM renderers):
  // at the start of a paragraph these characters open a block.
  { pattern: /^([#>~+=|-])/, replacement: "\\$1" },
  // §5.2 ordered lists: "1. The first step" or "2) Then".
  { pattern: /^(\d{1,9})([.)])(?=\s|$)/, replacement: "$1\\$2" },
];

/** One paragraph of page text as Markdown that renders back to exactly that text. */
export function escapeMarkdown(text: string): string {
  return MARKDOWN_ESCAPES.reduce((out, { pattern, replacement }) => out.replace(pattern, replacement), text);
}
