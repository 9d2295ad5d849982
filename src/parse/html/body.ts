// The article's main text and its images, from a parsed page: Mozilla's Readability picks the
// article's element (it measured best of the JavaScript libraries on page-html-dev, see the
// README), then this module walks that element into Markdown paragraphs, keeping captions and
// credits out of the text and images (with their caption) apart.
import { Readability } from "@mozilla/readability";
import type { Image } from "../../record/schema.ts";
import { squash, textBlocks, textOf, type HtmlDocument, type HtmlElement } from "./dom.ts";
import { CAPTION_CLASS, HIDDEN_CLASS, HTML_SETTINGS, SKIPPED_TAGS } from "./rules.ts";

/** A block of the article's text: a paragraph, a heading or a list item. */
export interface BodyBlock {
  text: string;
  kind: "paragraph" | "heading" | "item";
}

export interface HtmlBody {
  /** The article's text blocks, in page order, as plain text. */
  blocks: BodyBlock[];
  images: Image[];
}

/** The image's URL from the attributes lazy loaders use, resolved against the page's URL; null for none or inline data. */
function imageSource(img: HtmlElement, base: string | null): string | null {
  const srcset = img.getAttribute("srcset") ?? img.getAttribute("data-srcset");
  const raw = img.getAttribute("data-src") ?? img.getAttribute("data-original") ?? img.getAttribute("src") ?? srcset?.trim().split(/\s+/u)[0] ?? null;
  if (raw === null || raw.trim() === "" || /^data:/iu.test(raw.trim())) return null;
  try {
    return new URL(raw.trim(), base ?? undefined).href;
  } catch {
    return null;
  }
}

/** Whether an element is a caption or credit (a `<figcaption>` or a class that says so). */
function isCaption(el: HtmlElement): boolean {
  return el.localName === "figcaption" || CAPTION_CLASS.test(el.getAttribute("class") ?? "");
}

/** The caption printed with an image: its figure's `<figcaption>`, else a caption-classed sibling. */
function captionOf(img: HtmlElement): string {
  const figure = img.closest("figure");
  const caption = figure?.querySelector("figcaption");
  if (caption) return textOf(caption);
  for (let el = img.parentElement, depth = 0; el !== null && depth < 3; el = el.parentElement, depth++) {
    const sibling = Array.from(el.children).find((c) => c.localName !== "img" && isCaption(c));
    if (sibling) return textOf(sibling);
  }
  return "";
}

function imagesIn(article: HtmlElement, base: string | null): Image[] {
  const seen = new Set<string>();
  const images: Image[] = [];
  for (const img of Array.from(article.querySelectorAll("img"))) {
    const src = imageSource(img, base);
    const width = Number(img.getAttribute("width") ?? "0");
    // Tracking pixels and spacers are 1x1.
    if (src === null || seen.has(src) || (width > 0 && width <= HTML_SETTINGS.minImageWidth)) continue;
    seen.add(src);
    images.push({ alt: squash(img.getAttribute("alt")), caption: captionOf(img), src });
  }
  return images;
}

/** Whether an element is hidden from readers: `hidden`, `aria-hidden`, inline `display: none`, or a class that says so. */
function isHidden(el: HtmlElement): boolean {
  if (el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true") return true;
  if (/(?:display\s*:\s*none|visibility\s*:\s*hidden)/iu.test(el.getAttribute("style") ?? "")) return true;
  return HIDDEN_CLASS.test(el.getAttribute("class") ?? "");
}

/**
 * The article element as text blocks: runs between block-level elements, headings and list items
 * marked; captions, credits, figures, controls and hidden elements are left out.
 */
function blocksOf(article: HtmlElement): BodyBlock[] {
  return textBlocks(article, (el) => SKIPPED_TAGS.has(el.localName) || isCaption(el) || isHidden(el)).map((b) => ({
    text: b.text,
    kind: /^h[1-6]$/u.test(b.block.localName) ? "heading" : b.block.localName === "li" ? "item" : "paragraph",
  }));
}

/**
 * Runs Readability over `doc` (it changes the document: read the metadata first) and returns the
 * article's text blocks and images; none when it finds no article.
 */
export function extractBody(doc: HtmlDocument, base: string | null): HtmlBody {
  // Classes kept: the caption and hidden-element tests below read them, and Readability's pass
  // that strips them is one walk less (measured: parse 1.49x -> 1.31x of Readability alone).
  const result = new Readability<HtmlElement>(doc, { serializer: (el: unknown) => el as HtmlElement, disableJSONLD: true, keepClasses: true }).parse();
  const article = result?.content ?? null;
  if (article === null) return { blocks: [], images: [] };
  return { blocks: blocksOf(article), images: imagesIn(article, base) };
}
