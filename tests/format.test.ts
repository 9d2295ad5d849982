// URLs the site prints: the sitemap, feeds and catalog write one absolute URL per story, made
// without parsing the base URL each time; they must be exactly what the URL parser writes.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { absoluteUrl, siteUrl } from "../src/render/format.ts";

test("absolute URLs are what the URL parser writes, for any path and base URL", () => {
  // What the URL parser writes, or that it refuses the URL: both must be the same.
  const outcome = (make: () => string): string => {
    try {
      return make();
    } catch (error) {
      return `refused: ${(error as Error).name}`;
    }
  };
  const reference = (path: string, base: string): string => outcome(() => new URL(new URL(base).pathname + path.replace(/^\//, ""), base).toString());
  const ours = (path: string, base: string): string => outcome(() => absoluteUrl(path, base));
  const bases = ["http://localhost:8080/", "https://example.org/archive/", "https://user:pw@example.org/", "https://bücher.example/a b/", "http://example.org:80/x/", "file:///srv/site/", "https://example.org/?q=1"];
  const paths = ["/", "/2020/09/28/", "/2020/09/28/us-threatens-to-close-embassy/", "/tag/covid-19/", "/feed.xml", "/search/", "//evil.example/", "/a/../b/", "/./x", "/a b/", "/é/", "/x/..", "/x?y", "/x#y", "", "/%41/"];
  for (const base of bases) for (const path of paths) assert.equal(ours(path, base), reference(path, base), `${path} on ${base}`);
  const segment = fc.stringMatching(/^[A-Za-z0-9._~%é ?#-]{0,6}$/);
  fc.assert(
    fc.property(fc.array(segment, { maxLength: 5 }), fc.boolean(), fc.constantFrom(...bases), (segments, slash, base) => {
      const path = `/${segments.join("/")}${slash ? "/" : ""}`;
      assert.equal(ours(path, base), reference(path, base));
      assert.equal(siteUrl(path, base), new URL(base).pathname + path.slice(1));
    }),
    { numRuns: 5000 },
  );
});
