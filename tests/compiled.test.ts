// The compiled copy in dist/ (src/compile.ts, made by `npm install`) that the `morgue` executable
// runs while it matches the sources: it must build exactly what the sources build, and a source
// edited after it was made must win over it. Both need a fresh dist/ (CI's clean install makes
// one); after editing the sources, `npm run compile` makes it fresh again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { distDigest, sourcesDigest } from "../src/sources.js";
import { assertSameSite } from "./helpers/tree.ts";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const fresh = distDigest() === sourcesDigest();
const skip = fresh ? false : "dist/ is missing or older than the sources: run `npm run compile`";

/** Runs `morgue build` from `bin` on copies of `dumps` in a new folder; returns that folder. */
function build(bin: string, dumps: string[], env: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "morgue-compiled-"));
  const content = path.join(dir, "content");
  for (const dump of dumps) cpSync(dump, path.join(content, path.basename(dump)));
  const run = spawnSync(process.execPath, [bin, "build", "--content", content, "--output", path.join(dir, "site")], { encoding: "utf8", env: { ...process.env, ...env } });
  assert.equal(run.status, 0, run.stderr);
  return dir;
}

/** Text and HTML dumps, one that cannot be built, and stories that relate to each other. */
const fixtures = [
  path.join(root, "content", "000_232c69b19052f130.txt"),
  ...["2019-11-05-hostile.txt", "2020-09-23-waiver.txt", "2020-09-28-embassy.txt", "2020-09-28-wildfires.txt", "2021-01-20-inauguration.txt"].map((f) => path.join(root, "tests", "fixtures", "site", f)),
  ...["harbour-bridge.html", "library-hours.html"].map((f) => path.join(root, "tests", "fixtures", "html", f)),
  path.join(root, "tests", "fixtures", "bad", "no-headline.txt"),
];

test("the compiled copy builds the same site and records as the sources, byte for byte", { skip }, () => {
  const bin = path.join(root, "src", "bin.js");
  const compiled = build(bin, fixtures);
  const sources = build(bin, fixtures, { MORGUE_FROM_SOURCE: "1" });
  try {
    assertSameSite(path.join(compiled, "site"), path.join(sources, "site"));
    assertSameSite(path.join(compiled, "content", "records"), path.join(sources, "content", "records"));
  } finally {
    rmSync(compiled, { recursive: true, force: true });
    rmSync(sources, { recursive: true, force: true });
  }
});

test("a template edited after compiling shows in the site: a stale compiled copy is not used", { skip }, () => {
  // A copy of the package with its compiled copy as it is, then one template edited.
  const copy = mkdtempSync(path.join(tmpdir(), "morgue-package-"));
  for (const item of ["src", "templates", "dist", ".eleventy.ts", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"]) {
    cpSync(path.join(root, item), path.join(copy, item), { recursive: true });
  }
  symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"));
  const template = path.join(copy, "templates", "notfound.11ty.ts");
  writeFileSync(template, readFileSync(template, "utf8").replaceAll("Page not found", "No such page in the morgue"));
  const built = build(path.join(copy, "src", "bin.js"), fixtures.slice(0, 1));
  try {
    const page = readFileSync(path.join(built, "site", "404.html"), "utf8");
    assert.match(page, /No such page in the morgue/);
    assert.doesNotMatch(page, /Page not found/);
  } finally {
    rmSync(built, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  }
});
