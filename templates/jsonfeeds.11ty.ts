// JSON Feeds: /feed.json and /section/<key>/feed.json.
import type { FeedWithBodies, TemplateData } from "../src/render/types.ts";
import { jsonFeed } from "../src/render/feeds.ts";

type Data = TemplateData & { item: FeedWithBodies };

export default class JsonFeeds {
  data() {
    return {
      pagination: { data: "feeds", size: 1, alias: "item" },
      permalink: (d: Data) => d.item.jsonUrl.slice(1),
    };
  }

  render(d: Data): string {
    return jsonFeed(d.item, d.site);
  }
}
