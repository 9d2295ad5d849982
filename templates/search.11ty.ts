// /search/: one search form over the Pagefind indexes that `buildSearchIndex` writes, one a year, under /pagefind/,
// with filters by section, year and tag and a sort by date. The form works as a plain GET form;
// results need JavaScript (assets/search.js), and the page says so without it.
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
<script src="/assets/search.js" type="module"></script>`;
    const content = html`<h1>Search the archive</h1>
<form class="search-page" role="search" action="/search/" method="get" data-base-url="${siteUrl("/", d.site.baseUrl)}">
<div class="search-row">
<label for="q" class="visually-hidden">Words to find</label>
<input id="q" type="search" name="q" placeholder="Words to find" autocomplete="off">
<button type="submit">Search</button>
</div>
<div class="search-options">
<label>Sort <select name="sort"><option value="">Best match</option><option value="new">Newest first</option><option value="old">Oldest first</option></select></label>
<label>Section <select name="section" data-filter="section"><option value="">Any</option></select></label>
<label>Year <select name="year" data-filter="year"><option value="">Any</option></select></label>
<label>Tag <select name="tag" data-filter="tag"><option value="">Any</option></select></label>
</div>
</form>
<p id="search-status" class="meta" aria-live="polite"></p>
<ol id="search-results" class="story-list search-results"></ol>
<p><button type="button" id="search-more" class="more-button" hidden>More results</button></p>
<noscript><p>Search needs JavaScript. Every story can also be reached from the <a href="/archive/">archive by date</a>, the <a href="/section/">sections</a> and the <a href="/tag/">tags</a>.</p></noscript>`;
    return layout({ site: d.site, url: "/search/", title: "Search", head, content, searchBox: false });
  }
}
