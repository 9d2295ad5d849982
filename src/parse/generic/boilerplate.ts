// The words page chrome is made of: labels, captions, credits and sign-offs that surround or
// interrupt an article in a whole-page text dump. Data only; `lines.ts` matches them. Every entry
// came from a page of the dev corpus (/work/shared/corpora/page-text-dev), named in its comment.

/** What a matched line is, which decides what happens to it. */
export type BoilerplateKind =
  /** Chrome that can sit anywhere, even between paragraphs: dropped, nothing else. */
  | "chrome"
  /** An image or video caption or credit: dropped from the body. */
  | "caption"
  /** Heads a list of links ("Related articles"): the short lines after it go too. */
  | "list"
  /** What follows the article, never inside it ("Related Topics", "Leave a Reply"): ends the body. */
  | "end";

export interface BoilerplateRule {
  kind: BoilerplateKind;
  /** Tested against the whole line, case-insensitively. */
  pattern: RegExp;
  /** Where the label was seen. */
  seen: string;
}

/**
 * Whole-line labels, compared in lower case with trailing ":", "…" and spaces removed. Menus and
 * share rows are mostly caught by their shape (runs of short lines); these are the ones that sit
 * inside or right next to the article, where shape alone would keep them.
 */
export const LABELS: Readonly<Record<string, BoilerplateKind>> = {
  // LA Times, Gizmodo, The Hill, Newsweek, PolitiFact: ad slots between paragraphs.
  advertisement: "chrome", advert: "chrome", sponsored: "chrome", "sponsored content": "chrome", iklan: "chrome",
  "story continues below advertisement": "chrome", "continue reading below": "chrome", "scroll to continue with content": "chrome",
  // Skip links, the first line of a dump saved without its <title> (the page-text-dev pages keep
  // theirs; meta-dev cleveland.com opens with "Skip to Article").
  "skip to main content": "chrome", "skip to content": "chrome", "skip to article": "chrome", "skip navigation": "chrome", "zum inhalt springen": "chrome", "aller au contenu": "chrome",
  // Share and tool rows (BBC, LA Times, Barron's, Business Insider, The Paradigm).
  share: "chrome", "share this": "chrome", tweet: "chrome", print: "chrome", email: "chrome", "e-mail": "chrome",
  close: "chrome", caption: "chrome", report: "chrome", "copy link": "chrome", "copy link url copied!": "chrome",
  "back to gallery": "chrome", "previous post": "chrome", "next post": "chrome", "previous next": "chrome", "next prev": "chrome", "text size": "chrome",
  "order reprints": "chrome", "print article": "chrome", shares: "chrome", comments: "end", "view comments": "end",
  "key points": "chrome", highlights: "chrome", "read more": "chrome", "read full article": "chrome", foto: "chrome",
  "media playback is unsupported on your device": "chrome", "this slideshow requires javascript.": "chrome",
  "why you can trust sky news": "chrome", "image/svg+xml": "chrome", "created with sketch.": "chrome",
  "subscribe to appleinsider on youtube": "chrome", "subscribe to 9to5mac on youtube for more apple news": "end",
  "get the quiz: instant download!": "chrome",
  // Link lists inside articles: Express "Related articles", "DON'T MISS"; Newsweek "Related Stories";
  // CBS News "Trending News"; Sky "More from UK"; phys.org "Explore further"; CTV "Related Links".
  "related articles": "list", "related stories": "list", "related story": "list", "related": "list", "don't miss": "list",
  "trending": "list", "trending news": "list", "explore further": "list", "related links": "list", "see also": "list",
  "more stories": "end", "more from uk": "list", "most popular": "end", "most read": "end", "most viewed": "end",
  "related news": "list", "recommended stories": "end", "recommended": "end", "you may also like": "end",
  "you may also like...": "end", "you might also like": "end", "more on this story": "end", "related topics": "end",
  "related tags": "end", "topics": "end", "tags": "end", "share this story": "end", "share this story about sharing": "end",
  "sharing is caring!": "end", "leave a reply": "end", "leave a comment": "end",
  "post a comment": "end", "lascia un commento": "end", "lascia un commento annulla risposta": "end", "deixe um comentário": "end",
  "deja un comentario": "end", "laisser un commentaire": "end", "kommentar schreiben": "end", "editors' picks": "end", "sources": "end", "our sources": "end", "join the discussion": "end", "view the discussion thread.": "end", "related posts": "end",
  "weitere beiträge zum thema": "end", "материалы по теме": "end", "関連記事": "end",
  "você pode gostar...": "end", "to read the full story": "end", "about this article": "end", "about this statement": "end",
  "like this article?": "end", "next up in tech": "end", "top stories": "end", "features": "end",
  "elsewhere on the bbc": "end", "more in trump impeachment inquiry": "list", "guides": "end",
  "report error": "end", "top video": "end", "pick six newsletter": "end", "newsletter": "end",
};

