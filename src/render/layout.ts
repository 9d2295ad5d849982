// The page shell every HTML page shares: head metadata, header with navigation and search box,
// footer with the report and feed links. Pages pass their content and metadata in.
import type { SiteConfig } from "../config.ts";
import { html, type SafeHtml } from "./html.ts";
import { absoluteUrl, withSiteUrls } from "./format.ts";

export interface PageOptions {
  site: SiteConfig;
  /** Root-relative URL of the page; becomes the canonical link. */
  url: string;
  /** The page's own title; the site title is appended. Omit on the home page. */
  title?: string;
  description?: string;
  /** Extra `<head>` content: Open Graph, JSON-LD, alternate feeds. */
  head?: SafeHtml;
  /** Feeds to advertise besides the site-wide ones. */
  feeds?: { title: string; atomUrl: string; jsonUrl: string }[];
  /** `noindex` pages (404, report) stay out of search engines. */
  noindex?: boolean;
  /** The header's search box; off on the search page, which has its own. */
  searchBox?: boolean;
  content: SafeHtml;
}

export function layout(o: PageOptions): string {
  const { site } = o;
  const fullTitle = o.title ? `${o.title} — ${site.title}` : site.title;
  const description = o.description || site.description;
  const canonical = absoluteUrl(o.url, site.baseUrl);
  const feeds = [{ title: site.title, atomUrl: "/feed.xml", jsonUrl: "/feed.json" }, ...(o.feeds ?? [])];
  return withSiteUrls(html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${canonical}">
${o.noindex ? html`<meta name="robots" content="noindex">\n` : ""}<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${feeds.map(
  (f) => html`<link rel="alternate" type="application/atom+xml" title="${f.title} (Atom)" href="${f.atomUrl}">
<link rel="alternate" type="application/feed+json" title="${f.title} (JSON Feed)" href="${f.jsonUrl}">
`,
)}<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${o.title ?? site.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${canonical}">
${o.head ?? html`<meta property="og:type" content="website">`}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<p class="site-title"><a href="/">${site.title}</a></p>
<nav aria-label="Site">
<ul>
<li><a href="/">Latest</a></li>
<li><a href="/archive/">Archive</a></li>
<li><a href="/section/">Sections</a></li>
<li><a href="/tag/">Tags</a></li>
<li><a href="/search/">Search</a></li>
</ul>
</nav>
${o.searchBox === false ? "" : html`<form class="search-box" role="search" action="/search/" method="get">
<label for="site-search" class="visually-hidden">Search the archive</label>
<input id="site-search" type="search" name="q" placeholder="Search the archive">
<button type="submit">Search</button>
</form>
`}</div>
</header>
<main id="main" class="wrap">
${o.content}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${site.title}: ${site.description}</p>
<ul>
<li><a href="/archive/">Archive</a></li>
<li><a href="/report/">Build report</a></li>
<li><a href="/feed.xml">Atom feed</a></li>
<li><a href="/feed.json">JSON Feed</a></li>
<li><a href="/sitemap.xml">Sitemap</a></li>
</ul>
</div>
</footer>
</body>
</html>
`.value, site.baseUrl);
}
