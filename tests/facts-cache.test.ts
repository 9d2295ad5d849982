// What a build's index read from its bodies (description, reading time, 3-grams), kept for the
// next: read back as it was made, keyed by body so an edited story is described and compared by its
// new text, never read from files made by other code, and a damaged file costs only its own facts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "../src/build.ts";
import { BodyFactsMemo, type BodyFacts } from "../src/index/body-facts.ts";
import { openFactsCache } from "../src/ingest/facts-cache.ts";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const sample = readFileSync(path.join(root, "content", "000_232c69b19052f130.txt"), "utf8");

const bodies = [
  "The harbour reopened on Monday after the storm.\n\nShips queued outside.",
  "Markets fell sharply in “Tokyo” as investors weighed new tariffs — £5bn.",
  "One",
  "",
  "Señor Müller’s café",
];
/** Facts of the bodies above, the first three with 3-grams; keys of several lengths. */
function keyed(): Map<string, BodyFacts> {
  const memo = new BodyFactsMemo();
  bodies.forEach((body, i) => (i < 3 ? memo.grams(`key-${i}-${"x".repeat(i)}`, body) : memo.summary(`key-${i}-${"x".repeat(i)}`, body)));
  return memo.used;
}
const plain = (facts: ReadonlyMap<string, BodyFacts>): [string, unknown][] =>
  [...facts].map(([key, f]) => [key, { ...f, grams: f.grams && [...f.grams] }] as [string, unknown]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
const files = (dir: string): string[] => readdirSync(path.join(dir, "facts")).sort();

test("facts cache: facts saved are read back by the next build as they were, and only changed files are written again", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-facts-"));
  await (await openFactsCache(dir, true)).save(keyed());
  const again = await openFactsCache(dir, true);
  assert.deepEqual(plain(again.known), plain(keyed()));

  const stampOf = (f: string): string => {
    const s = statSync(path.join(dir, "facts", f), { bigint: true });
    return `${s.mtimeNs}:${s.ino}`;
  };
  const stamps = new Map(files(dir).map((f) => [f, stampOf(f)]));
  const memo = new BodyFactsMemo(again.known);
  for (const [key] of again.known) memo.summary(key, "");
  memo.grams("key-new", "A new story about the council vote on housing.");
  await again.save(memo.used);
  const rewritten = files(dir).filter((f) => stampOf(f) !== stamps.get(f));
  assert.equal(rewritten.length, 1, "one new story rewrites one file");
  assert.deepEqual(plain((await openFactsCache(dir, true)).known), plain(memo.used));
  rmSync(dir, { recursive: true });
});

test("facts cache: files made by other code are never read, and a damaged file loses only its own facts", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-facts-"));
  await (await openFactsCache(dir, true)).save(keyed());
  // A build that cannot use the cache (new code) removes the files before it makes any facts.
  await openFactsCache(dir, false);
  assert.equal((await openFactsCache(dir, true)).known.size, 0, "a build stopped before saving leaves no facts of the old code");

  await (await openFactsCache(dir, true)).save(keyed());
  const [first] = files(dir);
  const damaged = path.join(dir, "facts", first!);
  writeFileSync(damaged, readFileSync(damaged).subarray(0, 13));
  const known = (await openFactsCache(dir, true)).known;
  assert.ok(known.size > 0 && known.size < keyed().size, `the other files' facts are read (${known.size})`);
  const expected = new Map(plain(keyed()));
  for (const [key, f] of plain(known)) assert.deepEqual(f, expected.get(key), key);
  rmSync(dir, { recursive: true });
});

test("facts cache: a story whose body is edited is compared and described by its new text, as a cold build does it", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "morgue-facts-build-"));
  const content = path.join(work, "content");
  cpSync(path.join(root, "content", "000_232c69b19052f130.txt"), path.join(content, "a.txt"));
  writeFileSync(path.join(content, "b.txt"), sample.replace("5,200 to 3,000.", "5,200 to 3,000, officials said."));
  const site = path.join(work, "site");
  const first = await build({ contentDir: content, outputDir: site, search: false });
  assert.deepEqual(first.report.duplicates, [{ kept: "a.txt", also: ["b.txt"] }]);

  const other = "An unrelated report about crops and rainfall in the valley, written by another desk entirely.\n\nFarmers said the harvest came late this year.\n";
  writeFileSync(path.join(content, "b.txt"), sample.replace(/The United States is threatening[\s\S]*?(?=\nRelated Stories)/, other));
  const edited = await build({ contentDir: content, outputDir: site, search: false });
  assert.deepEqual(edited.report.duplicates, [], "the edited body is no copy of the other");
  assert.equal(edited.stories, 2);

  const cold = path.join(work, "cold");
  cpSync(content, path.join(cold, "content"), { recursive: true, filter: (f) => !/(records|\.morgue-cache)$/.test(f) });
  const coldBuild = await build({ contentDir: path.join(cold, "content"), outputDir: path.join(cold, "site"), search: false, cache: false });
  assert.deepEqual(edited.report, coldBuild.report);
  const page = readFileSync(path.join(site, "2020", "09", "28", "index.html"), "utf8");
  assert.match(page, /An unrelated report about crops and rainfall/, "the day page shows the new description");
  rmSync(work, { recursive: true, force: true });
});

/** A body's counted terms as (name, count) pairs, whatever numbers the names have. */
function named(memo: BodyFactsMemo, key: string, body: string): [string, number][] {
  const { names, pairs } = memo.terms(key, body);
  const out: [string, number][] = [];
  for (let k = 0; k < pairs.length; k += 2) out.push([names.name(pairs[k]!), pairs[k + 1]!]);
  return out;
}

test("facts cache: counted terms are read back by name, also after the names are renumbered when most are no longer used", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-facts-"));
  // The kept story comes last, so that its terms have the highest numbers and get new ones.
  const stories = [
    ["gone-1", "Astronomers tracked a comet past Jupiter and Saturn’s moons."],
    ["gone-2", "Orchestras rehearsed symphonies, concertos and overtures for the festival."],
    ["kept", "Voters in the capital backed the housing plan; housing costs rose."],
  ] as const;
  const first = await openFactsCache(dir, true);
  const memo = new BodyFactsMemo(first.known, first.names);
  const expected = new Map(stories.map(([key, body]) => [key, named(memo, key, body)]));
  assert.deepEqual(expected.get("kept")!.find(([name]) => name === "hous"), ["hous", 2], "terms are stemmed and counted");
  await first.save(memo.used);

  // The next build has only the first story: its terms are read, not counted again; the names of
  // the other two make the file more than half unused, so it is written anew with new numbers.
  const second = await openFactsCache(dir, true);
  const before = second.names.size;
  const again = new BodyFactsMemo(second.known, second.names);
  assert.deepEqual(named(again, "kept", "not read: its terms are known"), expected.get("kept"));
  await second.save(again.used);

  const third = await openFactsCache(dir, true);
  assert.ok(third.names.size < before, `names renumbered: ${before} -> ${third.names.size}`);
  assert.deepEqual(named(new BodyFactsMemo(third.known, third.names), "kept", "not read either"), expected.get("kept"));
  rmSync(dir, { recursive: true });
});
