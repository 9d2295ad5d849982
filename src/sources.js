// The sources the compiled copy in dist/ is made from (src/compile.ts, run by `npm install`), and
// their digest. The `morgue` executable (src/bin.js) runs that copy only while the digest it was
// made from matches the sources, so an edited source is never shadowed by stale JavaScript; else it
// loads the TypeScript through tsx. Plain JavaScript, and the launcher's only file reads: it runs
// before any TypeScript can be loaded.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The package's root folder. */
export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Where the compiled copy goes, laid out as the package is (dist/src, dist/templates, dist/.eleventy.js). */
export const DIST = path.join(ROOT, "dist");
/** The digest of the sources the compiled copy was made from, written last by src/compile.ts. */
export const DIST_STAMP = path.join(DIST, "sources.sha256");

/** Digest of every file a compiled copy is made from: the settings, .eleventy.ts, src/ and templates/. */
export function sourcesDigest() {
  const hash = createHash("sha256");
  for (const file of [".eleventy.ts", "tsconfig.json", "tsconfig.build.json", ...filesUnder("src"), ...filesUnder("templates")]) {
    hash.update(file).update("\0").update(readFileSync(path.join(ROOT, file))).update("\0");
  }
  return hash.digest("hex");
}

/** The digest the compiled copy was made from, or null when there is none. */
export function distDigest() {
  try {
    return readFileSync(DIST_STAMP, "utf8").trim();
  } catch {
    return null;
  }
}

/** Whether the compiled copy is there and made from the sources as they are now. */
export function distIsFresh() {
  return distDigest() === sourcesDigest();
}

/**
 * Imports an entry point, `file` being its TypeScript source relative to the root (`src/cli.ts`):
 * its compiled copy while that is fresh, unless MORGUE_FROM_SOURCE=1; else the source, through tsx.
 */
export async function importEntry(file) {
  if (process.env.MORGUE_FROM_SOURCE !== "1" && distIsFresh()) {
    return import(pathToFileURL(path.join(DIST, file.replace(/\.ts$/, ".js"))).href);
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import(pathToFileURL(path.join(ROOT, file)).href);
}

/** Files under `dir` (relative to the root), in code-unit order. */
function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}
