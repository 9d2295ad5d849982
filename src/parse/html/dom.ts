// The part of the DOM the HTML parser uses, as linkedom provides it, typed here because the project
// compiles without the browser's DOM library; and the page's text read the way a browser shows it.
import { createRequire } from "node:module";
import type { parseHTML as ParseHTML } from "linkedom";
import { BLOCK_TAGS } from "./rules.ts";

// linkedom is loaded when the first page is parsed (its CommonJS build, the one `require` can
// load from a parser that does not wait): it took about 90 ms of every build's start-up, and most
// content folders hold no HTML.
let parseHTML: typeof ParseHTML | null = null;
const linkedom = (): typeof ParseHTML => (parseHTML ??= (createRequire(import.meta.url)("linkedom") as { parseHTML: typeof ParseHTML }).parseHTML);

/** An element of a parsed page (linkedom's, structurally). */
export interface HtmlElement {
  readonly localName: string;
  readonly textContent: string | null;
  readonly children: ArrayLike<HtmlElement>;
  readonly parentElement: HtmlElement | null;
  readonly childNodes: ArrayLike<HtmlNode>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
  closest(selector: string): HtmlElement | null;
  remove(): void;
}

/** A node: an element (nodeType 1) or text (3); others are skipped. */
export interface HtmlNode {
  readonly nodeType: number;
  readonly textContent: string | null;
}

export interface HtmlDocument {
  readonly documentElement: HtmlElement | null;
  readonly head: HtmlElement | null;
  readonly body: HtmlElement | null;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
  getElementsByTagName(tag: string): ArrayLike<HtmlElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses a page; never throws on bad markup (linkedom's parser, htmlparser2, is forgiving). */
export function parseDocument(html: string): HtmlDocument {
  return (linkedom()(html) as unknown as { document: HtmlDocument }).document;
}

/** Text with whitespace runs collapsed to one space and trimmed, as a browser lays out inline text. */
export function squash(text: string | null | undefined): string {
  return (text ?? "").replace(/[\s\u00A0\u200B]+/gu, " ").trim();
}

/** The squashed text of an element. */
export const textOf = (el: HtmlElement | null | undefined): string => squash(el?.textContent);

/** Elements by tag name (linkedom gives none for "*"): a plain walk, several times cheaper than a selector query in linkedom. */
export const byTag = (doc: HtmlDocument, tag: string): HtmlElement[] => Array.from(doc.getElementsByTagName(tag));

/** The elements of a query as an array. */
export const all = (root: HtmlDocument | HtmlElement, selector: string): HtmlElement[] => Array.from(root.querySelectorAll(selector));

/** A run of text between block boundaries, with the block element it sits in. */
export interface TextBlock {
  text: string;
  block: HtmlElement;
}

/**
 * The text of `root` as a browser lays it out, one entry per run between block-level elements
 * (`BLOCK_TAGS`; a `<br>` is a space), skipping elements for which `skip` is true.
 */
export function textBlocks(root: HtmlElement, skip: (el: HtmlElement) => boolean): TextBlock[] {
  const out: TextBlock[] = [];
  let run = "";
  let owner = root;
  const flush = (): void => {
    const text = squash(run);
    if (text !== "") out.push({ text, block: owner });
    run = "";
  };
  const walk = (node: HtmlNode, block: HtmlElement): void => {
    if (node.nodeType === TEXT_NODE) {
      if (run === "") owner = block;
      run += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as unknown as HtmlElement;
    if (skip(el)) return;
    if (el.localName === "br") {
      run += " ";
      return;
    }
    const isBlock = BLOCK_TAGS.has(el.localName);
    if (isBlock) flush();
    for (const child of Array.from(el.childNodes)) walk(child, isBlock ? el : block);
    if (isBlock) flush();
  };
  walk(root as unknown as HtmlNode, root);
  flush();
  return out;
}
