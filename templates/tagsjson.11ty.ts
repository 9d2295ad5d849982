// /tag/index.json: every tag for the filter box on the tag pages (loaded on first use).
import type { TemplateData } from "../src/render/types.ts";
import { tagFilterIndex } from "../src/render/tags.ts";

export default class TagsJson {
  data() {
    return { permalink: "tag/index.json" };
  }

  render(d: TemplateData): string {
    return JSON.stringify(tagFilterIndex(d.archive, d.site));
  }
}
