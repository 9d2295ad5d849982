// The built fixture site in a real browser (Chromium through playwright-core): navigation by
// links, search through Pagefind, axe-core accessibility checks, screenshots.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildFixtureSite, serve, type BuiltSite } from "./helpers/site.ts";

const CHROMIUM = "/usr/bin/chromium";
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install -y chromium)`;
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** Screenshots are also kept here to look at by hand. */
const SHOTS = "/tmp/morgue-shots";

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

describe("site in a browser", { skip }, () => {
  let site: BuiltSite;
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  let shots: string;

  before(async () => {
    site = await buildFixtureSite({ search: true });
    server = await serve(site.outputDir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    shots = await mkdtemp(path.join(tmpdir(), "morgue-shots-"));
    await mkdir(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await site?.cleanup();
    if (shots) await rm(shots, { recursive: true, force: true });
  });

  async function axe(url: string): Promise<void> {
    await page.goto(`${server.url}${url}`);
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate("axe.run(document)")) as AxeResult;
    const problems = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(problems, [], `axe on ${url}`);
  }

  async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }

  test("home -> month -> article -> related story, by clicking links", async () => {
    await page.goto(`${server.url}/`);
    assert.equal(await page.title(), "Test Morgue");
    await screenshot("home");
    await page.getByRole("link", { name: "All months" }).click();
    await page.locator("#y-2020 ~ ul").getByRole("link", { name: "September" }).click();
    assert.equal(new URL(page.url()).pathname, "/2020/09/");
    assert.equal(await page.locator("h1").textContent(), "September 2020");
    await page.getByRole("link", { name: "US Threatens to Close Embassy in Baghdad" }).first().click();
    assert.equal(await page.locator("h1").textContent(), "US Threatens to Close Embassy in Baghdad");
    await screenshot("article");
    await page.locator(".related-dump").getByRole("link", { name: "US Grants Iraq New 60-Day Waiver to Import Iranian Gas" }).click();
    assert.equal(await page.locator("h1").textContent(), "US Grants Iraq New 60-Day Waiver to Import Iranian Gas");
    assert.match(page.url(), /\/2020\/09\/23\/us-grants-iraq-new-60-day-waiver-to-import-iranian-gas\/$/);
  });

  test("searching a word from the search box finds the story", async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole("searchbox", { name: "Search the archive" }).fill("retardant");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\/\?q=retardant/);
    const result = page.locator(".pagefind-ui__result-link").first();
    await result.waitFor({ timeout: 10_000 });
    assert.match((await result.textContent()) ?? "", /PG&E Shuts Power/);
    const filters = (await page.locator(".pagefind-ui__filter-panel").textContent()) ?? "";
    assert.match(filters, /Section/);
    assert.match(filters, /Year/);
    const excerpt = (await page.locator(".pagefind-ui__result-excerpt").first().textContent()) ?? "";
    assert.doesNotMatch(excerpt, /By Associated Press|2020-09-28/, "byline and dateline stay out of excerpts");
    await screenshot("search");
  });

  test("axe finds no violations on home, article, month and tag pages, light and dark", async () => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const url of ["/", "/2020/09/28/us-threatens-to-close-embassy-in-baghdad/", "/2020/09/", "/tag/iraq/"]) await axe(url);
    }
    await page.goto(`${server.url}/2020/09/28/us-threatens-to-close-embassy-in-baghdad/`);
    await screenshot("article-dark");
    await page.emulateMedia({ colorScheme: "light" });
  });

  test("pages read on a phone-sized screen without sideways scrolling", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const url of ["/", "/2020/09/28/us-threatens-to-close-embassy-in-baghdad/", "/2020/09/"]) {
      await page.goto(`${server.url}${url}`);
      const overflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assert.equal(overflow, 0, `${url} scrolls sideways`);
    }
    await screenshot("article-phone");
    await page.setViewportSize({ width: 1200, height: 900 });
  });
});
