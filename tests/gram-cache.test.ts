// The word 3-grams a build keeps for the next: read back as they were made, keyed by body so an
// edited story is compared by its new text, never read from files made by other code, and a damaged
// file costs only the grams in it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "../src/build.ts";
import { trigrams } from "../src/index/dedupe.ts";
import { openGramCache } from "../src/ingest/gram-cache.ts";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const sample = readFileSync(path.join(root, "content", "000_232c69b19052f130.txt"), "utf8");

const bodies = ["The harbour reopened on Monday after the storm.", "Markets fell sharply in Tokyo as investors weighed new tariffs.", "One", ""];
const keyed = (): Map<string, Uint32Array> => new Map(bodies.map((body, i) => [`key-${i}-${"x".repeat(i)}`, trigrams(body)]));
const plain = (grams: ReadonlyMap<string, Uint32Array>): [string, number[]][] => [...grams].map(([key, g]) => [key, [...g]] as [string, number[]]).sort();
const files = (dir: string): string[] => readdirSync(path.join(dir, "grams")).sort();

test("gram cache: grams saved are read back by the next build as they were, and only changed files are written again", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-grams-"));
  await (await openGramCache(dir, true)).save(keyed());
  const again = await openGramCache(dir, true);
  assert.deepEqual(plain(again.known), plain(keyed()));

  const stampOf = (f: string): string => {
    const s = statSync(path.join(dir, "grams", f), { bigint: true });
    return `${s.mtimeNs}:${s.ino}`;
  };
  const stamps = new Map(files(dir).map((f) => [f, stampOf(f)]));
  const grams = new Map(again.known);
  grams.set("key-new", trigrams("A new story about the council vote on housing."));
  await again.save(grams);
  const rewritten = files(dir).filter((f) => stampOf(f) !== stamps.get(f));
  assert.equal(rewritten.length, 1, "one new story rewrites one file");
  assert.deepEqual(plain((await openGramCache(dir, true)).known), plain(grams));
  rmSync(dir, { recursive: true });
});

test("gram cache: files made by other code are never read, and a damaged file loses only its own grams", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-grams-"));
  await (await openGramCache(dir, true)).save(keyed());
  // A build that cannot use the cache (new code) removes the files before it makes any grams.
  await openGramCache(dir, false);
  assert.equal((await openGramCache(dir, true)).known.size, 0, "a build stopped before saving leaves no grams of the old code");

  await (await openGramCache(dir, true)).save(keyed());
  const [first] = files(dir);
  const damaged = path.join(dir, "grams", first!);
  writeFileSync(damaged, readFileSync(damaged).subarray(0, 13));
  const known = (await openGramCache(dir, true)).known;
  assert.ok(known.size > 0 && known.size < keyed().size, `the other files' grams are read (${known.size})`);
  for (const [key, g] of known) assert.deepEqual([...g], [...keyed().get(key)!], key);
  rmSync(dir, { recursive: true });
});

test("gram cache: a story whose body is edited is compared by its new text (duplicates), as a cold build compares it", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "morgue-grams-build-"));
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
  rmSync(work, { recursive: true, force: true });
});
