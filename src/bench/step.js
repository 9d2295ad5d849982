// Runs one measured step of the benchmark (src/bench/child.ts) the way `npm run build` runs morgue
// (src/bin.js): from the compiled copy in dist/ while it is fresh, else from the sources through tsx.
import { importEntry } from "../sources.js";

await importEntry("src/bench/child.ts");
