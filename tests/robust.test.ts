// Hostile and awkward input, end to end: nothing escapes the output folder, nothing is lost,
// encodings are read, duplicates merge, a failing build leaves the previous site alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, rmSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "../src/build.ts";
import { allFiles, assertSameSite } from "./helpers/tree.ts";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const sample = readFileSync(path.join(root, "content", "000_232c69b19052f130.txt"), "utf8");

/** The sample with another headline (and optionally another day and body). */
function variant(title: string, options: { day?: string; body?: string } = {}): string {
  let text = sample.replace("US Threatens to Close Embassy in Baghdad", title);
  if (options.day) text = text.replace("date 2020-09-28", `date ${options.day}`);
  if (options.body) text = text.replace(/The United States is threatening[\s\S]*?(?=\nRelated Stories)/, `${options.body}\n`);
  return text;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** A content folder with the sample and story variants, `[headline, day]` each, as b.txt, c.txt, ... */
function contentFolder(work: string, variants: [string, string][]): string {
  const content = path.join(work, "content");
  mkdirSync(content);
  writeFileSync(path.join(content, "a.txt"), sample);
  variants.forEach(([title, day], i) => writeFileSync(path.join(content, `${String.fromCharCode(98 + i)}.txt`), variant(title, { day })));
  return content;
}

test("a hostile corpus builds: every dump is a story or in the report, and nothing is written outside the output", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "morgue-robust-"));
  const content = path.join(work, "content");
  const site = path.join(work, "out", "site");
  mkdirSync(content, { recursive: true });
  const dumps: Record<string, string | Uint8Array> = {
    "sample.txt": sample,
    "sample-again.txt": sample.replace("5,200 to 3,000.", "5,200 to 3,000, officials said."),
    "same-headline.txt": variant("US Threatens to Close Embassy in Baghdad", { body: "An unrelated report about crops and rainfall in the valley, written by another desk entirely.\n\nFarmers said the harvest came late this year." }),
    "traversal.txt": variant("../../../../etc/passwd/.. \\ evil"),
    "latin1.txt": Uint8Array.from([...variant("Caf\u00e9 Owners in Zurich Protest")].map((c) => c.charCodeAt(0))),
    "utf16.txt": utf16le(variant("Zoë’s Résumé Goes Viral", { day: "2019-01-02" })),
    "nul.txt": `${sample}\u0000\u0000`,
    "one-line.txt": `Headline of a page saved as one line ${"word ".repeat(2_000_000)}`,
  };
  for (const [name, data] of Object.entries(dumps)) writeFileSync(path.join(content, name), data);

  const result = await build({ contentDir: content, outputDir: site, search: false });

  const failed = new Set(result.report.failures.map((f) => f.file));
  const duplicated = new Set(result.report.duplicates.flatMap((d) => d.also));
  const catalog = JSON.parse(readFileSync(path.join(site, "catalog.json"), "utf8")) as { articles: { url: string; title: string; sourceFiles: string[] }[] };
  const built = new Set(catalog.articles.flatMap((a) => a.sourceFiles));
  for (const name of Object.keys(dumps)) {
    assert.ok(built.has(name) || failed.has(name) || duplicated.has(name), `${name} is a story or in the report`);
  }
  assert.ok(failed.has("nul.txt"), "NUL bytes are refused with a message");
  assert.deepEqual(result.report.duplicates, [{ kept: "sample-again.txt", also: ["sample.txt"] }]);
  const embassy = catalog.articles.filter((a) => a.title === "US Threatens to Close Embassy in Baghdad");
  assert.equal(embassy.length, 2, "a different story under the same headline and day is its own story");
  assert.notEqual(embassy[0]!.url, embassy[1]!.url);
  assert.ok(catalog.articles.some((a) => a.title === "Café Owners in Zurich Protest"), "Latin-1 decoded");
  assert.ok(catalog.articles.some((a) => a.title === "Zoë’s Résumé Goes Viral"), "UTF-16 decoded");

  const outside = allFiles(work).filter((f) => !f.startsWith(site) && !f.startsWith(content));
  assert.deepEqual(outside, [], "nothing written outside the output and content folders");
  for (const a of catalog.articles) assert.ok(!a.url.includes(".."), a.url);
  rmSync(work, { recursive: true, force: true });
});

