// Ingest: dumps become records on disk; bad dumps are reported with file and line and left
// untouched; hand corrections survive the next build and are reported; vanished dumps take their
// generated records with them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync, copyFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { index, ingest } from "../src/pipeline.ts";
import { resolveConfig } from "../src/config.ts";
import { emptyReport } from "../src/report.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const sample = path.join(here, "..", "content", "000_232c69b19052f130.txt");
const tz = "America/New_York";

function contentWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-ingest-"));
  copyFileSync(sample, path.join(dir, "sample.txt"));
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  return dir;
}

test("bad dumps are reported with file, line and reason, and stay byte-for-byte as they were", async () => {
  const binary = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
  const noHeadline = " date 2020-09-28 USA\n\n\n";
  const badDate = readFileSync(sample, "utf8").replace("date 2020-09-28", "date 2020-13-45");
  const dir = contentWith({ "empty.txt": "", "binary.txt": binary, "no-headline.txt": noHeadline, "bad-date.txt": badDate });
  const report = emptyReport();
  const { records } = await ingest(dir, { timezone: tz, reuse: true }, report);

  assert.deepEqual(records.map((r) => r.sourceFile), ["sample.txt"]);
  const byFile = new Map(report.failures.map((f) => [f.file, f]));
  assert.deepEqual([...byFile.keys()].sort(), ["bad-date.txt", "binary.txt", "empty.txt", "no-headline.txt"]);
  assert.equal(byFile.get("empty.txt")?.rule, "empty");
  assert.equal(byFile.get("binary.txt")?.rule, "binary");
  assert.equal(byFile.get("bad-date.txt")?.line, 1);
  assert.ok((byFile.get("no-headline.txt")?.line ?? 0) >= 1);
  for (const f of report.failures) assert.ok(f.message.length > 10 && f.hint.length > 5, `${f.file} has a readable message`);
  assert.equal(readFileSync(path.join(dir, "bad-date.txt"), "utf8"), badDate);
  assert.deepEqual(new Uint8Array(readFileSync(path.join(dir, "binary.txt"))), binary);
  assert.ok(!existsSync(path.join(dir, "records", "empty.md")));
  rmSync(dir, { recursive: true });
});

test("a title corrected by hand is kept by the next build and reported as kept", async () => {
  const dir = contentWith({});
  await ingest(dir, { timezone: tz, reuse: true }, emptyReport());
  const recordFile = path.join(dir, "records", "sample.md");
  const written = readFileSync(recordFile, "utf8");
  assert.match(written, /^title: US Threatens to Close Embassy in Baghdad$/m);

  const corrected = written.replace("title: US Threatens", "title: U.S. Threatens");
  writeFileSync(recordFile, corrected);
  const report = emptyReport();
  const { records } = await ingest(dir, { timezone: tz, reuse: true }, report);
  assert.equal(records[0]?.title, "U.S. Threatens to Close Embassy in Baghdad");
  assert.deepEqual(report.corrections, [{ record: "records/sample.md", sourceFile: "sample.txt", fields: ["title"], dumpChanged: false }]);
  assert.equal(readFileSync(recordFile, "utf8"), corrected, "the correction is not overwritten");
  rmSync(dir, { recursive: true });
});

test("a rebuild with nothing changed rewrites nothing; a removed dump takes its generated record along", async () => {
  const dir = contentWith({});
  await ingest(dir, { timezone: tz, reuse: true }, emptyReport());
  const recordFile = path.join(dir, "records", "sample.md");
  const before = readFileSync(recordFile, "utf8");
  await ingest(dir, { timezone: tz, reuse: true }, emptyReport());
  assert.equal(readFileSync(recordFile, "utf8"), before);

  rmSync(path.join(dir, "sample.txt"));
  const { records } = await ingest(dir, { timezone: tz, reuse: true }, emptyReport());
  assert.equal(records.length, 0);
  assert.ok(!existsSync(recordFile));
  rmSync(dir, { recursive: true });
});