/**
 * Patterns for labels that carry text: link teasers, captions and credits, sign-offs. Tested on
 * the whole line.
 */
export const PATTERNS: readonly BoilerplateRule[] = [
  { kind: "chrome", pattern: /^(?:read more|see more|read also|related|also|more|watch|listen|leggi anche|mehr|lees ook|baca juga)\s*:/iu, seen: "CityAM 'Read more: …', Express 'SEE MORE: …', Live Science 'Related: …', ZDNet 'Also: …'" },
  { kind: "chrome", pattern: /^you are here\b/iu, seen: "meta-dev Moneycontrol breadcrumb 'you are here: HomeNewsBusinessMarkets'" },
  { kind: "chrome", pattern: /^\[?related(?: post)?:/iu, seen: "CRN '[Related: …]', Anti-June Cleaver 'Related post: …'" },
  { kind: "chrome", pattern: /\bclick to tweet$/iu, seen: "BIG Brand System pull quotes ending 'Click To Tweet'" },
  { kind: "chrome", pattern: /^(?:subscribe|sign up|click here|follow us|follow the author|get our|get the latest|do you rely on)\b.*$/iu, seen: "9to5Mac, Snopes 'Do you rely on Snopes reporting?', The Paradigm 'Click here to subscribe'" },
  { kind: "chrome", pattern: /^image \d+ of\b|^\d+ \/ \d+$/iu, seen: "Times Union gallery counters 'Image 1 of 1', '1 / 4'" },
  { kind: "caption", pattern: /^\d+ of \d+ \p{Lu}/u, seen: "Times Union gallery captions '1 of 4 Grass Valley's Dionicio Torres looks at …'" },
  { kind: "caption", pattern: /^(?:image|media) (?:copyright|caption)\b/iu, seen: "BBC 'Image copyright EPA', 'Image caption …', 'Media caption …'" },
  { kind: "caption", pattern: /^(?:file photo|photo|photograph|image|picture|credit|image credit|foto|bild)\s*:/iu, seen: "Reuters 'FILE PHOTO: …', Gizmodo 'Photo: iFixit', Sky 'Image: …', VentureBeat 'Image Credit: WeWork'" },
  { kind: "caption", pattern: /^[©ⓒ](?!\s*(?:\d{4}|copyright))/iu, seen: "MSN '© John Brecher …', The Hill '© Aaron Schwartz'" },
  { kind: "caption", pattern: /\((?:image|photo|picture|credit|foto)s?:[^)]*\)$/iu, seen: "Express '… (Image: GETTY )', Live Science '(Image: © TNG Collaboration)'" },
  { kind: "caption", pattern: /\b(?:Photograph|Photo|Picture|Image|Illustration)(?::| by) \p{Lu}[\p{L} .,/&'-]{1,60}$/u, seen: "Guardian captions ending 'Photograph: AFP via Getty', Barron's 'Photograph by Robyn Beck/AFP'" },
  { kind: "caption", pattern: /\(credit: [^)]*\)$|credit: [\p{L} .,&'-]{2,40}$/iu, seen: "The Real Deal '(Credit: Getty Images)', phys.org '… Credit: ESA'" },
  { kind: "caption", pattern: /\b(?:reuters|afp|ap|epa|getty images|shutterstock|istock|via ap|ap photo)\/[\p{L} .'-]{2,40}\)?$/iu, seen: "Reuters captions ending 'REUTERS/Brendan McDermid'" },
  { kind: "caption", pattern: /^[\p{L} .'-]{2,40}(?:\/| \| )(?:getty images|zdnet|reuters|ap|afp|bloomberg|ifixit)(?: \| getty images)?$/iu, seen: "ZDNet 'Jason Cipriani/ZDNet', CNBC 'Natalie Naccache | Bloomberg | Getty Images'" },
  { kind: "caption", pattern: /^(?:getty images|ap|reuters|afp|associated press|shutterstock|istock|nintendo|apple, inc\.)$/iu, seen: "ProFootballTalk 'Getty Images' credit line" },
  { kind: "caption", pattern: /^личный архив\b|^фото:/iu, seen: "wday.ru photo credits 'личный архив …'" },
  { kind: "caption", pattern: /^in this (?:\p{L}+ )?(?:\p{L}+\.? \d{1,2}, \d{4},? )?(?:file |undated |handout )?(?:photo|image|picture|frame grab)\b/iu, seen: "CTV News (an AP caption) 'In this Dec. 12, 2006, file photo, made available by NASA, …'" },
  { kind: "end", pattern: /^\(?(?:reporting|additional reporting|writing|editing|compiled) by\b/iu, seen: "Reuters and VentureBeat sign-off '(Reporting by …; Editing by …)'" },
  { kind: "end", pattern: /^(?:write to|have a tip\?|citation:|via syndigate|follow newsbeat|listen to newsbeat|more ap \p{L}+:|first published on|this document is subject to copyright|about the author|über \p{Lu})/iu, seen: "Barron's 'Write to …', NJ.com 'Have a tip?', phys.org 'Citation:', Al Bawaba 'Via SyndiGate.info', BBC Newsbeat, comwrap 'Über Moritz Bachmann'" },
  { kind: "end", pattern: /^(?:copyright|all rights reserved|©\s*(?:copyright|\d{4}))/iu, seen: "footers: '© 2019 Reuters. All Rights Reserved.', 'Copyright © 2019, Los Angeles Times'" },
  { kind: "end", pattern: /^(?:tags|filed under|topics|related topics|posted in)\s*:/iu, seen: "Twin Cities 'Tags:', CBS Detroit 'Filed Under:', AppleInsider 'Topics:', GiveWell 'Posted in …'" },
  { kind: "end", pattern: /\b(?:said|says|wrote|replied):$/iu, seen: "GiveWell comment heads 'Milan Griffes on September 12, 2018 at 4:47 pm said:'" },
  { kind: "chrome", pattern: /^(?:(?:share (?:on|via|to) |share this on |click to share on )?(?:facebook|twitter|whatsapp|pinterest|pint|pin|linkedin|reddit|email|e-mail|print|share|tweet|google\+|flipboard|mix|buffer|messenger|telegram|pocket|tumblr|sms|copy link|baixar|comments?|0)(?: \(opens in new window\))?[ ,|•]*)+$/iu, seen: "share rows: Mensagens de Reflexão 'Whatsapp Facebook Pint Baixar', Jaraguá do Sul 'Facebook Twitter Google+ Whatsapp', The Real Deal 'Share on Facebook Share on Twitter'" },
  { kind: "chrome", pattern: /^(?=.{0,160}$)(?:.*\b(?:sign up|subscribe|get|enter your email|stay up to date|tick)\b.*\b(?:newsletters?|inbox|notifications?)\b|.*\bnewsletters?\b.*\b(?:sign up|subscribe)\b|.*\bpush notifications\b)/iu, seen: "newsletter and pop-up lines (meta-dev): Ascom 'Stay up to date with Ascom. Subscribe to our newsletter.', PolitiFact 'Sign up for our daily email newsletter …', CNBC 'Sign up for free newsletters and get more CNBC delivered to your inbox', The Paradigm 'Enter your email address to subscribe …', Business Insider 'You can also subscribe to this newsletter here …', Sputnik 'Sputnik push notifications'" },
  { kind: "chrome", pattern: /^(?=.{0,240}$).*\b(?:activation link|activate your subscription|succes+fully subscribed|thanks? you for subscribing|confirm your subscription)\b/iu, seen: "sign-up pop-ups (page-text-dev): Ascom 'An email with an activation link has just been sent to your email address. Please activate your subscription …', 'You have succesfully subscribed. Thank you!'" },
  { kind: "chrome", pattern: /\bcookies?\b.*\b(?:website|consent|accept|privacy|browser|experience|sito|site|sitio|esperienza|experiência|webseite|datenschutz)\b|^(?:privacy overview|necessary always enabled|non-necessary|privacy & cookies policy)$/iu, seen: "MoreBikes cookie banner 'This website uses cookies to improve your experience.', Remember 80/90 'Utilizziamo i cookie …'" },
  { kind: "end", pattern: /^\d+ (?:comments?|shares|responses|replies)$/iu, seen: "BIG Brand System '258 Shares', blogs '10 Comments'" },
];

/**
 * Prefixes that mark a line as a byline, in the languages of the dev corpus: "By Tess Bonn",
 * "Posted by Michael David Smith", "Written by Rachael Link" (Healthline), "Von Moritz Bachmann"
 * (comwrap), "Текст: Венера Ерофеева" (wday.ru), "Publicado por: Clarissa Borba" (Jaraguá do Sul).
 */
export const BYLINE_PREFIXES: readonly RegExp[] = [
  // GiveWell "October 9, 2018 | by Olivia Larsen": after a date and a separator too.
  /(?:^|\s[|·–-]\s)(?:posted |written |published |reviewed |story |words |text )?by\s*:?\s+/iu,
  /^(?:von|par|por|di|door|oleh|текст:|автор:)\s+/iu,
  /(?:^|\s[-|·–]\s)publicado por:?\s+/iu,
];

/**
 * A Korean sign-off under the article: a name of 2-4 syllables and a role ("기자" reporter,
 * "칼럼니스트" columnist, "특파원" correspondent), either way round, then an e-mail address:
 * Entermedia "정덕현 칼럼니스트 thekian1@entermedia.co.kr", "칼럼니스트 박생강 pillgoo9@gmail.com".
 */
export const KOREAN_SIGNOFF: RegExp = /^(?:(\p{Script=Hangul}{2,4}) (?:기자|칼럼니스트|특파원)|(?:기자|칼럼니스트|특파원) (\p{Script=Hangul}{2,4}))\s+\S+@\S+\.\S+$/u;

/**
 * Words that open a dateline: cleveland.com and nj.com "Updated Nov 19, 6:55 AM; Posted Nov 19,
 * 6:51 AM", Express "PUBLISHED: 10:48, Tue, Nov 19, 2019", India Today "Last Updated : Nov 20",
 * comwrap "publiziert am", Jaraguá do Sul "Publicado". A line they open is a dateline even when it
 * prints no year.
 */
export const DATELINE_LABELS: RegExp = /^(?:posted|published|updated|last updated|first published|last modified|publicado|atualizado|actualizado|publiziert|veröffentlicht|aktualisiert|publié|mis à jour|pubblicato|aggiornato|diterbitkan|опубликовано|обновлено)\b/iu;

/**
 * Credits that follow a name on a byline: "Sandee LaMotte, CNN", "Troy L. Smith, Cleveland.com",
 * "Greg Beacham, Ap Sports Writer", "Kevin Johnson and Kevin McCoy USA TODAY".
 */
export const AGENCIES: readonly string[] = [
  "reuters", "associated press", "ap", "afp", "agence france-presse", "bloomberg", "cnn", "bbc", "usa today",
  "cbs news", "nbc news", "abc news", "dpa", "ani", "pti", "xinhua", "tass", "ians", "efe", "ansa",
];

/**
 * Words that end a name on a byline line and start what follows: job titles and desks ("Live
 * Science Contributor", "Staff Writer", "CBS Sports Writer"), or the word before a date ("on").
 */
export const BYLINE_STOP_WORDS: readonly string[] = [
  "on", "am", "publiziert", "published", "updated", "posted", "staff", "contributor", "correspondent", "reporter",
  "editor", "writer", "columnist", "senior", "news", "sports", "for", "at", "in", "business", "special", "|", "-", "–", "—", "•", "·", "/",
];

/**
 * One-word bylines that name a role or a desk, not a person (kabarislamia "Posted on … by Admin";
 * the meta-dev truth counts "Editorial", "Admin" as no person).
 */
export const NOT_PEOPLE: readonly string[] = ["admin", "administrator", "editor", "editorial", "editors", "staff", "team", "redaksi", "redaktion", "newsroom", "guest", "webmaster", "desk"];

/** Section labels in breadcrumbs that say nothing ("Home › News › World" gives "World"). */
export const BREADCRUMB_ROOTS: readonly string[] = ["home", "homepage", "start", "inicio", "início", "startseite", "accueil", "news", "you are here"];

/**
 * Short lines printed right above headlines that are controls, not sections (CBS Sports "See All
 * Teams Help", USA Today "Learn More", CBS News "Watch CBSN Live", NY Post "Copy", PolitiFact
 * "Donate", CNBC "Menu"; catchitkansas "Home / Boys Swimming / Article", a trail ending in the
 * page's kind), compared in lower case as prefixes.
 */
export const NOT_SECTIONS: readonly string[] = ["article", "story", "see all", "learn more", "watch", "copy", "donate", "menu", "search", "subscribe", "sign in", "log in", "more", "live"];
