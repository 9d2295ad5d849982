// Article bodies, Markdown -> HTML. Raw HTML in a body is dropped (remark-rehype without
// `allowDangerousHtml`), and link/image URLs with a scripting scheme are removed, so a scraped
// body can add text and structure but never markup or script.
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
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

const processor = unified()
  .use(remarkParse)
  .use(remarkRehype)
  .use(() => stripUnsafeUrls)
  .use(rehypeStringify);

/** The HTML of a Markdown body. Made once per story at ingest (src/ingest.ts) and cached with its record. */
export function renderMarkdown(markdown: string): SafeHtml {
  return new SafeHtml(String(processor.processSync(markdown)));
}