test("a hand edit that breaks the record is reported with its line and the story still builds from the dump", async () => {
  const dir = contentWith({});
  await ingest(dir, { timezone: tz, reuse: true }, emptyReport());
  const recordFile = path.join(dir, "records", "sample.md");
  const broken = readFileSync(recordFile, "utf8").replace(/^date: .*$/m, "date: 28 September");
  writeFileSync(recordFile, broken);
  const report = emptyReport();
  const { records } = await ingest(dir, { timezone: tz, reuse: true }, report);
  assert.equal(records.length, 1);
  const line = broken.split("\n").indexOf("date: 28 September") + 1;
  assert.equal(report.notes.length, 1);
  assert.match(report.notes[0]!.message, new RegExp(`records/sample\\.md:${line}: field \`date\``));
  assert.equal(readFileSync(recordFile, "utf8"), broken, "the archivist's file is left for them to fix");
  rmSync(dir, { recursive: true });
});

test("the cache reuses records of unchanged dumps only while the parser is the same", async () => {
  const { serialiseRecord, readRecord } = await import("../src/record/store.ts");
  const dir = contentWith({});
  await ingest(dir, { timezone: tz, reuse: true }, emptyReport());
  const recordFile = path.join(dir, "records", "sample.md");
  // A record as an older parser might have written it: generated (valid checksum), same dump hash.
  const older = readRecord(readFileSync(recordFile, "utf8")).record;
  writeFileSync(recordFile, serialiseRecord({ ...older, section: "Older Parser Section" }));

  const { records: cached } = await ingest(dir, { timezone: tz, reuse: true }, emptyReport());
  assert.equal(cached[0]?.section, "Older Parser Section", "unchanged dump: the record is used without parsing");
  const { records: fresh } = await ingest(dir, { timezone: tz, reuse: false }, emptyReport());
  assert.equal(fresh[0]?.section, "USA", "without the cache the dump is parsed again and the record rewritten");
  assert.match(readFileSync(recordFile, "utf8"), /^section: USA$/m);
  rmSync(dir, { recursive: true });
});

test("with the ingest cache, a rebuild reads only new or changed dumps and still sees hand edits", async () => {
  const dir = contentWith({ "second.txt": readFileSync(sample, "utf8").replace("US Threatens to Close Embassy", "Second Story About an Embassy") });
  const cacheDir = path.join(dir, ".morgue-cache");
  const options = { timezone: tz, reuse: true, cacheDir };
  const first = await ingest(dir, options, emptyReport());
  assert.equal(first.read, 2);

  const again = await ingest(dir, options, emptyReport());
  assert.equal(again.read, 0, "nothing changed: no dump is read");
  assert.deepEqual(again.records, first.records);
  assert.deepEqual(again.bodyKeys, first.bodyKeys);
  const key = first.bodyKeys.get("sample.txt") ?? "";
  assert.match(await again.bodies.get(key), /^<p>.*Baghdad/, "the body's HTML waits in the store");

  const third = readFileSync(sample, "utf8").replace("US Threatens to Close Embassy", "A Third Story").replace("The United States is threatening", "A third report says the United States is threatening");
  writeFileSync(path.join(dir, "third.txt"), third);
  const added = await ingest(dir, options, emptyReport());
  assert.equal(added.read, 1, "one new dump: only it is read");
  assert.deepEqual(added.records.map((r) => r.title).sort(), ["A Third Story in Baghdad", "Second Story About an Embassy in Baghdad", "US Threatens to Close Embassy in Baghdad"]);

  const recordFile = path.join(dir, "records", "sample.md");
  writeFileSync(recordFile, readFileSync(recordFile, "utf8").replace("title: US Threatens", "title: U.S. Threatens"));
  const report = emptyReport();
  const edited = await ingest(dir, options, report);
  assert.equal(edited.read, 1, "the edited record's dump is looked at again");
  assert.ok(edited.records.some((r) => r.title === "U.S. Threatens to Close Embassy in Baghdad"));
  assert.deepEqual(report.corrections.map((c) => c.fields), [["title"]]);
  const reportAgain = emptyReport();
  assert.equal((await ingest(dir, options, reportAgain)).read, 0);
  assert.deepEqual(reportAgain.corrections, report.corrections, "a cached correction is still reported");

  rmSync(path.join(dir, "third.txt"));
  assert.equal((await ingest(dir, options, emptyReport())).records.length, 2, "a removed dump leaves the cache too");
  const stored = JSON.parse(readFileSync(path.join(cacheDir, "bodies", "index.json"), "utf8")) as { bodies: Record<string, unknown> };
  assert.deepEqual(Object.keys(stored.bodies), [key], "and so does its body (the other two stories share one)");
  rmSync(dir, { recursive: true });
});

