import { mkdtempSync } from "node:fs";
import v8 from "node:v8";
if (process.env.GROW) v8.setFlagsFromString(`--heap-growing-percent=${process.env.GROW}`);
let peak = { rss: 0 } as Record<string, number>;
setInterval(() => { const m = process.memoryUsage() as unknown as Record<string, number>; if (m.rss > peak.rss) peak = { ...m }; }, 100).unref();
setInterval(() => { const m = process.memoryUsage(); console.log("MEM", Math.round(m.rss / 2 ** 20), Math.round(m.heapTotal / 2 ** 20), Math.round(m.heapUsed / 2 ** 20), Math.round(m.external / 2 ** 20), Math.round(m.arrayBuffers / 2 ** 20)); }, 5000).unref();
import { ingest, index } from "./src/pipeline.ts";
import { emptyReport } from "./src/report.ts";
import { resolveConfig } from "./src/config.ts";
import { renderSite } from "./src/render/site.ts";
const config = resolveConfig({ contentDir: "/work/scratch/b100k/content", outputDir: "/work/scratch/b100k/site" });
async function prepare() {
  const report = emptyReport();
  const ing = await ingest(config.contentDir, { timezone: config.timezone, reuse: true, cacheDir: "/work/scratch/b100k/content/.morgue-cache" }, report);
  const archive = await index(ing, report, config);
  return { archive, bodies: ing.bodies };
}
const { archive, bodies } = await prepare();
await new Promise((r) => setTimeout(r, 10));
console.log("RENDER START", Math.round(process.memoryUsage().heapUsed / 2 ** 20), "MB heap used");
const t = performance.now();
const res = await renderSite(archive, config, mkdtempSync("/tmp/rb100-"), { bodies });
console.log("PEAK", JSON.stringify(Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, Math.round(v / 2 ** 20)]))));
console.log(`RENDER END ${Math.round(performance.now() - t)} ms, ${res.pages} pages`);
