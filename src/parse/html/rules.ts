// The HTML parser's heuristics as data: where pages put their metadata, which markup is page
// furniture, which bylines name no person. Each table says which real pages it came from
// (page-html-dev, the 94 saved news pages; see ../shared/corpora/page-html-dev/README.md).

/** Thresholds, in one place. */
export const HTML_SETTINGS = {
  /** Images this wide or narrower are tracking pixels and spacers (1x1 on CNBC, The Hill). */
  minImageWidth: 2,
  /**
   * A page whose article text has fewer words than this is not an article (a home, section, tag or
   * error page). The shortest true body in page-html-dev is a 60-word Instagram-style post; home
   * and tag pages give Readability a list of teasers or nothing.
   */
  minArticleWords: 40,
  /** A headline longer than this is a paragraph, not a title. */
  maxHeadlineChars: 300,
  /** A byline longer than this is a paragraph or an author's biography. */
  maxBylineChars: 200,
  /** A byline name has at most this many words ("Sarah E. Needleman", "Mary Ann de la Cruz"). */
  maxNameWords: 5,
  /** Earliest plausible year of a web page's publication: earlier ones are placeholders (USA Today's JSON-LD `0001-01-01`, Unix time zero). */
  minYear: 1991,
  /** The first paragraphs of the article element, where Readability keeps the dateline and byline (LA Times, Business Insider). */
  headParagraphs: 4,
  /** Blocks under a "Related" label shorter than this are its links (headlines run 5-15 words). */
  listItemWords: 16,
  /** How many of the page's text blocks after the headline are searched for a printed date and byline. */
  headWindow: 40,
};

/** Schema.org types of an article in JSON-LD (NewsArticle on most news sites, BlogPosting on blogs, ReportageNewsArticle on Reuters). */
export const ARTICLE_TYPES = /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|SocialMediaPosting|Report|WebPage|ItemPage)$/u;

/** Types whose `name` is a person (authors of type Organization are outlets, not bylines). */
export const PERSON_TYPES = /^Person$/u;

/**
 * `<meta>` names and properties (and `itemprop`s) per field, most specific first. Open Graph and
 * `article:*` from most sites, `sailthru.*` (The Hill, Business Insider), `parsely-*` (TechCrunch,
 * SlashGear), Dublin Core (Russian and German sites), `pubdate`/`publishdate` (older CMSes).
 */
export const META_NAMES = {
  title: ["og:title", "twitter:title", "sailthru.title", "parsely-title", "dc.title", "headline"],
  published: [
    "article:published_time", "og:published_time", "datepublished", "published_time", "article.published", "sailthru.date",
    "parsely-pub-date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.created",
    "dc.date", "date", "citation_publication_date",
  ],
  updated: ["article:modified_time", "og:updated_time", "datemodified", "modified_time", "last-modified", "dcterms.modified"],
  author: ["author", "article:author", "sailthru.author", "parsely-author", "dc.creator", "byl", "citation_author"],
  section: ["article:section", "section", "parsely-section", "sailthru.section", "category", "dc.subject"],
  keywords: ["news_keywords", "keywords", "article:tag", "parsely-tags", "sailthru.tags"],
  outlet: ["og:site_name", "application-name", "publisher", "twitter:site"],
  language: ["og:locale", "content-language", "language", "dc.language", "inlanguage"],
  url: ["og:url", "twitter:url"],
} as const;

/**
 * Where pages print their byline, tested on an element's class, itemprop, rel and data-testid:
 * `rel=author` links, schema.org microdata, and the class names seen on page-html-dev (CBS Sports
 * "author-name", The Hill "submitted-by", LA Times "byline", Guardian "contributor").
 */
export const BYLINE_MARK = /byline|author|submitted|contributor/iu;

/**
 * Where pages print their date (besides `<time>`), tested the same way: microdata, and the class
 * names seen on page-html-dev ("timestamp" on CNBC and LA Times, "date" and "published" almost
 * everywhere, "entry-meta"/"post-meta" on blogs).
 */
export const DATE_MARK = /datePublished|timestamp|date|publish|posted|entry-meta|post-meta/iu;

