// Atom feeds: /feed.xml and /section/<key>/feed.xml.
import type { FeedWithBodies, TemplateData } from "../src/render/types.ts";
import { atomFeed } from "../src/render/feeds.ts";

type Data = TemplateData & { item: FeedWithBodies };

export default class AtomFeeds {
  data() {
    return {
      pagination: { data: "feeds", size: 1, alias: "item" },
      permalink: (d: Data) => d.item.atomUrl.slice(1),
    };
  }

  render(d: Data): string {
    return atomFeed(d.item, d.site);
  }
}