test("records leave ingest without their bodies; with the body facts lost, a copy of an unchanged story added later is still merged with it", async () => {
  const dir = contentWith({});
  const options = { timezone: tz, reuse: true, cacheDir: path.join(dir, ".morgue-cache") };
  const config = resolveConfig({});
  const first = await ingest(dir, options, emptyReport());
  assert.deepEqual(first.records.map((r) => r.body), [""], "the body is in the body store and the record file, not in memory");
  const key = first.bodyKeys.get("sample.txt") ?? "";
  const facts = first.memo.summary(key, () => assert.fail("the description was made at ingest"));
  assert.match(facts.description, /^The United States is threatening to close its embassy/);
  await index(first, emptyReport(), config);

  // The same story again, one sentence corrected: telling it for a copy takes both bodies' 3-grams.
  // With the body facts gone (and the ingest cache still there), the unchanged story's body comes
  // back from its record file.
  rmSync(path.join(options.cacheDir, "facts"), { recursive: true });
  // Another story under the same headline on the same day stays apart.
  const text = readFileSync(sample, "utf8");
  writeFileSync(path.join(dir, "copy.txt"), text.replace("amid frustrations over attacks", "amid growing frustration over attacks"));
  const otherBody = "Harbour pilots in the northern port began a strike over pay on Tuesday, leaving a dozen ships waiting at anchor.\n\nThe port authority said talks would resume on Friday.\n\nUnion leaders said the pilots had not had a pay rise in six years.";
  writeFileSync(path.join(dir, "other.txt"), text.replace(/The United States is threatening[\s\S]*?(?=\nRelated Stories)/, `${otherBody}\n`));
  const second = await ingest(dir, options, emptyReport());
  assert.equal(second.read, 2, "only the new dumps are read");
  const report = emptyReport();
  const archive = await index(second, report, config);
  assert.equal(archive.articles.length, 2, "the copy merged, the other story apart");
  assert.deepEqual(report.duplicates.map((d) => [d.kept, ...d.also].sort()), [["copy.txt", "sample.txt"]]);
  rmSync(dir, { recursive: true });
});

test("the body store keeps its packs small: bodies of removed stories are dropped and their bytes given back", async () => {
  const text = readFileSync(sample, "utf8");
  const story = (n: number): string => text.replace("US Threatens to Close Embassy", `Story Number ${n} About an Embassy`).replace("The United States is threatening", `Report ${n} says the United States is threatening`);
  const dir = contentWith({});
  const cacheDir = path.join(dir, ".morgue-cache");
  const options = { timezone: tz, reuse: true, cacheDir };
  const packBytes = (): number =>
    readdirSync(path.join(cacheDir, "bodies"))
      .filter((name) => name.endsWith(".pack"))
      .reduce((sum, name) => sum + readFileSync(path.join(cacheDir, "bodies", name)).length, 0);
  for (let n = 1; n <= 6; n++) writeFileSync(path.join(dir, `story-${n}.txt`), story(n));
  const first = await ingest(dir, options, emptyReport());
  first.bodies.close();
  // Round after round, every story but one is replaced by a new one: each pack keeps a live body
  // among dead ones, so only rewriting packs gives the dead bytes back.
  for (let round = 1; round <= 4; round++) {
    for (let n = 1; n <= 6; n++) if (n !== round) writeFileSync(path.join(dir, `story-${n}.txt`), story(n + 10 * round));
    const again = await ingest(dir, options, emptyReport());
    assert.equal(again.read, 5);
    let liveBytes = 0;
    for (const key of new Set(again.bodyKeys.values())) liveBytes += Buffer.byteLength(await again.bodies.get(key));
    for (const [file, key] of again.bodyKeys) assert.match(await again.bodies.get(key), /Baghdad/, `${file}: its body reads back`);
    assert.ok(packBytes() <= 2 * liveBytes, `round ${round}: the packs hold ${packBytes()} bytes for ${liveBytes} bytes of live bodies`);
    again.bodies.close();
  }
  const last = await ingest(dir, options, emptyReport());
  assert.equal(last.read, 0, "and what they hold is still found");
  assert.equal(first.bodyKeys.get("sample.txt"), last.bodyKeys.get("sample.txt"));
  assert.match(await last.bodies.get(last.bodyKeys.get("sample.txt") ?? ""), /^<p>.*Baghdad/);
  last.bodies.close();
  rmSync(dir, { recursive: true });
});

