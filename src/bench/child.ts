// One measured step of the benchmark, in its own process so that its peak RSS is its own:
// `build <content> <output> [--search] [--no-cache]`, or `search <output>`. Prints one JSON line,
// with the peak RSS of each build stage (sampled every 50 ms) to show where memory goes.
import { performance } from "node:perf_hooks";
import { build } from "../build.ts";

const samples: [number, number][] = [];
const sampler = setInterval(() => samples.push([performance.now(), process.memoryUsage.rss()]), 50);

/** Peak RSS in MB per stage, the stages laid end to end from `start` by their durations. */
function peaksByStage(start: number, timings: Record<string, number>): Record<string, number> {
  const peaks: Record<string, number> = {};
  let from = start;
  for (const stage of ["ingest", "index", "render", "search", "swap"]) {
    const to = from + (timings[stage] ?? 0);
    const inStage = samples.filter(([t]) => t >= from && t < to).map(([, rss]) => rss);
    if (inStage.length > 0) peaks[stage] = Math.round(Math.max(...inStage) / 2 ** 20);
    from = to;
  }
  return peaks;
}

const [step, a, b, ...flags] = process.argv.slice(2);
let result: Record<string, unknown>;
if (step === "build" && a && b) {
  const start = performance.now();
  const r = await build({ contentDir: a, outputDir: b, search: flags.includes("--search"), cache: !flags.includes("--no-cache") });
  result = {
    stories: r.stories,
    pages: r.pages,
    reusedPages: r.reusedPages,
    failures: r.report.failures.length,
    timings: r.timings,
    peakRssMbByStage: peaksByStage(start, r.timings),
  };
} else if (step === "search" && a) {
  // Loaded here only: a build step loads what `npm run build` loads, no more.
  const { buildSearchIndex } = await import("../render/search.ts");
  await buildSearchIndex(a);
  result = {};
} else {
  throw new Error("usage: child.ts build <content> <output> [--search] | search <output>");
}
clearInterval(sampler);
console.log(JSON.stringify(result));
