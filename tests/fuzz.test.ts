// Random and mutated dumps never crash the parser: each gives a record or an error with file and
// line (a few hundred cases here; `npm run fuzz` runs 10,000).
import { test } from "node:test";
import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { dumpArbitrary, parsesOrReports } from "../src/bench/fuzz.ts";

const seedDir = new URL("./fixtures/voa/", import.meta.url);
const seeds = readdirSync(seedDir).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(new URL(f, seedDir), "utf8"));

test("mutated and random dumps give a record or an error with file and line, never a crash", () => {
  fc.assert(fc.property(dumpArbitrary(seeds), parsesOrReports), { numRuns: 300 });
});
