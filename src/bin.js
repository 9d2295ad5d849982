#!/usr/bin/env node
// The `morgue` executable. It runs the compiled copy in dist/ (made by `npm install`, see
// src/compile.ts) while that copy matches the sources; otherwise, or with MORGUE_FROM_SOURCE=1, it
// registers tsx so the TypeScript sources (and Eleventy's .11ty.ts templates and .eleventy.ts) load
// on Node 20 (src/sources.js). Both give the same site; the compiled copy starts about 0.5 s
// sooner, since every module tsx loads is a round trip to its loader thread.
import { importEntry } from "./sources.js";

const cli = await importEntry("src/cli.ts");
process.exitCode = await cli.main(process.argv.slice(2));
