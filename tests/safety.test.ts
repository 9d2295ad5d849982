// Nothing lost, whatever the command: ordinary mistakes run against the real CLI in temporary
// folders. Each must end with one clear line (file, reason, hint), exit status 1 where the build is
// refused, the dumps byte-identical and the published site as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "src", "bin.js");
const sample = path.join(root, "content", "000_232c69b19052f130.txt");
const sampleText = readFileSync(sample, "utf8");
const samplePage = path.join("2020", "09", "28", "us-threatens-to-close-embassy-in-baghdad", "index.html");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function morgue(args: string[], options: { cwd?: string; prefix?: string[] } = {}): Run {
  const [command, ...rest] = [...(options.prefix ?? []), process.execPath, bin, ...args];
  const run = spawnSync(command!, rest, { cwd: options.cwd ?? root, encoding: "utf8", env: { ...process.env, CI: "1" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function morgueAsync(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, CI: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Every file under `dir` (dotfiles too) with the sha256 of its bytes: equal snapshots, nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out[child] = createHash("sha256").update(readFileSync(path.join(dir, child))).digest("hex");
    }
  };
  if (existsSync(dir)) walk("");
  return out;
}

/** A project folder with a content folder `c` holding the sample as `sample.txt`. */
function project(): { dir: string; content: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-safety-"));
  const content = path.join(dir, "c");
  mkdirSync(content);
  copyFileSync(sample, path.join(content, "sample.txt"));
  return { dir, content };
}

/** The sample re-dated: header line and dateline both say `year-month-day`. */
function dated(year: number, month: number, day: number): string {
  const name = new Date(Date.UTC(2000, month - 1, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" });
  return sampleText
    .replace(" date 2020-09-28", ` date ${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`)
    .replace("September 28, 2020", `${name} ${day}, ${year}`)
    .replace("US Threatens to Close Embassy in Baghdad", `US Threatens to Close Embassy in Baghdad (${year})`);
}

/** A one-line message for the user: no stack trace, no raw error code. */
function assertNoStack(run: Run): void {
  assert.doesNotMatch(run.stderr, /\n\s+at .+:\d+:\d+\)?/, `no stack trace:\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, /\b(EACCES|EEXIST|ENOENT|ZodError)\b/, `no raw error code:\n${run.stderr}`);
}

const build = (content: string, output: string, ...more: string[]): Run => morgue(["build", "--content", content, "--output", output, "--no-search", ...more]);

test("output folder = content folder is refused before anything is touched (the dumps were moved away)", () => {
  const { dir, content } = project();
  const before = snapshot(dir);
  const run = build(content, content);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /output folder is the content folder/);
  assertNoStack(run);
  assert.deepEqual(snapshot(dir), before, "nothing in the project changed");
  assert.deepEqual(readdirSync(dir), ["c"], "no staging or previous-site folder made");
  rmSync(dir, { recursive: true });
});

test("output inside the content folder, content inside the output, and the cache inside the output are refused", () => {
  const { dir, content } = project();
  const before = snapshot(dir);
  const inside = build(content, path.join(content, "site"));
  assert.equal(inside.status, 1);
  assert.match(inside.stderr, /inside the content folder/);
  const holding = build(content, dir);
  assert.equal(holding.status, 1);
  assert.match(holding.stderr, /holds the content folder/);
  writeFileSync(path.join(dir, "cfg.json"), JSON.stringify({ cacheDir: path.join(dir, "site", "cache") }));
  const cache = build(content, path.join(dir, "site"), "--config", path.join(dir, "cfg.json"));
  assert.equal(cache.status, 1);
  assert.match(cache.stderr, /cache folder is inside the output folder/);
  // The same folder through a symbolic link is the same folder.
  symlinkSync(content, path.join(dir, "alias"));
  const alias = build(content, path.join(dir, "alias"));
  assert.equal(alias.status, 1);
  for (const run of [inside, holding, cache, alias]) assertNoStack(run);
  rmSync(path.join(dir, "alias"));
  rmSync(path.join(dir, "cfg.json"));
  assert.deepEqual(snapshot(dir), before);
  rmSync(dir, { recursive: true });
});

test("an output folder of other files is not replaced", () => {
  const { dir, content } = project();
  const docs = path.join(dir, "docs");
  mkdirSync(docs);
  writeFileSync(path.join(docs, "notes.md"), "mine");
  const run = build(content, docs);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /no site morgue built/);
  assert.equal(readFileSync(path.join(docs, "notes.md"), "utf8"), "mine");
  const file = build(content, path.join(docs, "notes.md"));
  assert.equal(file.status, 1);
  assert.match(file.stderr, /notes\.md: the output folder is a file/);
  assert.equal(readFileSync(path.join(docs, "notes.md"), "utf8"), "mine");
  rmSync(dir, { recursive: true });
});

test("a typo in --content or an empty content folder is an error, and the published site stays", () => {
  const { dir, content } = project();
  const site = path.join(dir, "site");
  assert.equal(build(content, site).status, 0);
  const published = snapshot(site);
  assert.ok(Object.keys(published).includes(samplePage));
  const typo = build(path.join(dir, "typo"), site, "--strict");
  assert.equal(typo.status, 1);
  assert.match(typo.stderr, /typo: the content folder does not exist/);
  mkdirSync(path.join(dir, "empty"));
  const empty = build(path.join(dir, "empty"), site);
  assert.equal(empty.status, 1);
  assert.match(empty.stderr, /holds no dump/);
  for (const run of [typo, empty]) assertNoStack(run);
  assert.deepEqual(snapshot(site), published, "the published site is as it was");
  assert.equal(existsSync(path.join(dir, "typo")), false, "the mistyped folder is not created");
  rmSync(dir, { recursive: true });
});

test("stories dated before standard time (1770, 1850, 18 Nov 1883) and 1900 are built with whole-minute offsets", () => {
  const { dir, content } = project();
  const days: [number, number, number][] = [[1770, 6, 1], [1850, 6, 1], [1883, 11, 18], [1900, 1, 2]];
  for (const [y, m, d] of days) writeFileSync(path.join(content, `old-${y}.txt`), dated(y, m, d));
  const parsed = morgue(["parse", content, "--json"]);
  assert.equal(parsed.status, 0);
  const records = parsed.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(records.every((r) => r.ok), parsed.stdout);
  const published = Object.fromEntries(records.map((r) => [r.record.date.slice(0, 4), r.record.published]));
  // New York kept local mean time (-4:56:02) until noon on 18 November 1883; the dateline's 03:35 AM is before it.
  assert.equal(published["1770"], "1770-06-01T03:35:00-04:56");
  assert.equal(published["1850"], "1850-06-01T03:35:00-04:56");
  assert.equal(published["1883"], "1883-11-18T03:35:00-04:56");
  assert.equal(published["1900"], "1900-01-02T03:35:00-05:00");
  const site = path.join(dir, "site");
  const run = build(content, site, "--strict");
  assert.equal(run.status, 0, run.stderr + run.stdout);
  for (const [y] of days) assert.ok(existsSync(path.join(site, String(y), "index.html")), `a year page for ${y}`);
  rmSync(dir, { recursive: true });
});

test("a date in a zone whose offset changed since (Kolkata: +05:21 in 1900, +06:30 in 1943) keeps the printed time", () => {
  const { dir, content } = project();
  writeFileSync(path.join(content, "old-1900.txt"), dated(1900, 1, 2));
  writeFileSync(path.join(content, "war-1943.txt"), dated(1943, 6, 1));
  const parsed = morgue(["parse", content, "--json", "--timezone", "Asia/Kolkata"]);
  const published = parsed.stdout.trim().split("\n").map((l) => JSON.parse(l).record.published).sort();
  assert.deepEqual(published, ["1900-01-02T03:35:00+05:21", "1943-06-01T03:35:00+06:30", "2020-09-28T03:35:00+05:30"]);
  rmSync(dir, { recursive: true });
});

test("symbolic links to dumps and folders are followed; loops and broken links are reported, never skipped silently", () => {
  const { dir, content } = project();
  const elsewhere = path.join(dir, "elsewhere");
  mkdirSync(path.join(elsewhere, "more"), { recursive: true });
  writeFileSync(path.join(elsewhere, "old.txt"), dated(1999, 5, 4));
  writeFileSync(path.join(elsewhere, "more", "older.txt"), dated(1998, 5, 4));
  symlinkSync(path.join(elsewhere, "old.txt"), path.join(content, "linked.txt"));
  symlinkSync(path.join(elsewhere, "more"), path.join(content, "linked-folder"));
  symlinkSync(content, path.join(content, "loop"));
  symlinkSync(path.join(dir, "nowhere.txt"), path.join(content, "broken.txt"));

  const parsed = morgue(["parse", content, "--json"]);
  const byFile = new Map(parsed.stdout.trim().split("\n").map((l) => JSON.parse(l)).map((r) => [path.relative(content, r.file), r]));
  assert.equal(byFile.get("linked.txt")?.ok, true);
  assert.equal(byFile.get(path.join("linked-folder", "older.txt"))?.ok, true);
  assert.match(byFile.get("loop")?.error.message, /symbolic link loop/);
  assert.match(byFile.get("broken.txt")?.error.message, /broken symbolic link/);

  const site = path.join(dir, "site");
  const run = build(content, site);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /loop:0: symbolic link loop/);
  assert.match(run.stdout, /broken\.txt:0: broken symbolic link/);
  assert.ok(existsSync(path.join(site, "1999", "05", "04")), "the linked dump is a story");
  assert.ok(existsSync(path.join(site, "1998", "05", "04")), "the dump in the linked folder is a story");
  const report = readFileSync(path.join(site, "report.json"), "utf8");
  assert.match(report, /broken\.txt/);
  assert.match(report, /"loop"/);
  rmSync(dir, { recursive: true });
});

test("a second build while one holds the lock says who holds it; a lock left by a killed build is taken over", () => {
  const { dir, content } = project();
  const site = path.join(dir, "site");
  const lock = path.join(content, ".morgue-cache", "build.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }));
  const busy = build(content, site);
  assert.equal(busy.status, 1);
  assert.match(busy.stderr, new RegExp(`another build is running \\(pid ${process.pid}`));
  assertNoStack(busy);
  assert.equal(existsSync(site), false);

  // A process that has ended: its pid is free, its lock is stale.
  const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  writeFileSync(lock, JSON.stringify({ pid: Number(ended.stdout), host: hostname(), started: new Date().toISOString() }));
  const taken = build(content, site);
  assert.equal(taken.status, 0, taken.stderr);
  assert.equal(existsSync(lock), false, "the lock is released at the end");
  rmSync(dir, { recursive: true });
});

test("two builds at once: each finishes or says another build is running; no raw error, and the site is whole", async () => {
  const { dir, content } = project();
  for (let i = 0; i < 40; i++) writeFileSync(path.join(content, `day-${i}.txt`), dated(2001, 1 + (i % 12), 1 + (i % 27)).replace("(2001)", `(2001 #${i})`));
  const site = path.join(dir, "site");
  const runs = await Promise.all([0, 1, 2].map(() => morgueAsync(["build", "--content", content, "--output", site, "--no-search"])));
  for (const run of runs) {
    if (run.status !== 0) assert.match(run.stderr, /another build is running \(pid \d+/);
    assertNoStack(run);
  }
  assert.ok(runs.some((r) => r.status === 0));
  const after = build(content, site);
  assert.equal(after.status, 0, after.stderr);
  assert.ok(existsSync(path.join(site, samplePage)));
  assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith(".site-building-")), []);
  rmSync(dir, { recursive: true });
});

test("staging folders left by a killed build are removed by the next build", async () => {
  const { dir, content } = project();
  const site = path.join(dir, "site");
  const left = path.join(dir, ".site-building-1a2b3c");
  mkdirSync(path.join(left, "2020"), { recursive: true });
  writeFileSync(path.join(left, "2020", "index.html"), "half a page");
  // And one from a real kill -9 in the middle of a build: as soon as its staging folder appears.
  for (let i = 0; i < 30; i++) writeFileSync(path.join(content, `day-${i}.txt`), dated(2002, 1 + (i % 12), 1 + (i % 27)).replace("(2002)", `(2002 #${i})`));
  const child = spawn(process.execPath, [bin, "build", "--content", content, "--output", site, "--no-search"], { cwd: root });
  const closed = new Promise((resolve) => child.on("close", resolve));
  const staging = (): string[] => readdirSync(dir).filter((n) => n.startsWith(".site-building-") && n !== ".site-building-1a2b3c");
  while (child.exitCode === null && staging().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill("SIGKILL");
  await closed;
  assert.equal(child.signalCode, "SIGKILL", "the build was killed before it finished");
  assert.equal(staging().length, 1, "it left its staging folder");
  const run = build(content, site);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(readdirSync(dir).filter((n) => n.includes("-building-")), []);
  assert.ok(existsSync(path.join(site, samplePage)));
  rmSync(dir, { recursive: true });
});

test("the site's folders and files respect the umask (a web server running as another user can read them)", () => {
  const { dir, content } = project();
  const site = path.join(dir, "site");
  const run = morgue(["build", "--content", content, "--output", site, "--no-search"], { prefix: ["sh", "-c", 'umask 022; exec "$@"', "sh"] });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(statSync(site).mode & 0o777, 0o755);
  assert.equal(statSync(path.join(site, "2020")).mode & 0o777, 0o755);
  assert.equal(statSync(path.join(site, samplePage)).mode & 0o777, 0o644);
  rmSync(dir, { recursive: true });
});

test("a YAML error in a hand-edited record is reported at its own line in the record file", () => {
  const { dir, content } = project();
  const site = path.join(dir, "site");
  assert.equal(build(content, site).status, 0);
  const record = path.join(content, "records", "sample.md");
  const lines = readFileSync(record, "utf8").split("\n");
  const badIndent = [...lines];
  badIndent[7] = `  ${badIndent[7]}: [`;
  writeFileSync(record, badIndent.join("\n"));
  const indent = build(content, site);
  assert.match(indent.stdout, /records\/sample\.md:8: /);
  const quote = [...lines];
  quote[3] = quote[3]!.replace(/: (.*)$/, ': "$1');
  writeFileSync(record, quote.join("\n"));
  const open = build(content, site);
  assert.match(open.stdout, /records\/sample\.md:4: .*close the quote/);
  rmSync(dir, { recursive: true });
});

test("bad settings: one line per problem naming the file given and the key, a did-you-mean, exit 1", () => {
  const { dir, content } = project();
  const other = path.join(dir, "other.json");
  writeFileSync(other, JSON.stringify({ titel: "My archive", itemsPerPage: -3, timezone: "Mars/Olympus" }));
  const run = build(content, path.join(dir, "site"), "--config", other);
  assert.equal(run.status, 1);
  assertNoStack(run);
  assert.doesNotMatch(run.stderr, /morgue\.config\.json/);
  assert.match(run.stderr, /other\.json: unknown setting "titel" \(did you mean "title"\?\)/);
  assert.match(run.stderr, /other\.json: itemsPerPage: /);
  assert.match(run.stderr, /other\.json: timezone: not an IANA time zone/);
  writeFileSync(other, "{ title: 'x' }");
  const json = build(content, path.join(dir, "site"), "--config", other);
  assert.equal(json.status, 1);
  assert.match(json.stderr, /other\.json: is not valid JSON/);
  assertNoStack(json);
  assert.equal(existsSync(path.join(dir, "site")), false);
  rmSync(dir, { recursive: true });
});

// Permissions mean nothing to root: as root, the case runs as the user "nobody" through setpriv.
const asUser: string[] | null = process.getuid?.() !== 0 ? [] : existsSync("/usr/bin/setpriv") ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : null;

test("an unreadable dump or folder is reported as such; the rest is built and printed", { skip: asUser === null ? "running as root without setpriv: cannot drop privileges to test permissions" : false }, () => {
  const { dir, content } = project();
  writeFileSync(path.join(content, "secret.txt"), dated(2011, 3, 4));
  mkdirSync(path.join(content, "locked"));
  writeFileSync(path.join(content, "locked", "inside.txt"), dated(2012, 3, 4));
  const owner = process.getuid?.() === 0 ? 65534 : null;
  if (owner !== null) {
    for (const p of [dir, content, path.join(content, "sample.txt"), path.join(content, "secret.txt"), path.join(content, "locked"), path.join(content, "locked", "inside.txt")]) chownSync(p, owner, owner);
  }
  chmodSync(path.join(content, "secret.txt"), 0o000);
  chmodSync(path.join(content, "locked"), 0o000);
  const site = path.join(dir, "site");
  const parsed = morgue(["parse", content, "--json"], { prefix: asUser! });
  assertNoStack(parsed);
  const results = parsed.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(results.some((r) => r.file.endsWith("sample.txt") && r.ok), parsed.stdout + parsed.stderr);
  assert.ok(results.some((r) => r.file.endsWith("secret.txt") && /cannot be read: permission denied/.test(r.error?.message)));
  assert.ok(results.some((r) => r.file.endsWith("locked") && /cannot be read: permission denied/.test(r.error?.message)));
  const run = morgue(["build", "--content", content, "--output", site, "--no-search"], { prefix: asUser! });
  assert.equal(run.status, 0, run.stderr);
  assertNoStack(run);
  assert.match(run.stdout, /secret\.txt:0: cannot be read: permission denied/);
  assert.match(run.stdout, /locked:0: folder cannot be read: permission denied/);
  assert.ok(existsSync(path.join(site, samplePage)));
  chmodSync(path.join(content, "locked"), 0o755);
  rmSync(dir, { recursive: true });
});
