// Comparing folders the build wrote: every file and folder under one, with the same bytes as another.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every file under `dir`, as full paths. */
export function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Every folder under `dir`, relative to it. */
export function allFolders(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** Two built sites (or record folders) hold the same folders (no empty one left behind) and files, with the same bytes. */
export function assertSameSite(actual: string, expected: string): void {
  assert.deepEqual(allFolders(actual), allFolders(expected));
  const files = allFiles(expected).map((f) => path.relative(expected, f)).sort();
  assert.deepEqual(allFiles(actual).map((f) => path.relative(actual, f)).sort(), files);
  for (const f of files) assert.equal(readFileSync(path.join(actual, f), "utf8"), readFileSync(path.join(expected, f), "utf8"), f);
}
