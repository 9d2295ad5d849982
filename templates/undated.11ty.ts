// /undated/: the undated shelf, stories whose page printed no date morgue could read, by headline.
// They are in sections, tags and search like any story; this page is where they are all listed.
import { UNDATED_URL } from "../src/index/archive.ts";
import type { TemplateData } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { storyList } from "../src/render/components.ts";
import { plural } from "../src/render/format.ts";

export default class Undated {
  data() {
    return { permalink: (d: TemplateData) => (d.archive.undated.length ? `${UNDATED_URL.slice(1)}index.html` : false) };
  }

  render(d: TemplateData): string {
    const content = html`<p class="kicker"><a href="/archive/">Archive</a></p>
<h1>Undated</h1>
<p>${plural(d.archive.undated.length, "story", "stories")} whose page printed no date, by headline. A date in the dump's file name (<code>2019-11-20-name.txt</code>) or in its record's <code>date</code> field puts a story in the archive by date.</p>
${storyList(d.archive.undated, { summaries: true })}`;
    return layout({ site: d.site, url: UNDATED_URL, title: "Undated", description: "Stories without a date", content });
  }
}
