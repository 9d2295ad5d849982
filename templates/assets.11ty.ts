// The static assets next to this file (stylesheet, search and tag filter scripts, icon), written under /assets/.
// Read as text so the template format list stays "11ty.ts" only.
import { readFileSync } from "node:fs";

const FILES = ["site.css", "search.js", "tags.js", "favicon.svg"];

interface Data {
  item: string;
}

export default class Assets {
  data() {
    return {
      assetFiles: FILES,
      pagination: { data: "assetFiles", size: 1, alias: "item" },
      permalink: (d: Data) => `assets/${d.item}`,
    };
  }

  render(d: Data): string {
    return readFileSync(new URL(`./assets/${d.item}`, import.meta.url), "utf8");
  }
}
