// Random and mutated dumps never crash the parser: each gives a record or an error with file and
// line (a few hundred cases here; `npm run fuzz` runs 10,000).
import { test } from "node:test";
import fc from "fast-check";
import { dumpArbitrary, parsesOrReports } from "../src/bench/fuzz.ts";

import { fuzzSeeds } from "../src/bench/fuzz.ts";

const seeds = fuzzSeeds(new URL("./fixtures/voa/", import.meta.url), new URL("../../shared/corpora/page-text-dev/dumps/", import.meta.url));

test("mutated and random dumps give a record or an error with file and line, never a crash", () => {
  fc.assert(fc.property(dumpArbitrary(seeds), parsesOrReports), { numRuns: 300 });
});
