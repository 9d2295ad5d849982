// /report.json: the build report for scripts.
import type { TemplateData } from "../src/render/types.ts";
import { siteUrl } from "../src/render/format.ts";

export default class ReportJson {
  data() {
    return { permalink: "report.json" };
  }

  render(d: TemplateData): string {
    const r = d.archive.report;
    const url = (a: { url: string }): string => siteUrl(a.url, d.site.baseUrl);
    return `${JSON.stringify(
      {
        stories: d.archive.articles.length,
        failures: r.failures,
        corrections: r.corrections,
        notes: r.notes,
        review: {
          defaultSection: r.review.defaultSection.map(url),
          untagged: r.review.untagged.map(url),
          outlierDates: r.review.outlierDates.map(url),
          repeatedHeadlines: r.review.repeatedHeadlines.map((group) => group.map(url)),
          undated: r.review.undated.map(url),
          datedByFileName: r.review.datedByFileName.map(url),
        },
        missingRelated: r.missingRelated.map((m) => ({
          title: m.title,
          section: m.section,
          date: m.date,
          source: m.source,
          namedBy: m.namedBy.map(url),
        })),
      },
      null,
      2,
    )}\n`;
  }
}