test("a build that fails halfway leaves the previous site as it was", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "morgue-atomic-"));
  const content = path.join(work, "content");
  const site = path.join(work, "site");
  mkdirSync(content);
  writeFileSync(path.join(content, "sample.txt"), sample);
  await build({ contentDir: content, outputDir: site, search: false });
  const before = readFileSync(path.join(site, "index.html"), "utf8");

  writeFileSync(path.join(content, "second.txt"), variant("A Second Story Arrives", { day: "2020-10-01" }));
  await assert.rejects(
    build({
      contentDir: content,
      outputDir: site,
      search: false,
      stages: {
        render: async (_archive, _config, staging) => {
          writeFileSync(path.join(staging, "index.html"), "half a site");
          throw new Error("disk full");
        },
      },
    }),
    /disk full/,
  );
  assert.equal(readFileSync(path.join(site, "index.html"), "utf8"), before);
  assert.deepEqual(readdirSync(work).sort(), ["content", "site"], "the staging folder is cleaned up");
  assert.ok(existsSync(path.join(site, "2020", "09", "28")));

  // A build that succeeds moves what changed into the site (see the issue 16 test: what did not
  // change stays as it is); nothing is left beside the site.
  await build({ contentDir: content, outputDir: site, search: false });
  assert.deepEqual(readdirSync(work).sort(), ["content", "site"]);
  assert.match(readFileSync(path.join(site, "index.html"), "utf8"), /A Second Story Arrives/);
  rmSync(path.join(content, "second.txt"));
  await build({ contentDir: content, outputDir: site, search: false });
  assert.deepEqual(readdirSync(work).sort(), ["content", "site"]);
  assert.equal(readFileSync(path.join(site, "index.html"), "utf8"), before);
  assert.ok(!existsSync(path.join(site, "2020", "10")), "the deleted story's pages and folders are gone");

  // Without the record of what the last build wrote (a build stopped while moving files in), the
  // whole site is made again beside it and takes its place; the next build removes the old one.
  rmSync(path.join(content, ".morgue-cache", "pages.json"));
  await build({ contentDir: content, outputDir: site, search: false });
  assert.deepEqual(readdirSync(work).sort(), [".site-previous", "content", "site"]);
  assert.equal(readFileSync(path.join(work, ".site-previous", "index.html"), "utf8"), before, "the replaced site is kept until the next build");
  writeFileSync(path.join(content, "second.txt"), variant("A Second Story Arrives", { day: "2020-10-01" }));
  await build({ contentDir: content, outputDir: site, search: false });
  assert.deepEqual(readdirSync(work).sort(), ["content", "site"], "the next build removes it");
  rmSync(work, { recursive: true, force: true });
});

test("rendering in slices (as large archives do) writes the same site, byte for byte", async () => {
  const { renderSite } = await import("../src/render/site.ts");
  const work = mkdtempSync(path.join(tmpdir(), "morgue-slices-"));
  const content = contentFolder(work, [
    ["A Second Story Arrives", "2020-10-01"],
    ["A Third Story From Last Year", "2019-03-04"],
  ]);
  const whole = path.join(work, "whole");
  const sliced = path.join(work, "sliced");
  const one = await build({ contentDir: content, outputDir: whole, search: false });
  const many = await build({
    contentDir: content,
    outputDir: sliced,
    search: false,
    stages: { render: (archive, config, out, options) => renderSite(archive, config, out, { ...options, articlesPerRun: 1 }) },
  });
  assert.equal(many.pages, one.pages);
  assertSameSite(sliced, whole);
  rmSync(work, { recursive: true, force: true });
});

/** Story, day, month, year, section and tag pages: the pages a rebuild can take from the last build. */
function pagedFiles(site: string): string[] {
  return allFiles(site)
    .map((f) => path.relative(site, f))
    .filter((f) => f.endsWith("index.html") && /^(\d{4}\/|section\/[^/]+\/|tag\/[^/]+\/)/.test(f));
}

