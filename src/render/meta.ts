// Article metadata for search engines and link previews: Open Graph and schema.org NewsArticle.
import type { SiteConfig } from "../config.ts";
import type { ArchiveArticle } from "../index/archive.ts";
import { html, jsonForScript, type SafeHtml } from "./html.ts";
import { absoluteUrl } from "./format.ts";

/** The schema.org `NewsArticle` object for one story. */
export function newsArticleJsonLd(a: ArchiveArticle, site: SiteConfig): Record<string, unknown> {
  const url = absoluteUrl(a.url, site.baseUrl);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    url,
    mainEntityOfPage: url,
    ...(a.published ?? a.date ? { datePublished: a.published ?? a.date } : {}),
    ...(a.updated ? { dateModified: a.updated } : {}),
    author: a.authors.map((name) => ({ "@type": "Person", name })),
    articleSection: a.section,
    ...(a.tags.length ? { keywords: a.tags.map((t) => t.name) } : {}),
    ...(a.language ? { inLanguage: a.language } : {}),
    description: a.description,
    ...(a.images.length
      ? { image: a.images.map((img) => ({ "@type": "ImageObject", caption: img.caption || img.alt, description: img.alt })) }
      : {}),
    publisher: { "@type": "Organization", name: site.title, url: site.baseUrl },
  };
}

/** `<head>` additions for an article page. */
export function articleHead(a: ArchiveArticle, site: SiteConfig): SafeHtml {
  const published = a.published ?? a.date;
  return html`<meta property="og:type" content="article">
${published ? html`<meta property="article:published_time" content="${published}">\n` : ""}${a.updated ? html`<meta property="article:modified_time" content="${a.updated}">\n` : ""}<meta property="article:section" content="${a.section}">
${a.tags.map((t) => html`<meta property="article:tag" content="${t.name}">\n`)}${a.authors.map((name) => html`<meta name="author" content="${name}">\n`)}<script type="application/ld+json">${jsonForScript(newsArticleJsonLd(a, site))}</script>`;
}
