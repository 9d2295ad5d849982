// /catalog.json: every story with its URL (under the base path), tags, related stories (in order) and the dump's links.
import type { TemplateData } from "../src/render/types.ts";
import { siteUrl } from "../src/render/format.ts";

export default class Catalog {
  data() {
    return { permalink: "catalog.json" };
  }

  render(d: TemplateData): string {
    const url = (path: string): string => siteUrl(path, d.site.baseUrl);
    const articles = d.archive.articles.map((a) => ({
      id: a.id,
      url: url(a.url),
      title: a.title,
      published: a.published ?? a.date,
      section: a.section,
      ...(a.outlet ? { outlet: a.outlet } : {}),
      ...(a.originalUrl ? { originalUrl: a.originalUrl } : {}),
      tags: a.tags.map((t) => t.name),
      related: a.related.map((r) => url(r.article.url)),
      links: a.links.map((l) => ({ title: l.title, url: l.article ? url(l.article.url) : null })),
      sourceFiles: a.sourceFiles,
    }));
    return `${JSON.stringify({ articles }, null, 1)}\n`;
  }
}
