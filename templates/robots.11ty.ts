// /robots.txt: everything may be crawled except the build report; the sitemap lists the pages.
import type { TemplateData } from "../src/render/types.ts";
import { absoluteUrl, siteUrl } from "../src/render/format.ts";

export default class Robots {
  data() {
    return { permalink: "robots.txt" };
  }

  render(d: TemplateData): string {
    return `User-agent: *\nDisallow: ${siteUrl("/report/", d.site.baseUrl)}\n\nSitemap: ${absoluteUrl("/sitemap.xml", d.site.baseUrl)}\n`;
  }
}
