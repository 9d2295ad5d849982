// The benchmark's Hugo site: the same stories (from morgue's records) as Hugo content with tags
// and sections as taxonomies, and minimal layouts; optionally 5 related stories a page.
import matter from "gray-matter";

const layout = (related: number): Record<string, string> => ({
  "layouts/_default/baseof.html": `<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>`,
  "layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "January 2, 2006" }}</time>{{ .Content }}` +
    (related ? `<ul>{{ range first ${related} (.Site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>` : "") +
    `{{ range .Params.tags }}<a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a>{{ end }}</article>{{ end }}`,
  "layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
  "layouts/index.html": `{{ define "main" }}<ul>{{ range first 20 .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
});

const config = `baseURL = "http://localhost/"
title = "bench"
disableKinds = ["RSS"]
paginate = 50
[taxonomies]
tag = "tags"
section = "sections"
[related]
includeNewer = true
threshold = 0
toLower = true
[[related.indices]]
name = "tags"
weight = 100
[[related.indices]]
name = "date"
weight = 10
`;

/** Files of a Hugo site (path -> text) holding the given morgue records. */
export function hugoSite(records: string[], related: number): Map<string, string> {
  const files = new Map<string, string>(Object.entries(layout(related)));
  files.set("config.toml", config);
  records.forEach((text, i) => {
    const { data, content } = matter(text);
    const front = { title: data.title, date: data.published ?? `${data.date}T00:00:00Z`, tags: data.tags, sections: [data.section], slug: data.slug };
    files.set(`content/posts/${String(i).padStart(6, "0")}.md`, `${JSON.stringify(front, null, 1)}\n\n${content}`);
  });
  return files;
}