/** A story of tests/fixtures/related as a dump, on `day`. */
function fixtureDump(id: string, day: string): string {
  const story = relatedStories.find((s) => s.id === id) as { title: string; body: string };
  return variant(story.title, { day, body: story.body });
}
const relatedStories = JSON.parse(readFileSync(path.join(root, "tests", "fixtures", "related", "stories.json"), "utf8")) as { id: string; title: string; body: string }[];

/** Per story headline, the headlines of its related stories, from the site's catalog. */
function relatedByTitle(site: string): Map<string, string[]> {
  const catalog = JSON.parse(readFileSync(path.join(site, "catalog.json"), "utf8")) as { articles: { url: string; title: string; related: string[] }[] };
  const titleOf = new Map(catalog.articles.map((a) => [a.url, a.title]));
  return new Map(catalog.articles.map((a) => [a.title, a.related.map((url) => titleOf.get(url) ?? url)]));
}

test("regression (issue 16): rebuilds after adding, changing and deleting dumps reuse unchanged pages of every kind and search shards, and equal a cold build byte for byte (search index and related stories included)", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "morgue-incremental-"));
  const content = contentFolder(work, [
    ["A Second Story Arrives", "2020-10-01"],
    ["A Third Story From Last Year", "2019-03-04"],
    ["A Fourth Story, Two Years Back", "2018-06-07"],
  ]);
  // Stories on two subjects, whose computed related stories each step below changes.
  writeFileSync(path.join(content, "v1.txt"), fixtureDump("a1", "2021-05-01"));
  writeFileSync(path.join(content, "v2.txt"), fixtureDump("a2", "2021-05-02"));
  writeFileSync(path.join(content, "r1.txt"), fixtureDump("b1", "2021-05-03"));
  writeFileSync(path.join(content, "r2.txt"), fixtureDump("b2", "2021-05-04"));
  const site = path.join(work, "site");
  const first = await build({ contentDir: content, outputDir: site, search: true });
  assert.equal(first.reusedPages, 0);

  const before = new Map(allFiles(site).map((f) => [f, statSync(f).mtimeMs]));
  const lines: string[] = [];
  const same = await build({ contentDir: content, outputDir: site, search: true, log: (l) => lines.push(l) });
  assert.ok(same.upToDate, "nothing changed: the build has nothing to do");
  assert.deepEqual(new Map(allFiles(site).map((f) => [f, statSync(f).mtimeMs])), before, "nothing changed: the site is left as it was, file for file");
  assert.deepEqual(lines, first.lines, "nothing changed: the last build's report is printed again");
  assert.deepEqual(same.report, first.report);

  const volcano = relatedStories.find((s) => s.id === "a1")?.title as string;
  const fissure = relatedStories.find((s) => s.id === "a3")?.title as string;
  const crowds = relatedStories.find((s) => s.id === "a2")?.title as string;
  const steps: [string, () => void][] = [
    [
      "added",
      () => {
        writeFileSync(path.join(content, "e.txt"), variant("A Fifth Story Comes Last", { day: "2020-12-01" }));
        writeFileSync(path.join(content, "v3.txt"), fixtureDump("a3", "2021-05-05"));
      },
    ],
    [
      "changed",
      () => {
        writeFileSync(path.join(content, "c.txt"), variant("A Third Story From Last Year", { day: "2019-03-05" }));
        writeFileSync(path.join(content, "v2.txt"), fixtureDump("b3", "2021-05-02"));
      },
    ],
    [
      "deleted",
      () => {
        rmSync(path.join(content, "d.txt"));
        rmSync(path.join(content, "v3.txt"));
      },
    ],
    // The newest month has a search shard of its own (src/render/search.ts): a story in a new month
    // folds May into its year's shard, and one in a new year folds the whole of 2021 into one.
    [
      "new month",
      () => writeFileSync(path.join(content, "m.txt"), variant("A Story Opens June", { day: "2021-06-01", body: "Harbour pilots in the northern port began a strike over pay on Tuesday." })),
    ],
    [
      "new year",
      () => writeFileSync(path.join(content, "y.txt"), variant("A Story Opens the Year", { day: "2022-01-02", body: "The orchestra gave its first concert of the year in the restored town hall." })),
    ],
  ];
  const shardsAfter: Record<string, string[]> = {
    "new month": ["2019/", "2020/", "2021/", "2021-06/"],
    "new year": ["2019/", "2020/", "2021/", "2022-01/"],
  };
  assert.ok(existsSync(path.join(content, ".morgue-cache", "related.bin")), "the build keeps its related-story state for the next");
  const relatedBefore = relatedByTitle(site).get(volcano);
  assert.deepEqual(relatedBefore, [crowds], "the volcano story's related stories before the changes");
  // What each step does to the volcano story's list: the new story on its subject joins it, the one
  // rewritten on another subject leaves it, and the removed one is gone.
  const expectedRelated: Record<string, (titles: string[]) => boolean> = {
    added: (titles) => titles.includes(crowds) && titles.includes(fissure),
    changed: (titles) => titles.includes(fissure) && !titles.includes(crowds),
    deleted: (titles) => !titles.includes(fissure),
    "new month": (titles) => !titles.includes(fissure),
    "new year": (titles) => !titles.includes(fissure),
  };
  for (const [label, change] of steps) {
    const inodes = new Map(pagedFiles(site).map((f) => [f, statSync(path.join(site, f)).ino]));
    change();
    const next = await build({ contentDir: content, outputDir: site, search: true });
    assert.ok(next.reusedPages > 0 && next.reusedPages < pagedFiles(site).length, `${label}: some pages reused, some made again (${next.reusedPages})`);
    // The site is updated in place: a reused page is the very file it was (a web server serving it never sees it missing).
    const kept = pagedFiles(site).filter((f) => inodes.get(f) === statSync(path.join(site, f)).ino);
    assert.equal(kept.length, next.reusedPages, `${label}: the pages reused are left in place, the others replaced`);
    // A cold build of the same dumps, from a copy of the content folder without records or caches.
    const scratch = path.join(work, `cold-${label}`);
    cpSync(content, path.join(scratch, "content"), { recursive: true, filter: (f) => !/(records|\.morgue-cache)$/.test(f) });
    await build({ contentDir: path.join(scratch, "content"), outputDir: path.join(scratch, "site"), search: true, cache: false });
    assertSameSite(site, path.join(scratch, "site"));
    if (shardsAfter[label]) assert.deepEqual(JSON.parse(readFileSync(path.join(site, "pagefind", "shards.json"), "utf8")).shards, shardsAfter[label], `${label}: the search shards`);
    const titles = relatedByTitle(site).get(volcano) ?? [];
    assert.ok(expectedRelated[label]?.(titles), `${label}: the volcano story's related stories follow the change (${titles.join("; ")})`);
  }

  // Another story in the newest month re-indexes that month's shard only: the years' shards stay, file for file.
  const entryInode = (key: string): number => statSync(path.join(site, "pagefind", key, "pagefind-entry.json")).ino;
  const shardInodes = new Map(["2019", "2020", "2021", "2022-01"].map((key) => [key, entryInode(key)]));
  writeFileSync(path.join(content, "y2.txt"), variant("A Second Story of the New Year", { day: "2022-01-03", body: "Snow closed the mountain pass for the second time this winter." }));
  await build({ contentDir: content, outputDir: site, search: true });
  for (const key of ["2019", "2020", "2021"]) assert.equal(entryInode(key), shardInodes.get(key), `search shard ${key} left as it was`);
  assert.notEqual(entryInode("2022-01"), shardInodes.get("2022-01"), "the newest month's shard indexed again");

  // A record corrected by hand is an input like a dump: the build is not "up to date" after it.
  const recordsDir = path.join(content, "records");
  const record = path.join(recordsDir, readdirSync(recordsDir).filter((f) => f.endsWith(".md")).sort()[0]!);
  writeFileSync(record, readFileSync(record, "utf8").replace(/^title: .*$/m, "title: A Headline Corrected By Hand"));
  const corrected = await build({ contentDir: content, outputDir: site, search: true });
  assert.ok(!corrected.upToDate, "a hand-edited record is built");
  assert.ok(allFiles(site).some((f) => f.endsWith(".html") && readFileSync(f, "utf8").includes("A Headline Corrected By Hand")), "the corrected headline is on the site");

  // So are the settings: a new title is on every page.
  const retitled = await build({ contentDir: content, outputDir: site, search: true, config: { title: "The Retitled Morgue" } });
  assert.ok(!retitled.upToDate && readFileSync(path.join(site, "index.html"), "utf8").includes("The Retitled Morgue"), "changed settings are built");

  const retitle = { title: "The Retitled Morgue" };
  assert.ok((await build({ contentDir: content, outputDir: site, search: true, config: retitle })).upToDate);
  const tampered = path.join(site, "2019", "index.html");
  writeFileSync(tampered, "edited by hand");
  const remade = await build({ contentDir: content, outputDir: site, search: true, config: retitle });
  assert.ok(!remade.upToDate);
  assert.notEqual(readFileSync(tampered, "utf8"), "edited by hand", "a page changed by hand in the site is made again");
  // So is a page made from the whole archive, or a feed.
  for (const file of ["index.html", "feed.xml"]) {
    writeFileSync(path.join(site, file), "edited by hand");
    const again = await build({ contentDir: content, outputDir: site, search: true, config: retitle });
    assert.ok(!again.upToDate && readFileSync(path.join(site, file), "utf8") !== "edited by hand", `${file} changed by hand is made again`);
  }
  // And the search index: deleted from the site by hand, it is made again, every year of it.
  const years = readdirSync(path.join(site, "pagefind")).filter((name) => /^\d{4}$/.test(name)).sort();
  rmSync(path.join(site, "pagefind"), { recursive: true });
  const reindexed = await build({ contentDir: content, outputDir: site, search: true, config: retitle });
  assert.ok(!reindexed.upToDate, "a site without its search index is built");
  assert.deepEqual(readdirSync(path.join(site, "pagefind")).filter((name) => /^\d{4}$/.test(name)).sort(), years);
  for (const year of years) assert.ok(existsSync(path.join(site, "pagefind", year, "pagefind-entry.json")), `${year}'s search index is there again`);
  rmSync(work, { recursive: true, force: true });
});

