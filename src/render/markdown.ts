// Article bodies, Markdown -> HTML. Raw HTML in a body is dropped (remark-rehype without
// `allowDangerousHtml`), and link/image URLs with a scripting scheme are removed, so a scraped
// body can add text and structure but never markup or script.
import type { Processor } from "unified";
import type { Root, Element, RootContent } from "hast";
import { SafeHtml } from "./html.ts";

const URL_PROPERTIES = ["href", "src", "cite", "action", "formAction", "poster"] as const;
/** Relative URLs, fragments and these schemes are kept; anything else (javascript:, data:, vbscript:) is dropped. */
const SAFE_URL = /^(?:https?:|mailto:|[^:]*$|[^:]*[/?#])/i;

function stripUnsafeUrls(node: Root | RootContent): void {
  if (node.type === "element") {
    const element = node as Element;
    for (const key of URL_PROPERTIES) {
      const value = element.properties[key];
      if (typeof value === "string" && !SAFE_URL.test(value.trim())) delete element.properties[key];
    }
  }
  if ("children" in node) for (const child of node.children) stripUnsafeUrls(child);
}

/** remark and rehype, once `loadMarkdown` has loaded them. */
let processor: Pick<Processor, "processSync"> | null = null;

/** Thrown by `renderMarkdown` for a body that needs remark before `loadMarkdown` has loaded it. */
export class MarkdownNotLoaded extends Error {
  constructor() {
    super("internal: remark is not loaded (await loadMarkdown() first)");
  }
}

/**
 * Loads remark and rehype, unless `markdown` is given and is plain paragraphs (which need neither).
 * They are ES modules only, so they cannot be loaded on first use by the synchronous
 * `renderMarkdown`; and most builds never need them (bodies morgue writes are plain paragraphs),
 * while loading them cost every build that parsed a dump about 190 ms (unified, remark-parse,
 * remark-rehype and rehype-stringify, measured one after the other on this machine).
 */
export async function loadMarkdown(markdown?: string): Promise<void> {
  if (processor !== null || (markdown !== undefined && plainParagraphsHtml(markdown) !== null)) return;
  const [{ unified }, { default: remarkParse }, { default: remarkRehype }, { default: rehypeStringify }] = await Promise.all([
    import("unified"),
    import("remark-parse"),
    import("remark-rehype"),
    import("rehype-stringify"),
  ]);
  processor ??= unified()
    .use(remarkParse)
    .use(remarkRehype)
    .use(() => stripUnsafeUrls)
    .use(rehypeStringify);
}

function remark(markdown: string): string {
  if (processor === null) throw new MarkdownNotLoaded();
  return String(processor.processSync(markdown));
}

/**
 * Markdown that is only plain paragraphs, which the fast path turns into the same HTML as remark:
 * one line each, no tab, control character or space at either end, and no Markdown syntax except
 * backslash escapes of ASCII punctuation (exactly what `escapeMarkdown` writes for page text).
 * `SYNTAX` finds, in order: an escape (fine), a character that could open inline syntax or an
 * entity reference (not plain).
 */
const PLAIN_PARAGRAPH = /^[^\s\p{Cc}](?:[^\n\r\t\p{Cc}]*[^\s\p{Cc}])?$/u;
const SYNTAX = /\\[!-/:-@[-`{-~]|[`*_[\]<\\]|&#?\w+;/g;
/** Characters that open a block at the start of a paragraph (ATX heading, quote, fence, list, break, table). */
const BLOCK_START = /^(?:[#>~+=|*-]|\d{1,9}[.)](?:\s|$))/;

/** The paragraphs' HTML as remark-rehype and rehype-stringify write it, or null when the Markdown is not plain. */
function plainParagraphsHtml(markdown: string): string | null {
  if (markdown === "") return "";
  const out: string[] = [];
  for (const paragraph of markdown.split("\n\n")) {
    if (!PLAIN_PARAGRAPH.test(paragraph) || BLOCK_START.test(paragraph)) return null;
    let text = "";
    let last = 0;
    for (const m of paragraph.matchAll(SYNTAX)) {
      if (m[0].length !== 2 || m[0][0] !== "\\") return null;
      text += paragraph.slice(last, m.index) + m[0][1];
      last = m.index + 2;
    }
    text += paragraph.slice(last);
    out.push(`<p>${text.replace(/&/g, "&#x26;").replace(/</g, "&#x3C;")}</p>`);
  }
  return out.join("\n");
}

/**
 * The HTML of a Markdown body. Made once per story at ingest (src/ingest/ingest.ts) and cached with its
 * record. Bodies morgue wrote from page text are plain paragraphs and skip the Markdown round trip
 * (remark-parse, remark-rehype and rehype-stringify cost 0.73 ms a story, 28% of ingest, in the
 * last profile); anything else, such as a body edited by hand with links or emphasis, goes through
 * remark. Both give the same bytes: tests/markdown.test.ts checks it on the dev corpora and on
 * generated text. A body that needs remark throws `MarkdownNotLoaded` until `loadMarkdown` has run.
 */
export function renderMarkdown(markdown: string): SafeHtml {
  return new SafeHtml(plainParagraphsHtml(markdown) ?? remark(markdown));
}

/** The HTML of a Markdown body through remark and rehype only: what the fast path must equal. */
export function renderMarkdownWithRemark(markdown: string): SafeHtml {
  return new SafeHtml(remark(markdown));
}
