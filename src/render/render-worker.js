// Worker-thread entry for rendering story pages: loads TypeScript through tsx (on Node 20 a worker
// does not get the main thread's loader), then serves requests (src/render/render-worker-main.ts).
import { register } from "tsx/esm/api";

register();
await import("./render-worker-main.ts");
