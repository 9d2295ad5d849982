// Scraped text through the shared Markdown escaper and the page renderer comes out as the same
// text: no emphasis, links, lists, headings or entities appear that the page did not have.
import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeMarkdown } from "../src/parse/markdown.ts";
import { renderMarkdown } from "../src/render/markdown.ts";

const decode = (html: string): string =>
  html.replace(/<[^>]+>/g, "").replace(/&#x26;|&amp;/g, "&").replace(/&#x3C;|&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').trim();

test("escaped paragraphs render back to exactly their text", () => {
  const paragraphs = [
    "# 1 seed loses in straight sets",
    "1. The first step, said the minister.",
    "- dash-led quote from a tweet",
    "> a line that looks like a quote",
    "Prices rose *sharply* and _quickly_ [1] at <b>noon</b>, PG&E said &amp; more.",
    "A path like C:\\Users\\news and a `tick`.",
    "=== section ===",
    "| not | a | table |",
  ];
  for (const text of paragraphs) {
    const html = String(renderMarkdown(escapeMarkdown(text)));
    assert.match(html, /^<p>[\s\S]*<\/p>$/, `${text} stays one paragraph`);
    assert.ok(!/<(em|strong|a|h\d|ol|ul|blockquote|code|b)\b/.test(html), `${text} gains no markup: ${html}`);
    assert.equal(decode(html), text);
  }
});
