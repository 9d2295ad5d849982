// /sitemap.xml and /robots.txt, which points at it.
import type { TemplateData } from "../src/render/types.ts";
import { escapeHtml } from "../src/render/html.ts";
import { absoluteUrl } from "../src/render/format.ts";
import { sitePages } from "../src/render/pages.ts";

export default class Sitemap {
  data() {
    return { permalink: "sitemap.xml" };
  }

  render(d: TemplateData): string {
    const urls = sitePages(d.archive).map(
      (p) =>
        `  <url><loc>${escapeHtml(absoluteUrl(p.url, d.site.baseUrl))}</loc>${p.lastmod ? `<lastmod>${escapeHtml(p.lastmod)}</lastmod>` : ""}</url>\n`,
    );
    return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join("")}</urlset>
`;
  }
}
