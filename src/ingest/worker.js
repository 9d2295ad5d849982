// Worker-thread entry for ingest. In the compiled copy (dist/, src/compile.ts) the JavaScript of
// worker-main sits next to this file; from the sources, a worker loads TypeScript through tsx (on
// Node 20 a worker does not get the main thread's loader, whether it came from --import or from code).
import { existsSync } from "node:fs";

const compiled = new URL("./worker-main.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("./worker-main.ts", import.meta.url).href);
}
