// One measured step of the benchmark, in its own process so that its peak RSS is its own:
// `build <content> <output> [--search] [--no-cache]`, or `search <output>`. Prints one JSON line,
// with the peak RSS of each build stage (sampled every 50 ms) to show where memory goes.
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { build } from "../build.ts";

// Sampled from a thread of its own: the index stage keeps the main thread busy for tens of seconds
// without a turn of the event loop, and a timer there would see none of it (at 100,000 stories it
// credited the index stage's peak to the render).
const sampler = new Worker(
  `const { parentPort } = require("node:worker_threads");
   const samples = [];
   const timer = setInterval(() => samples.push([performance.timeOrigin + performance.now(), process.memoryUsage.rss()]), 50);
   parentPort.once("message", () => { clearInterval(timer); parentPort.postMessage(samples); });`,
  { eval: true },
);
let samples: [number, number][] = [];
const collect = (): Promise<void> =>
  new Promise((resolve) => {
    sampler.once("message", (all: [number, number][]) => {
      samples = all.map(([t, rss]) => [t - performance.timeOrigin, rss]);
      void sampler.terminate().then(() => resolve());
    });
    sampler.postMessage("done");
  });

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
  await collect();
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
if (step !== "build") await sampler.terminate();
console.log(JSON.stringify(result));
