// Scraped text through the shared Markdown escaper and the page renderer comes out as the same
// text: no emphasis, links, lists, headings or entities appear that the page did not have.
import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeMarkdown } from "../src/parse/markdown.ts";
import { loadMarkdown, MarkdownNotLoaded, renderMarkdown } from "../src/render/markdown.ts";

const decode = (html: string): string =>
  html.replace(/<[^>]+>/g, "").replace(/&#x26;|&amp;/g, "&").replace(/&#x3C;|&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').trim();

// First in this file (each test file runs in a process of its own): nothing has loaded remark yet.
test("remark is loaded only for a body that needs it, and a hand-edited body with Markdown still becomes HTML (issue 16)", async () => {
  const { readFileSync } = await import("node:fs");
  const path = await import("node:path");
  const { ingestDumpLoading } = await import("../src/ingest/ingest.ts");
  assert.equal(String(renderMarkdown("Plain words, one paragraph.\n\nAnother one.")), "<p>Plain words, one paragraph.</p>\n<p>Another one.</p>");
  assert.throws(() => renderMarkdown("Some *emphasis*"), MarkdownNotLoaded, "not loaded for plain bodies");
  const input = { file: "sample.txt", bytes: new Uint8Array(readFileSync(path.join(import.meta.dirname, "..", "content", "000_232c69b19052f130.txt"))), existing: null, timezone: "America/New_York", reuse: true };
  const fresh = await ingestDumpLoading(input);
  assert.ok(fresh.write && fresh.html?.text.startsWith("<p>"), "a dump's plain body needs no remark");
  assert.throws(() => renderMarkdown("Some *emphasis*"), MarkdownNotLoaded, "still not loaded");
  // The archivist adds a link and emphasis to the record's body: remark is loaded for it.
  const edited = fresh.write.replace(/\n\n([^\n]+)\n*$/, "\n\nRead *the* [statement](https://example.org/s).\n");
  assert.notEqual(edited, fresh.write);
  const kept = await ingestDumpLoading({ ...input, existing: edited });
  assert.ok(kept.correction, "kept as a hand correction");
  assert.match(kept.html?.text ?? "", /<p>Read <em>the<\/em> <a href="https:\/\/example.org\/s">statement<\/a>.<\/p>$/);
  assert.equal(String(renderMarkdown("Some *emphasis*")), "<p>Some <em>emphasis</em></p>", "loaded from now on");
});

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

test("plain paragraphs skip remark and give the same bytes as remark: dev corpora and generated text (issue 16)", async () => {
  await loadMarkdown();
  const fc = (await import("fast-check")).default;
  const { readdirSync, readFileSync, existsSync } = await import("node:fs");
  const path = await import("node:path");
  const { renderMarkdownWithRemark } = await import("../src/render/markdown.ts");
  const same = (markdown: string): void => assert.equal(String(renderMarkdown(markdown)), String(renderMarkdownWithRemark(markdown)), JSON.stringify(markdown));
  // Every line of the dev corpora's page text, as a generated body would hold it.
  const corpora = path.join(import.meta.dirname, "..", "..", "shared", "corpora");
  let lines = 0;
  for (const corpus of ["page-text-dev", "meta-dev"]) {
    const dumps = path.join(corpora, corpus, "dumps");
    if (!existsSync(dumps)) continue;
    for (const file of readdirSync(dumps).sort()) {
      const text = readFileSync(path.join(dumps, file), "utf8").split("\n").map((l) => l.trim()).filter(Boolean);
      same(text.map(escapeMarkdown).join("\n\n"));
      lines += text.length;
    }
  }
  same(readFileSync(path.join(import.meta.dirname, "..", "content", "000_232c69b19052f130.txt"), "utf8").split("\n").filter((l) => l.trim()).map((l) => escapeMarkdown(l.trim())).join("\n\n"));
  // Hand-written Markdown (links, emphasis, lists, entities, breaks) and random text rich in syntax.
  for (const md of ["A [link](https://x.org) and *em*", "1. one\n2. two", "Tom &amp; Jerry", "line  \nbreak", "    code", "\\q not an escape", "end\\", "a\u0000b", "x\ud800y", ""]) same(md);
  const alphabet = fc.constantFrom(..."ab 1.#>-+=|*_`[]()<>&;!\\~\t\n\u00a0é😀".split(""), "&amp;", "&#35;", "\n\n", "1. ", "http://x.y");
  fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join("")), (text) => {
    same(text);
    same(text.split("\n").map((l) => escapeMarkdown(l.trim())).filter(Boolean).join("\n\n"));
  }), { numRuns: 3000 });
  assert.ok(lines === 0 || lines > 1000, `read ${lines} corpus lines`);
});
