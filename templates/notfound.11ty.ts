// /404.html, which static servers show for a missing page.
import type { TemplateData } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";

export default class NotFound {
  data() {
    return { permalink: "404.html" };
  }

  render(d: TemplateData): string {
    const content = html`<h1>Page not found</h1>
<p>There is no page at this address. The story may be in the <a href="/archive/">archive</a>, or try <a href="/search/">searching</a>.</p>`;
    return layout({ site: d.site, url: "/404.html", title: "Page not found", noindex: true, content });
  }
}
