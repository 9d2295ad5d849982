// Imported by src/render/site.ts before Eleventy, so it runs first. On Node 20 (no
// `module.registerHooks`) Eleventy 3 registers an ESM resolver with `module.register`, which runs
// on a loader thread of its own: from then on every module import, Eleventy's own and each
// template's, is a round trip to that thread. The resolver only busts the import cache of
// templates edited during `--watch` and `--serve` (Eleventy's src/Util/EsmResolverPortAdapter.js,
// issue 11ty/eleventy#3270); morgue neither watches nor edits templates during a build, and its
// runs import templates with a cache-busting query of their own. Skipping it (Eleventy's own
// switch, from issue 11ty/eleventy#3371) made importing Eleventy 243-310 ms instead of 352-399 ms
// and the pipeline's other modules after it 314-365 instead of 415-467 ms (three runs each).
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
