// /section/: the sections by size, the small ones together after the others.
import { SMALL_SECTION } from "../src/index/archive.ts";
import type { TemplateData } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { termIndex } from "../src/render/components.ts";
import { plural } from "../src/render/format.ts";

export default class SectionIndex {
  data() {
    return { permalink: "section/index.html" };
  }

  render(d: TemplateData): string {
    const { main, small } = d.archive.sectionIndex;
    const content = html`<h1>Sections</h1>
${main.length ? html`<p>${plural(d.archive.sections.length, "section", "sections")}, the biggest first.</p>
${termIndex(main)}` : html`<p>None yet.</p>`}
${small.length ? html`<section aria-labelledby="small-h"><h2 id="small-h">Smaller sections</h2>
<p class="meta">Each with fewer than ${plural(SMALL_SECTION, "story", "stories")}.</p>
${termIndex(small, { compact: true })}</section>` : ""}`;
    return layout({ site: d.site, url: "/section/", title: "Sections", content });
  }
}
