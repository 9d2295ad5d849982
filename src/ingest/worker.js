// Worker-thread entry for ingest: loads TypeScript through tsx (on Node 20 a worker does not get
// the main thread's loader, whether it came from --import or from code), then serves requests.
import { register } from "tsx/esm/api";

register();
await import("./worker-main.ts");
