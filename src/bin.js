#!/usr/bin/env node
// The `morgue` executable: registers tsx so the TypeScript sources (and Eleventy's .11ty.ts
// templates and .eleventy.ts) load on Node 20, then hands over to the CLI.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./cli.ts");
process.exitCode = await main(process.argv.slice(2));
