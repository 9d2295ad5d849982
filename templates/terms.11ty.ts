// /section/ and /tag/: every section and tag with its number of stories.
import type { Term } from "../src/index/archive.ts";
import type { PageOf } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { termIndex } from "../src/render/components.ts";

interface TermIndexPage {
  url: string;
  title: string;
  terms: "sections" | "tags";
}

type Data = PageOf<TermIndexPage>;

const pages: TermIndexPage[] = [
  { url: "/section/", title: "Sections", terms: "sections" },
  { url: "/tag/", title: "Tags", terms: "tags" },
];

export default class TermIndex {
  data() {
    return {
      termIndexPages: pages,
      pagination: { data: "termIndexPages", size: 1, alias: "item" },
      permalink: (d: Data) => `${d.item.url}index.html`,
    };
  }

  render(d: Data): string {
    const terms: Term[] = d.archive[d.item.terms];
    const content = html`<h1>${d.item.title}</h1>
${terms.length ? termIndex(terms) : html`<p>None yet.</p>`}`;
    return layout({ site: d.site, url: d.item.url, title: d.item.title, content });
  }
}