/** Builds without search, running `edit` once when ingest reports progress: after the build stamped its inputs. */
async function buildEditingMidway(content: string, site: string, edit: () => void): Promise<{ edited: boolean; result: Awaited<ReturnType<typeof build>> }> {
  let edited = false;
  const result = await build({
    contentDir: content,
    outputDir: site,
    search: false,
    progress: (stage) => {
      if (stage !== "ingest" || edited) return;
      edited = true;
      edit();
    },
  });
  return { edited, result };
}

test("a dump or record changed while the build reads the others is built by the next build, which is not taken as up to date", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "morgue-changed-during-"));
  const content = contentFolder(work, [["A Second Story Arrives", "2020-10-01"]]);
  const site = path.join(work, "site");
  await build({ contentDir: content, outputDir: site, search: false });

  writeFileSync(path.join(content, "b.txt"), variant("A Second Story Arrives Late", { day: "2020-10-01" }));
  // After the build stamped the dumps and took a.txt from its cache: a.txt is edited.
  const during = await buildEditingMidway(content, site, () => writeFileSync(path.join(content, "a.txt"), variant("A Headline Changed Mid-Build")));
  assert.ok(during.edited && !during.result.upToDate);
  const next = await build({ contentDir: content, outputDir: site, search: false });
  assert.ok(!next.upToDate, "the build after it has the changed dump to build");
  assert.match(readFileSync(path.join(site, "index.html"), "utf8"), /A Headline Changed Mid-Build/);
  assert.ok((await build({ contentDir: content, outputDir: site, search: false })).upToDate, "then nothing is left to do");

  // So is a record corrected by hand while the build reads the dumps.
  const record = path.join(content, "records", "a.md");
  writeFileSync(path.join(content, "b.txt"), variant("A Second Story Arrives Later Still", { day: "2020-10-01" }));
  const correcting = await buildEditingMidway(content, site, () => writeFileSync(record, readFileSync(record, "utf8").replace(/^title: .*$/m, "title: A Headline Corrected Mid-Build")));
  assert.ok(correcting.edited);
  const after = await build({ contentDir: content, outputDir: site, search: false });
  assert.ok(!after.upToDate, "the record corrected during the last build is built");
  assert.match(readFileSync(path.join(site, "index.html"), "utf8"), /A Headline Corrected Mid-Build/);
  rmSync(work, { recursive: true, force: true });
});