test("a damaged or partly deleted ingest cache costs a re-read, never a wrong story", async () => {
  const dir = contentWith({});
  const cacheDir = path.join(dir, ".morgue-cache");
  const first = await ingest(dir, { timezone: tz, reuse: true, cacheDir }, emptyReport());
  for (const shard of readdirSync(path.join(cacheDir, "ingest"))) writeFileSync(path.join(cacheDir, "ingest", shard), "{ not json");
  const again = await ingest(dir, { timezone: tz, reuse: true, cacheDir }, emptyReport());
  assert.equal(again.read, 1);
  assert.deepEqual(again.records, first.records);
  rmSync(path.join(cacheDir, "bodies"), { recursive: true });
  const bodiesGone = await ingest(dir, { timezone: tz, reuse: true, cacheDir }, emptyReport());
  assert.equal(bodiesGone.read, 1, "a story whose body HTML is missing is read again");
  assert.match(await bodiesGone.bodies.get(bodiesGone.bodyKeys.get("sample.txt") ?? ""), /Baghdad/);
  bodiesGone.bodies.close();
  const bodiesDir = path.join(cacheDir, "bodies");
  for (const pack of readdirSync(bodiesDir).filter((name) => name.endsWith(".pack"))) {
    const bytes = readFileSync(path.join(bodiesDir, pack));
    writeFileSync(path.join(bodiesDir, pack), bytes.subarray(0, bytes.length >> 1));
  }
  const truncated = await ingest(dir, { timezone: tz, reuse: true, cacheDir }, emptyReport());
  assert.equal(truncated.read, 1, "a body pack cut short: its stories are read again");
  assert.match(await truncated.bodies.get(truncated.bodyKeys.get("sample.txt") ?? ""), /Baghdad.*<\/p>$/s);
  truncated.bodies.close();
  writeFileSync(path.join(bodiesDir, "index.json"), "{ not json");
  const noIndex = await ingest(dir, { timezone: tz, reuse: true, cacheDir }, emptyReport());
  assert.equal(noIndex.read, 1, "an unreadable body index: the same");
  assert.deepEqual(readdirSync(bodiesDir).filter((name) => name.endsWith(".pack")).length, 1, "and the packs it no longer names are removed");
  noIndex.bodies.close();
  rmSync(dir, { recursive: true });
});

test("worker threads, alone or next to this thread, give the same records, failures and order as parsing in this thread", async () => {
  const { workerPool, sharedPool, inThread } = await import("../src/ingest/pool.ts");
  const inputs = [
    { file: "sample.txt", bytes: new Uint8Array(readFileSync(sample)), existing: null, timezone: tz, reuse: true },
    { file: "empty.txt", bytes: new Uint8Array(), existing: null, timezone: tz, reuse: true },
  ];
  const pool = workerPool(2);
  const shared = sharedPool(workerPool(1));
  try {
    const viaWorkers = await Promise.all(inputs.map((i) => pool.ingest(i)));
    const local = await Promise.all(inputs.map((i) => inThread().ingest(i)));
    assert.deepEqual(viaWorkers, local);
    const many = [...inputs, ...inputs, ...inputs];
    assert.deepEqual(await Promise.all(many.map((i) => shared.ingest(i))), [...local, ...local, ...local], "this thread and a worker, sharing");
    assert.equal(viaWorkers[0]?.record?.title, "US Threatens to Close Embassy in Baghdad");
    assert.equal(viaWorkers[1]?.failure?.rule, "empty");
  } finally {
    await Promise.all([pool.close(), shared.close()]);
  }
});
