// /report.json: the build report for scripts.
import type { TemplateData } from "../src/render/types.ts";
import { siteUrl } from "../src/render/format.ts";

export default class ReportJson {
  data() {
    return { permalink: "report.json" };
  }

  render(d: TemplateData): string {
    const r = d.archive.report;
    return `${JSON.stringify(
      {
        stories: d.archive.articles.length,
        failures: r.failures,
        corrections: r.corrections,
        notes: r.notes,
        missingRelated: r.missingRelated.map((m) => ({
          title: m.title,
          section: m.section,
          date: m.date,
          source: m.source,
          namedBy: m.namedBy.map((a) => siteUrl(a.url, d.site.baseUrl)),
        })),
      },
      null,
      2,
    )}\n`;
  }
}
