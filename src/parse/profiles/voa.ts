// The VOA News profile: how a page-text dump saved from voanews.com is laid out, as data for the
// profile engine (../profile.ts). Every entry names the real input it was written from.
import type { SiteProfile } from "../profile.ts";
import { MONTHS, parseVoaDateline, parseVoaTeaserDate } from "../dates.ts";

export const VOA: SiteProfile = {
  name: "voa",
  // voanews.com (English service); the other VOA language services would need their own table.
  language: "en",

  // Seed 000_232c69b19052f130.txt, line 1: " date 2020-09-28 USA" (the leading space is trimmed by
  // decodeDump). The section may be several words: "Middle East", "Silicon Valley & Technology".
  header: /^date (?<day>\d{4}-\d{2}-\d{2}) (?<section>\S.*)$/,
  headerExample: "date 2020-09-28 USA",

  // Seed line 5: "By VOA News". A bare "By" with the names on the next line comes from the same
  // seed's Related Stories card ("By" / "VOA News").
  byline: /^By(?: (\S.*))?$/,

  // VOA bylines with several reporters, as the brief for this profile lists them: "By A and B",
  // "By A, B and C". A serial comma ("A, B, and C") splits the same way.
  authorSeparator: /\s*,\s*(?:and\s+)?|\s+and\s+/,

  // Seed line 6: "September 28, 2020 03:35 AM"; pages edited after publication show
  // "Updated September 28, 2020 03:35 AM" instead (the brief for this profile).
  datelines: [
    { pattern: /^Updated (\S.*)$/, field: "updated" },
    { pattern: /^(\S.*)$/, field: "published" },
  ],
  datelineFormats: [
    {
      // Seed line 6. The shape is any "Word D, YYYY" with or without a time, so "Septembr 31, 2020
      // 03:35 AM" or a date without its time is reported as unreadable instead of becoming the
      // first paragraph; a paragraph that merely opens with a date has more words and is text.
      shape: /^[A-Za-z]+\.? \d{1,2}, \d{4}(?: \d{1,2}:\d{2}(?: ?[AP]M)?)?$/i,
      read: parseVoaDateline,
      example: "September 28, 2020 03:35 AM",
    },
  ],

  image: {
    // Seed line 7: the alt text is cut short and ends with "…".
    truncated: /…$/,
    // Seed lines 7–8 share 13 of the caption's 13 content words; unrelated neighbouring
    // paragraphs share well under half.
    minOverlap: 0.6,
    // Seed lines 7–8 differ in "on January 1, 2020" vs "Jan. 1, 2020": function words carry no
    // meaning for the comparison.
    ignoredWords: new Set(["a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on", "the", "to", "with"]),
    // Seed lines 7–8: "January" in the alt text, "Jan." in the caption (VOA captions use AP
    // month abbreviations). "US"/"U.S." needs no entry: dots are dropped before comparing.
    wordAliases: Object.fromEntries(Object.entries(MONTHS).map(([name, month]) => [name, `month-${month}`])),
  },

  blocks: [
    // Seed line 24: the list of related stories under the article.
    { label: /^Related Stories$/, kind: "related" },
    // Seed line 37: a container label; its stories come under the "More ... News" heading after it.
    { label: /^More Coverage$/, kind: "more" },
    // Seed line 39: "More U.S. News"; other sections print "More Middle East News" and the like.
    { label: /^More [A-Z][\w.&' -]{0,40} News$/, kind: "more" },
  ],

  related: {
    // Seed lines 30 and 33: "AFP logo", "VOA logo" (the source's logo, named in its alt text).
    logo: /^\S+(?: \S+){0,2} logo$/,
    dateFormats: [
      {
        // Seed line 32: "Wed, 09/23/2020 - 06:13 PM".
        shape: /^[A-Za-z]{3}, \d{1,2}\/\d{1,2}\/\d{4}(?: - \d{1,2}:\d{2}(?: ?[AP]M)?)?$/i,
        read: parseVoaTeaserDate,
        example: "Wed, 09/23/2020 - 06:13 PM",
      },
    ],
  },
};
