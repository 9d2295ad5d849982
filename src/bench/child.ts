// One measured step of the benchmark, in its own process so that its peak RSS is its own:
// `build <content> <output> [--search] [--no-cache]`, or `search <output>`. Prints one JSON line.
import { build } from "../build.ts";
import { buildSearchIndex } from "../render/search.ts";
import { performance } from "node:perf_hooks";

const [step, a, b, ...flags] = process.argv.slice(2);
const t0 = performance.now();
let result: Record<string, unknown>;
if (step === "build" && a && b) {
  const r = await build({ contentDir: a, outputDir: b, search: flags.includes("--search"), cache: !flags.includes("--no-cache") });
  result = { stories: r.stories, pages: r.pages, failures: r.report.failures.length, timings: r.timings };
} else if (step === "search" && a) {
  await buildSearchIndex(a);
  result = {};
} else {
  throw new Error("usage: child.ts build <content> <output> [--search] | search <output>");
}
const wallMs = Math.round(performance.now() - t0);
console.log(JSON.stringify({ ...result, wallMs, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