/** Page parts whose dates and names are other stories' or commenters': navigation, footers, sidebars. */
export const OUTSIDE_ARTICLE_TAGS = new Set(["nav", "footer", "aside", "script", "style", "noscript", "template", "svg"]);

/** The same parts by class name (related lists, comments, promos, footers, sidebars on page-html-dev). */
export const OUTSIDE_ARTICLE_CLASS = /related|comment|footer|sidebar|promo/iu;

/** Byline words before the names: English "By", and the page-html-dev languages' (Portuguese/Spanish "Por", German "Von", Italian "Di", Indonesian "Oleh"). */
export const BYLINE_PREFIX = /^(?:by|written by|posted by|words by|por|von|di|da|par|oleh|автор|текст)\s*:?\s+/iu;

/**
 * Where the names of a byline end: a separator, a date or time, the word before a date ("on",
 * German "publiziert am" on comwrap, Portuguese "em", Italian "il"), "Updated"/"Published".
 */
export const BYLINE_END = /\s(?:\||•|·|—|–)\s|(?<![\p{L}])(?:updated|published|posted|last updated|on|publiziert|veröffentlicht|am|publicado|em|pubblicato|il)(?![\p{L}])|\d{1,2}[:/.]\d{2}/iu;

/**
 * Bylines and metadata authors that name no person: desks, agencies, site accounts (meta-dev's
 * truth: Reuters, AP, "Editorial", "Telegraph Sport", "Admin", "Staff"). Compared in lower case
 * against a whole name or its words.
 */
export const NOT_PEOPLE_WORDS = new Set([
  "admin", "administrator", "editor", "editors", "editorial", "staff", "desk", "team", "newsroom", "news", "sport", "sports",
  "wire", "wires", "press", "agency", "agencies", "redaktion", "redação", "redazione", "redacción", "webmaster", "guest",
  "contributor", "correspondent", "reporter", "writer", "media", "online", "digital", "magazine", "daily", "times", "post",
  "herald", "tribune", "journal", "telegraph", "insider", "com", "www",
  // Controls that sit in author boxes (AP's "Next Story" beside the byline), and "more by" links.
  "next", "previous", "story", "stories", "more", "read", "share", "follow", "view", "profile", "email", "contact",
]);

/** Words that may stand lower-case inside a person's name ("Ludwig van Beethoven", "Maria da Silva"). */
export const NAME_PARTICLES = new Set(["van", "von", "der", "den", "de", "da", "das", "do", "dos", "di", "del", "della", "la", "le", "du", "al", "el", "bin", "ibn", "ter", "ten", "y", "e"]);

/** Separators between a headline and the site name in `<title>` and `og:title` ("Headline | CNBC", "Headline - BBC News"). */
export const TITLE_SEPARATORS = /\s+(?:[|–—•·»:]|-{1,2}|::)\s+/u;

/** Elements whose text is never article text: code, media, controls (the page's chrome that Readability keeps now and then). */
export const SKIPPED_TAGS = new Set([
  "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video", "audio", "picture", "img",
  "figure", "figcaption", "button", "input", "select", "textarea", "form", "nav", "aside", "footer", "head",
]);

/** Elements a browser does not show as text. */
export const INVISIBLE_TAGS = new Set(["script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "head"]);

/** Elements that start and end a paragraph; anything else is inline and runs on. */
export const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
  "blockquote", "pre", "table", "thead", "tbody", "tr", "td", "th", "hr", "address", "details", "summary",
]);

/** Class names of captions and photo credits (Guardian "caption", Reuters "Image_caption", BBC "media-caption", "credit"). */
export const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|credit|photo-credit|image-credit|wp-caption-text)(?:$|[\s_-])/iu;

/**
 * Class names of elements hidden until hovered or opened: The Hill's "rollover-people-block" (a
 * person's card with their latest headlines, inside the sentence that names them), screen-reader
 * labels, tooltips and modals.
 */
export const HIDDEN_CLASS = /(?:^|[\s_-])(?:rollover-people-block|rollover-block|tooltip|popover|hovercard|modal|sr-only|visually-hidden|screen-reader-text|screenreader)(?:$|[\s_-])/iu;
