// /report/: the archivist's review queue (stories worth a look), what the build could not use or
// kept by hand, and related stories the archive lacks. Tables become cards on a phone.
import type { TemplateData } from "../src/render/types.ts";
import { html } from "../src/render/html.ts";
import { layout } from "../src/render/layout.ts";
import { longDate, plural } from "../src/render/format.ts";
import { storyList } from "../src/render/components.ts";
import type { ArticleLink } from "../src/index/archive.ts";

/** Stories listed per review group on the page; report.json has them all. */
const REVIEW_SHOWN = 50;

export default class Report {
  data() {
    return { permalink: "report/index.html" };
  }

  render(d: TemplateData): string {
    const r = d.archive.report;
    const q = r.review;
    const queue: [string, string, string, ArticleLink[]][] = [
      ["review-section", "On the default section", "The page named no section; the parser filed these under its default.", q.defaultSection],
      ["review-untagged", "Without tags", "No person, place or organisation was found in these.", q.untagged],
      ["review-dates", "Outlier dates", "Dated years away from the rest of the archive: often a misread date.", q.outlierDates],
      ["review-undated", "Undated", "The page printed no date morgue could read: these are on the undated shelf. A date in the file name (2019-11-20-name.txt) or in the record's date field puts them in the archive by date.", q.undated],
      ["review-filename", "Dated from the file name", "The page printed no date; the day comes from the file name.", q.datedByFileName],
    ];
    const content = html`<h1>Build report</h1>
<p>${plural(d.archive.articles.length, "story", "stories")} built; ${plural(r.failures.length, "dump", "dumps")} could not be used; ${plural(r.corrections.length, "hand correction", "hand corrections")} kept; ${plural(r.missingRelated.length, "related story", "related stories")} named but not in the archive. Also as <a href="/report.json">JSON</a>.</p>
<nav class="report-nav" aria-label="On this page"><ul>
<li><a href="#review-h">Review queue</a></li><li><a href="#failures-h">Not built</a></li><li><a href="#corrections-h">Hand corrections</a></li><li><a href="#missing-h">Missing related</a></li><li><a href="#duplicates-h">Duplicates</a></li>
</ul></nav>
<section aria-labelledby="review-h">
<h2 id="review-h">Review queue</h2>
<p>Stories that were built but are worth a look.</p>
${queue.map(([id, heading, why, stories]) => html`<details class="review"${stories.length ? "" : " hidden"}>
<summary><h3 id="${id}">${heading} <span class="count">${stories.length}</span></h3></summary>
<p class="meta">${why}</p>
${storyList(stories.slice(0, REVIEW_SHOWN))}
${stories.length > REVIEW_SHOWN ? html`<p class="meta">And ${stories.length - REVIEW_SHOWN} more: every one is in <a href="/report.json">report.json</a>.</p>` : ""}
</details>
`)}<details class="review"${q.repeatedHeadlines.length ? "" : " hidden"}>
<summary><h3 id="review-repeated">Repeated headlines <span class="count">${q.repeatedHeadlines.length}</span></h3></summary>
<p class="meta">One headline on several stories: a follow-up, a correction, or a headline reused by mistake.</p>
${q.repeatedHeadlines.slice(0, REVIEW_SHOWN).map((group) => storyList(group))}
</details>
${queue.every(([, , , s]) => s.length === 0) && q.repeatedHeadlines.length === 0 ? html`<p>Nothing to review.</p>` : ""}
</section>

<section aria-labelledby="failures-h">
<h2 id="failures-h">Dumps that did not become stories</h2>
${r.failures.length
  ? html`<table class="report-table"><thead><tr><th scope="col">File</th><th scope="col">Line</th><th scope="col">Problem</th><th scope="col">What to do</th></tr></thead>
<tbody>${r.failures.map((f) => html`<tr><td><code>${f.file}</code>${f.title ? html`<br>${f.title}` : ""}</td><td>${f.line ? `line ${f.line}` : "whole file"}</td><td>${f.message} <span class="meta">(${f.rule})</span></td><td>${f.hint}</td></tr>\n`)}</tbody></table>`
  : html`<p>None.</p>`}
</section>
<section aria-labelledby="corrections-h">
<h2 id="corrections-h">Hand corrections kept</h2>
${r.corrections.length
  ? html`<table class="report-table"><thead><tr><th scope="col">Record</th><th scope="col">Dump</th><th scope="col">Fields</th><th scope="col">Dump changed since</th></tr></thead>
<tbody>${r.corrections.map((c) => html`<tr><td><code>${c.record}</code></td><td><code>${c.sourceFile}</code></td><td>${c.fields.join(", ")}</td><td>${c.dumpChanged ? "Yes: worth a look" : "No"}</td></tr>\n`)}</tbody></table>`
  : html`<p>None.</p>`}
</section>
<section aria-labelledby="missing-h">
<h2 id="missing-h">Related stories not in the archive</h2>
${r.missingRelated.length
  ? html`<table class="report-table"><thead><tr><th scope="col">Story</th><th scope="col">Section</th><th scope="col">Date</th><th scope="col">Named by</th></tr></thead>
<tbody>${r.missingRelated.map((m) => html`<tr><td>${m.title}${m.source ? html` <span class="meta">(${m.source})</span>` : ""}</td><td>${m.section ?? "–"}</td><td>${m.date ? longDate(m.date) : "–"}</td><td>${m.namedBy.map((a, i) => html`${i ? ", " : ""}<a href="${a.url}">${a.title}</a>`)}</td></tr>\n`)}</tbody></table>`
  : html`<p>None.</p>`}
</section>
<section aria-labelledby="duplicates-h">
<h2 id="duplicates-h">Stories dumped more than once</h2>
${r.duplicates.length
  ? html`<table class="report-table"><thead><tr><th scope="col">Built from</th><th scope="col">Same story in</th></tr></thead>
<tbody>${r.duplicates.map((x) => html`<tr><td><code>${x.kept}</code></td><td>${x.also.map((f, i) => html`${i ? ", " : ""}<code>${f}</code>`)}</td></tr>
`)}</tbody></table>`
  : html`<p>None.</p>`}
</section>
${r.notes.length
  ? html`<section aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2><ul>${r.notes.map((n) => html`<li><code>${n.file}</code>: ${n.message}</li>`)}</ul></section>`
  : ""}`;
    return layout({ site: d.site, url: "/report/", title: "Build report", noindex: true, content });
  }
}
