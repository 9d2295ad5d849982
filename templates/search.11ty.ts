// /search/: Pagefind's UI over the index `buildSearchIndex` writes to /pagefind/. Reading the
// archive never needs JavaScript; only this page does, and it says so without it.
import type { TemplateData } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { siteUrl } from "../src/render/format.ts";

export default class Search {
  data() {
    return { permalink: "search/index.html" };
  }

  render(d: TemplateData): string {
    const head = html`<meta property="og:type" content="website">
<link rel="stylesheet" href="/pagefind/pagefind-ui.css">
<script src="/pagefind/pagefind-ui.js" defer></script>
<script src="/assets/search.js" defer></script>`;
    const content = html`<h1>Search the archive</h1>
<div id="search" class="search-ui" data-base-url="${siteUrl("/", d.site.baseUrl)}"></div>
<noscript><p>Search needs JavaScript. Every story can also be reached from the <a href="/archive/">archive by date</a>, the <a href="/section/">sections</a> and the <a href="/tag/">tags</a>.</p></noscript>`;
    return layout({ site: d.site, url: "/search/", title: "Search", head, content });
  }
}
