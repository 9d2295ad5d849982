// The front page: latest stories, sections, the date archive and search.
import type { TemplateData } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { storyList, termIndex } from "../src/render/components.ts";
import { plural } from "../src/render/format.ts";

export default class Home {
  data() {
    return { permalink: "index.html" };
  }

  render(d: TemplateData): string {
    const { archive } = d;
    const content = html`<h1 class="visually-hidden">${d.site.title}</h1>
<div class="home">
<section class="latest" aria-labelledby="latest-h">
<h2 id="latest-h">Latest stories</h2>
${archive.latest.length ? storyList(archive.latest) : html`<p>The archive is empty: add dumps to the content folder and build again.</p>`}
</section>
<div class="home-side">
<section aria-labelledby="sections-h">
<h2 id="sections-h">Sections</h2>
${termIndex(archive.sections)}
</section>
<section aria-labelledby="archive-h">
<h2 id="archive-h">Archive</h2>
<ul class="term-index">
${[...archive.years].reverse().map((y) => html`<li><a href="${y.url}">${y.year}</a> <span class="count">${plural(y.count, "story", "stories")}</span></li>\n`)}</ul>
<p><a href="/archive/">All months</a> · <a href="/tag/">All tags</a></p>
</section>
</div>
</div>`;
    return layout({ site: d.site, url: "/", content });
  }
}
