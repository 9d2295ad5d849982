// Generic extraction from whole-page text: golden records for dev dumps from seven sites, golden
// printed headlines, the benchmark's shingle scoring, the date-format tables, where datelines and
// headlines are looked for, the error rules, robustness, and floors on the dev-set body F1, on how
// many dev pages are dated and on how many headlines agree with their URLs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { decodeDump, normaliseText } from "../src/dump/decode.ts";
import { clockLine, copyrightYear, DATE_FORMATS, findPrintedDates, findYearlessDates, isRelativeDateline, parsePrintedDate, YEARLESS_FORMATS } from "../src/parse/dates.ts";
import { bylinePeople } from "../src/parse/generic/meta.ts";
import { copyrightHolder } from "../src/parse/generic/outlet.ts";
import { extractGeneric } from "../src/parse/generic/index.ts";
import { escapeMarkdown } from "../src/parse/markdown.ts";
import { detectLanguage } from "../src/parse/generic/language.ts";
import { agreesWithSlug, scoreCorpus, urlDate, urlSlug } from "../src/eval/corpus.ts";
import { macroScores, overlap, pagePrecision, pageRecall, shingles, tokenize } from "../src/eval/shingles.ts";
import { ParsedArticleSchema } from "../src/record/schema.ts";
import type { ParseOptions } from "../src/parse/types.ts";

const here = dirname(fileURLToPath(import.meta.url));
const CORPUS = join(here, "../../shared/corpora/page-text-dev");
const GOLDEN = join(here, "fixtures/generic/golden.json");
const options: ParseOptions = { timezone: "America/New_York", fileName: "story.txt" };

/**
 * Dev-set macro F1 may not fall below this. Measured 0.932 (P 0.925, R 0.939) on the 94 pages of
 * page-text-dev when the extractor landed, 0.937 (P 0.933, R 0.941) once printed headlines bounded
 * the body, 0.940 (P 0.940, R 0.940) with AP photo captions and sign-up pop-ups left out; the floor
 * is that minus 0.01. Raise it when F1 improves.
 */
const DEV_F1_FLOOR = 0.93;

/**
 * Dev pages dated from their own text (no file-name date) may not fall below this. Measured 86 of
 * 94 when datelines above the body and yearless "Posted" lines were added (79 before); the floor is
 * that minus 2. The 8 left print no date at all ("Monday 5:30PM", "1 day ago", only comment dates).
 */
const DEV_DATED_FLOOR = 84;

/**
 * Dev headlines sharing at least half the words of their URL's slug may not fall below this.
 * Measured 75 of 84 with the <title> alone, 76 with printed headlines (a proxy: LA Times and The
 * Anti-June Cleaver print better headlines than their slugs); the floor is that minus 2.
 */
const DEV_HEADLINE_FLOOR = 74;

interface Golden {
  site: string;
  title: string;
  date: string;
  published: string | null;
  updated: string | null;
  authors: string[];
  section: string;
  language: string | null;
  firstParagraph: string;
  lastParagraph: string;
}

function parseCorpusDump(id: string) {
  const decoded = decodeDump(readFileSync(join(CORPUS, "dumps", `${id}.txt`)));
  assert.ok(decoded.ok, `dump ${id} decodes`);
  return extractGeneric(decoded.text, { ...options, fileName: `${id}.txt` });
}

const corpusThere = existsSync(CORPUS);

test("golden records for dev dumps from seven sites", { skip: !corpusThere && "dev corpus not found" }, () => {
  const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as { pages: Record<string, Golden> };
  for (const [id, want] of Object.entries(golden.pages)) {
    const outcome = parseCorpusDump(id);
    assert.ok(outcome.ok, `${want.site} (${id}) parses`);
    const a = outcome.article;
    ParsedArticleSchema.parse(a);
    const paragraphs = a.body.split("\n\n");
    assert.deepEqual(
      {
        site: want.site,
        title: a.title,
        date: a.date,
        published: a.published,
        updated: a.updated,
        authors: a.authors,
        section: a.section,
        language: a.language,
        firstParagraph: paragraphs[0],
        lastParagraph: paragraphs[paragraphs.length - 1],
      },
      want,
      `${want.site} (${id})`,
    );
    assert.equal(a.profile, "generic");
    for (const field of ["title", "date", "authors", "section", "body"]) assert.ok(a.provenance[field], `provenance of ${field}`);
  }
});

/**
 * Dev pages whose headline printed above the article differs from their <title>, or whose <title>
 * does not recur: the printed headline, read from its line on the page, not from the <title>.
 */
const PRINTED_HEADLINES: Record<string, { site: string; title: string }> = {
  "098bb3e96c0acdf3": { site: "LA Times", title: "‘We had some issues,’ exec says on Disney+ glitches" },
  "f81c6c05d9cbc933": { site: "Business Insider", title: "How to retire early so you can work, travel, and relax on your own schedule" },
  "fde930b01859de83": { site: "Business Insider", title: "10 things in tech you need to know today" },
  "5fa5679de56c43ed": { site: "Gizmodo", title: "The Future of Apple Innovation Is Backwards" },
  "f8ff621a0b9b7646": { site: "Barron's", title: "Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t Worry." },
  "ffc109d474fdee1a": { site: "CNBC", title: "One of the top-performing beauty stocks could surge after 'Kylie Jenner' makeover" },
  "c82b3d1d540bbbd6": { site: "wday.ru", title: "53-летняя модель: «Посмотри на красотку, которая превратилась в старуху»" },
};

test("golden headlines: the one printed above the article wins over the <title>", { skip: !corpusThere && "dev corpus not found" }, () => {
  for (const [id, want] of Object.entries(PRINTED_HEADLINES)) {
    const outcome = parseCorpusDump(id);
    const read = outcome.ok ? outcome.article : outcome.partial;
    assert.equal(read?.title, want.title, `${want.site} (${id})`);
    assert.match(read?.provenance.title ?? "", /^line \d+, scored best/, `${want.site} (${id})`);
    assert.doesNotMatch(read?.provenance.title ?? "", /first line/, `${want.site} (${id}): a line of the page, not the <title>`);
  }
});

test(`dev-set body F1 stays at or above ${DEV_F1_FLOOR}; at least ${DEV_DATED_FLOOR} pages dated from their text, ${DEV_HEADLINE_FLOOR} headlines agreeing with their URL`, { skip: !corpusThere && "dev corpus not found" }, () => {
  const report = scoreCorpus(CORPUS, extractGeneric);
  assert.equal(report.pages.length, 94);
  assert.ok(report.macro.f1 >= DEV_F1_FLOOR, `macro F1 ${report.macro.f1.toFixed(4)} fell below ${DEV_F1_FLOOR}`);
  const { fromText, fromFolderName, withUrlDate, agreeing } = report.dates;
  assert.ok(fromText >= DEV_DATED_FLOOR, `only ${fromText} pages dated from their own text`);
  const notArticles = report.pages.filter((p) => p.error?.startsWith("not-article") === true).length;
  assert.equal(fromText + fromFolderName + notArticles, 94, "every undated page is still scored on its body");
  assert.ok(withUrlDate >= 20 && agreeing === withUrlDate, `${agreeing} of ${withUrlDate} dates agree with the day or month in the URL`);
  assert.ok(report.headlines.agreeing >= DEV_HEADLINE_FLOOR, `only ${report.headlines.agreeing} of ${report.headlines.withSlug} headlines agree with their URL's slug`);
});

test("URL slugs: the words of the wordiest path segment, ids left out; a headline agrees when it holds half of them", () => {
  assert.deepEqual(urlSlug("https://www.reuters.com/article/us-global-markets/asian-shares-soft-as-trade-idUSKBN1XT00W"), ["asian", "shares", "soft", "as", "trade"]);
  assert.deepEqual(urlSlug("https://www.cleveland.com/entertainment/2019/11/doobie-brothers-to-reunite.html"), ["doobie", "brothers", "to", "reunite"]);
  assert.equal(urlSlug("https://www.bbc.com/news/newsbeat-50470672"), null, "too few words to say anything");
  assert.ok(agreesWithSlug("Browns player on Mason Rudolph's role", ["browns", "player", "on", "mason", "rudolphs", "role", "in", "fight"]));
  assert.ok(agreesWithSlug("Мастера вкуса: 23 самых крутых", ["mastera", "vkusa", "23", "samyih", "krutyih"]), "Cyrillic spelt as slugs spell it");
  assert.ok(!agreesWithSlug("‘We had some issues,’ exec says on Disney+ glitches", ["disney", "plus", "kevin", "mayer"]));
});

test("URL dates: a day in the path, else a month", () => {
  assert.equal(urlDate("https://venturebeat.com/2019/11/18/new-york-state/"), "2019-11-18");
  assert.equal(urlDate("https://www.latimes.com/business/story/2019-11-19/disney-plus-kevin-mayer"), "2019-11-19");
  assert.equal(urlDate("https://www.nj.com/entertainment/2019/11/florida-man.html"), "2019-11");
  assert.equal(urlDate("https://gizmodo.com/so-this-is-the-future-1839927963"), null);
});

test("shingles: tokens are Unicode word runs, case kept", () => {
  assert.deepEqual(tokenize("Hello, wörld! 2019-11-20 snake_case 엘제이"), ["Hello", "wörld", "2019", "11", "20", "snake_case", "엘제이"]);
  assert.deepEqual([...shingles("a b c d e").entries()], [["a b c d", 1], ["b c d e", 1]]);
  assert.deepEqual([...shingles("a b").entries()], [["a b", 1]], "a short text is one short shingle");
  assert.equal(shingles("  ... ").size, 0, "no tokens, no shingles");
  assert.deepEqual([...shingles("x y z w x y z w").values()].reduce((a, b) => a + b, 0), 5, "a multiset");
});

test("shingles: per-page overlap is normalised and scored like the benchmark", () => {
  const same = overlap("one two three four five", "one two three four five");
  assert.deepEqual(same, { tp: 1, fp: 0, fn: 0 });
  // truth has 2 shingles, prediction 3 of which 2 match: tp 2, fp 1, fn 0 -> /3.
  const extra = overlap("one two three four five", "one two three four five six");
  assert.deepEqual(extra, { tp: 2 / 3, fp: 1 / 3, fn: 0 });
  assert.equal(pagePrecision(extra), 2 / 3);
  assert.equal(pageRecall(extra), 1);
  const empty = overlap("one two three four", "");
  assert.deepEqual(empty, { tp: 0, fp: 0, fn: 1 });
  assert.equal(pagePrecision(empty), 0);
  assert.equal(pageRecall(empty), 0);
  assert.deepEqual(overlap("", ""), { tp: 0, fp: 0, fn: 0 });
  // Macro: precision over pages that predicted something, recall over pages with a truth.
  const macro = macroScores([extra, empty]);
  assert.equal(macro.precision, 2 / 3);
  assert.equal(macro.recall, 0.5);
  assert.equal(macro.f1, (2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
});

test("date formats: every table entry reads its own example", () => {
  for (const format of DATE_FORMATS) {
    const found = findPrintedDates(`Published ${format.example}`, false);
    assert.equal(found[0]?.format, format.name, format.example);
  }
});

test("date formats: dates printed without a year, read only as such", () => {
  for (const format of YEARLESS_FORMATS) {
    const found = findYearlessDates(`Posted ${format.example}`, false);
    assert.equal(found[0]?.format, format.name, format.example);
  }
  const [updated, posted] = findYearlessDates("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM", false);
  assert.deepEqual([updated?.updated, updated?.month, updated?.day], [true, 11, 19]);
  assert.deepEqual(posted?.inYear(2019)?.wall, { year: 2019, month: 11, day: 18, hour: 20, minute: 19, second: 0 });
  assert.equal(findYearlessDates("Feb 29, 10:00 AM", false)[0]?.inYear(2019), null, "no 29 February in 2019");
  for (const full of ["Nov 19, 2019", "Nov. 19 2019", "19 Nov. 2019", "22 de outubro de 2010"]) {
    assert.deepEqual(findYearlessDates(full, true), [], full);
  }
  assert.equal(copyrightYear("© 2019 Cleveland.com. All rights reserved (About Us)."), 2019);
  assert.equal(copyrightYear("Copyright © 2012–2019, Los Angeles Times"), 2019);
  assert.equal(copyrightYear("© John Brecher Needle poking skin"), null);
  assert.deepEqual(clockLine("5:50 PM"), { hour: 17, minute: 50, second: 0, zone: null });
  assert.equal(clockLine("5:50 PM and more"), null);
  for (const line of ["Monday 5:30PM", "1 day ago", "Updated 14 hours ago", "Yesterday at 10:04"]) assert.ok(isRelativeDateline(line), line);
  assert.ok(!isRelativeDateline("Monday, November 18, 2019"));
});

test("date formats: datelines as news sites print them", () => {
  const cases: [string, boolean, { day: string; time: string | null; zone: string | null; updated?: boolean }[]][] = [
    ["20 Nov 2019 08:00 GMT", false, [{ day: "2019-11-20", time: "08:00", zone: "+00:00" }]],
    ["November 18, 2019", false, [{ day: "2019-11-18", time: null, zone: null }]],
    ["Updated 10:02 AM ET, Wed November 20, 2019", false, [{ day: "2019-11-20", time: "10:02", zone: "America/New_York", updated: true }]],
    ["2019-11-20", false, [{ day: "2019-11-20", time: null, zone: null }]],
    ["By Tess Bonn - 11/19/19 06:56 AM EST", false, [{ day: "2019-11-19", time: "06:56", zone: "-05:00" }]],
    ["Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT", false, [
      { day: "2019-11-18", time: "18:54", zone: "+00:00" },
      { day: "2019-11-18", time: "18:56", zone: "+00:00", updated: true },
    ]],
    ["PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", false, [
      { day: "2019-11-19", time: "10:48", zone: null },
      { day: "2019-11-19", time: "11:05", zone: null, updated: true },
    ]],
    ["14:53 GMT +3 20 November 2019", false, [{ day: "2019-11-20", time: "14:53", zone: "+03:00" }]],
    ["Monday, November 18th, 2019 at 11:08 a.m.", false, [{ day: "2019-11-18", time: "11:08", zone: null }]],
    ["2019-11-13T23:06:00+01:00", false, [{ day: "2019-11-13", time: "23:06", zone: "+01:00" }]],
    ["sexta-feira, 22 de outubro de 2010 às 20:13", true, [{ day: "2010-10-22", time: "20:13", zone: null }]],
    ["Von Moritz Bachmann publiziert am 25. September 2018", true, [{ day: "2018-09-25", time: null, zone: null }]],
    ["Текст: Венера Ерофеева · 24 сентября 2018", true, [{ day: "2018-09-24", time: null, zone: null }]],
    ["05/10/2018 - Publicado por: Clarissa Borba", true, [{ day: "2018-10-05", time: null, zone: null }]],
    ["21/06/2014 Tony Carter", false, [{ day: "2014-06-21", time: null, zone: null }]],
    ["2013年04月09日", true, [{ day: "2013-04-09", time: null, zone: null }]],
    ["Last Updated : Nov 20, 2019 01:41 PM IST", false, [{ day: "2019-11-20", time: "13:41", zone: "+05:30", updated: true }]],
    ["February 31, 2019", false, []],
    ["Updated 14 hours ago", false, []],
    ["12019 Novel 3", false, []],
  ];
  const pad = (n: number): string => String(n).padStart(2, "0");
  for (const [line, dayFirst, want] of cases) {
    const got = findPrintedDates(line, dayFirst).map((d) => ({
      day: `${d.wall.year}-${pad(d.wall.month)}-${pad(d.wall.day)}`,
      time: d.hasTime ? `${pad(d.wall.hour)}:${pad(d.wall.minute)}` : null,
      zone: d.zone,
      ...(d.updated ? { updated: true } : {}),
    }));
    assert.deepEqual(got, want, line);
  }
});

const page = (lines: string[]): string => normaliseText(lines.join("\n"));

const PROSE = [
  "The council approved the new budget on Tuesday after a long debate about the cost of the bridge repairs and the schools.",
  "Members said the plan would raise spending on roads by a tenth, while the opposition argued that it left too little for the libraries.",
  "The mayor, who had asked for a larger increase, said she would sign it and that the city would return to the question next spring.",
];

test("a small page: headline from the repeated title, dateline in the site zone, byline, body without chrome", () => {
  const text = page([
    "Council approves budget - The Daily Example",
    "",
    "Skip to main content",
    "Home",
    "News",
    "Sport",
    "",
    "News > Local",
    "Council approves budget",
    "By Jane Doe and John Roe",
    "November 19, 2019 at 9:24 pm",
    "",
    "Share",
    "Advertisement",
    PROSE[0] ?? "",
    "",
    PROSE[1] ?? "",
    "",
    "# Why it matters",
    "",
    PROSE[2] ?? "",
    "",
    "Related Topics",
    "Budget",
    "Comments",
    "This comment section is long enough to look like prose, with words that are the same as any paragraph has.",
  ]);
  const outcome = extractGeneric(text, options);
  assert.ok(outcome.ok);
  const a = outcome.article;
  assert.equal(a.title, "Council approves budget");
  assert.equal(a.date, "2019-11-19");
  assert.equal(a.published, "2019-11-19T21:24:00-05:00");
  assert.deepEqual(a.authors, ["Jane Doe", "John Roe"]);
  assert.equal(a.section, "Local");
  assert.equal(a.language, "en");
  assert.equal(a.body, [PROSE[0], PROSE[1], "\\# Why it matters", PROSE[2]].join("\n\n"));
  assert.deepEqual([a.images, a.related, a.more, a.tags], [[], [], [], []]);
  ParsedArticleSchema.parse(a);
});

test("no dateline: the file name's date, else a no-date error with a hint", () => {
  const text = page(["A headline that is long enough", "", "A headline that is long enough", PROSE[0] ?? "", PROSE[1] ?? ""]);
  const dated = extractGeneric(text, { ...options, fileName: "2019/11/20/story.txt" });
  assert.ok(dated.ok);
  assert.equal(dated.article.date, "2019-11-20");
  assert.equal(dated.article.published, null);
  assert.match(dated.article.provenance.date ?? "", /file name/);
  const undated = extractGeneric(text, options);
  assert.ok(!undated.ok);
  assert.equal(undated.error.rule, "no-date");
  assert.ok(undated.error.hint.length > 0 && !undated.error.message.includes("{"));
  assert.match(undated.error.hint, /2019-11-20-<name>\.txt/);
  assert.equal(undated.partial?.title, "A headline that is long enough", "what was read comes with the error");
  assert.equal(undated.partial?.body, [PROSE[0], PROSE[1]].join("\n\n"));
  assert.equal(undated.partial?.provenance.date, undefined);
});

/** A page with chrome, then `head` (headline, dateline, byline…), then prose, then `tail`. */
const article = (head: string[], tail: string[] = []): string =>
  page(["Council approves budget - The Daily Example", "", "Home", "News", "", ...head, "", ...PROSE.flatMap((p) => [p, ""]), ...tail]);

test("regression: a dateline far above the body, under a headline worded unlike the <title> (LA Times)", () => {
  const chrome = Array.from({ length: 10 }, (_, i) => ["Facebook", "Twitter", "LinkedIn", "Email"][i % 4] ?? "");
  const head = (headline: string): string[] => [headline, "", "By Meg James Staff Writer", "Nov. 19, 2019", "5:50 PM", "", ...chrome, ...chrome];
  const printed = extractGeneric(article(head("A different headline on the page itself")), options);
  assert.ok(printed.ok);
  assert.equal(printed.article.title, "A different headline on the page itself", "the headline printed above the byline wins over the <title>");
  assert.equal(printed.article.date, "2019-11-19");
  assert.equal(printed.article.published, "2019-11-19T17:50:00-05:00", "the time printed on the line under the date");
  // A printed headline that ends like a sentence is still the line above the byline; the dateline is found above the body.
  const unknown = extractGeneric(article(head("A different headline on the page itself.")), options);
  assert.ok(unknown.ok);
  assert.equal(unknown.article.title, "A different headline on the page itself.");
  assert.equal(unknown.article.published, "2019-11-19T17:50:00-05:00");
});

test("regression: a dump saved without its <title> line: the headline printed above the byline or the first paragraph, not 'Skip to main content'", () => {
  const headline = "Harbour Town Votes to Keep Its Ferry Running Through Winter";
  const menu = ["Skip to main content", "Home", "World", "Business"];
  const footer = ["Share this article", "Most viewed", "Ferry Timetable Changes for the Holiday Season Announced", "Home", "World", "Business", "Terms of use"];
  const dated = { ...options, fileName: "2019-11-20-ferry.txt" };
  const cases: { name: string; lines: string[]; how: RegExp; authors: string[]; date?: string }[] = [
    { name: "byline under the headline", lines: [...menu, headline, "By Jane Doe", ...PROSE, ...footer], how: /^line 5, scored best/, authors: ["Jane Doe"] },
    { name: "dateline under the headline", lines: [...menu, headline, "November 20, 2019", ...PROSE, ...footer], how: /^line 5, scored best/, authors: [], date: "2019-11-20" },
    { name: "byline and dateline, blank lines", lines: [...menu, "", headline, "", "By Jane Doe", "November 19, 2019", "", ...PROSE.flatMap((p) => [p, ""]), ...footer], how: /^line 6, scored best/, authors: ["Jane Doe"], date: "2019-11-19" },
    { name: "neither: just above the first paragraph", lines: [...menu, headline, ...PROSE, ...footer], how: /^line 5, scored best/, authors: [] },
    { name: "saved from the headline down", lines: [headline, "By Jane Doe", ...PROSE], how: /^line 1, scored best.*, the first line$/, authors: ["Jane Doe"] },
  ];
  for (const c of cases) {
    const outcome = extractGeneric(page(c.lines), dated);
    assert.ok(outcome.ok, c.name);
    const a = outcome.article;
    assert.equal(a.title, headline, c.name);
    assert.match(a.provenance.title ?? "", c.how, c.name);
    assert.deepEqual(a.authors, c.authors, c.name);
    assert.equal(a.body, PROSE.join("\n\n"), `${c.name}: the three paragraphs, no headline, byline or footer`);
    assert.equal(a.date, c.date ?? "2019-11-20", c.name);
  }
  const german = extractGeneric(page(["Zum Inhalt springen", "Startseite", "Welt", "Wirtschaft", "Hafenstadt stimmt für Fähre auch im Winter", "Von Erika Mustermann", "20. November 2019",
    "Der Stadtrat hat am Dienstag nach einer langen Debatte über die Kosten der Brückenreparaturen und der Schulen den neuen Haushalt beschlossen.",
    "Die Mitglieder sagten, der Plan werde die Ausgaben für Straßen um ein Zehntel erhöhen, während die Opposition meinte, er lasse zu wenig für die Bibliotheken.",
    "Artikel teilen", "Impressum"]), options);
  assert.ok(german.ok);
  assert.deepEqual([german.article.title, german.article.authors, german.article.date, german.article.language], ["Hafenstadt stimmt für Fähre auch im Winter", ["Erika Mustermann"], "2019-11-20", "de"]);
  assert.equal(german.article.body.split("\n\n").length, 2);
});

test("regression: the short lines under a printed headline are not the body's first paragraphs (Gizmodo 'Monday 6:30PM', '•', 'Filed to:')", () => {
  const headline = "Harbour Town Votes to Keep Its Ferry Running Through Winter";
  const lines = ["Skip to main content", "Home", "World", "Business", headline, "Jane Doe", "Monday 6:30PM", "•", "Filed to:", "FERRIES", "438.3K", "57", ...PROSE, "Share this article", "Most viewed"];
  const outcome = extractGeneric(page(lines), { ...options, fileName: "2019-11-20-ferry.txt" });
  assert.ok(outcome.ok);
  assert.equal(outcome.article.title, headline);
  assert.equal(outcome.article.body, PROSE.join("\n\n"));
});

test("regression: a Korean writer named only in the sign-off under the article (Entermedia '정덕현 칼럼니스트 <e-mail>')", () => {
  const lines = ["엔터테인먼트", "문화", "엘제이-류화영 진흙탕 싸움, 공적인 사안으로 봐야하는 이유", "기사입력 :[ 2018-08-25 15:24 ]",
    "엘제이의 리벤지인가, 류화영의 코스프레인가. 시작은 엘제이의 일방적인 사진 공개로부터 비롯됐다. 그건 이 사안이 연인 간의 사적인 일이라는 걸 말해준다.",
    "이 사안이 보다 명백하게 무엇이 진실인가가 밝혀져야 하는 이유가 여기에 있다. 여론공방이 아닌 좀 더 차분하게 사안들을 들여다봐야 할 필요가 있다.",
    "정덕현 칼럼니스트 thekian1@entermedia.co.kr", "Copyright ⓒ 엔터미디어"];
  const outcome = extractGeneric(page(lines), options);
  assert.ok(outcome.ok);
  assert.deepEqual(outcome.article.authors, ["정덕현"]);
  assert.doesNotMatch(outcome.article.body, /칼럼니스트/u);
});

test("regression: a byline that ends with the date, 'by NAME Month D, YYYY' (blogs)", () => {
  const chrome = Array.from({ length: 14 }, (_, i) => ["Pinterest", "Facebook", "Twitter", "Mix", "Flipboard"][i % 5] ?? "");
  const outcome = extractGeneric(article(["Hiking the Boulder Flat Irons", "", "by Regan September 15, 2014", "written by Regan", "", ...chrome]), options);
  assert.ok(outcome.ok);
  assert.equal(outcome.article.date, "2014-09-15");
});

test("regression: 'Updated … ; Posted …' without a year (cleveland.com, nj.com): the year from the page, said so", () => {
  const head = ["Council approves budget", "", "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM"];
  const fromCopyright = extractGeneric(article(head, ["© 2019 Example Media. All rights reserved."]), options);
  assert.ok(fromCopyright.ok);
  const a = fromCopyright.article;
  assert.deepEqual([a.date, a.published, a.updated], ["2019-11-18", "2019-11-18T20:19:00-05:00", "2019-11-19T09:41:00-05:00"]);
  assert.match(a.provenance.date ?? "", /without a year: the year from the copyright year on line \d+/);
  assert.match(a.provenance.published ?? "", /copyright/);
  assert.match(a.provenance.updated ?? "", /Updated/);
  // A full date nearer the dateline (an embedded post) lends its year; across New Year the nearest year wins.
  const fromPost = extractGeneric(article(["Council approves budget", "", "Posted Dec 31, 11:00 PM"], ["— A Reader (@reader) January 1, 2020", "© 2021 Example Media"]), options);
  assert.ok(fromPost.ok);
  assert.equal(fromPost.article.date, "2019-12-31");
  assert.match(fromPost.article.provenance.date ?? "", /the full date on line/);
  // No year anywhere on the page, or a day and time in a sentence: no date is made up.
  const undatable: [string[], string[]][] = [[head, []], [["Council approves budget", "", "Tickets go on sale Nov 22, 10:00 AM at the box office"], ["© 2019 Example Media"]]];
  for (const [lines, tail] of undatable) {
    const undated = extractGeneric(article(lines, tail), options);
    assert.ok(!undated.ok, lines[2]);
    assert.equal(undated.error.rule, "no-date");
  }
});

test("datelines: not from a list of other stories, nor past a relative dateline, nor from comments over the article's own", () => {
  const list = ["Recent from the author", "", "Budget hearing postponed", "Jane Doe", "11/13/19 11:00AM", "", "Library hours cut", "Jane Doe", "11/13/19 9:00AM", "", "Bridge closes", "Jane Doe", "11/12/19 4:40PM"];
  const listed = extractGeneric(article([...list, "", "Schools", "", "The new budget is here", "", "Jane Doe", "Monday 5:30PM", "Filed to: budget"]), options);
  assert.ok(!listed.ok, "the page's own dateline is relative: the list's dates are not taken");
  const listOnly = extractGeneric(article(list), options);
  assert.ok(!listOnly.ok, "dates of a list of stories are not the article's");
  const comments = ["Leave a Reply", "", "Sam", "August 8, 2020 at 3:17 pm", "Great read, thanks for writing it."];
  const withComments = extractGeneric(article(["Council approves budget", "", "By Jane Doe", "", ...Array.from({ length: 16 }, () => "Share"), "", "November 19, 2019"], comments), options);
  assert.ok(withComments.ok);
  assert.equal(withComments.article.date, "2019-11-19");
});

test("no headline: a no-headline error on line 1", () => {
  for (const text of ["", "\n\n", "1234 5678", "x".repeat(5000)]) {
    const outcome = extractGeneric(text, options);
    assert.ok(!outcome.ok, JSON.stringify(text.slice(0, 20)));
    assert.equal(outcome.error.rule, "no-headline");
    assert.equal(outcome.error.line, 1);
  }
});

test("never throws, and stays fast on a 10 MB single line", () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 2000 }), (raw) => {
      const outcome = extractGeneric(normaliseText(raw), options);
      assert.ok(outcome.ok || ["no-headline", "no-date", "not-article"].includes(outcome.error.rule));
    }),
    { numRuns: 200 },
  );
  const started = Date.now();
  extractGeneric(`${"A sentence of words. ".repeat(500_000)}`, options);
  extractGeneric(`Some headline here\n${"November 18, 2019 12:00 PM EST | ".repeat(300_000)}`, options);
  assert.ok(Date.now() - started < 20_000, "roughly linear time");
});

test("escapes leading Markdown syntax; plain sentences stay as they are", () => {
  assert.equal(escapeMarkdown("# not a heading"), "\\# not a heading");
  assert.equal(escapeMarkdown("1. not a list"), "1\\. not a list");
  assert.equal(escapeMarkdown("- not a list"), "\\- not a list");
  assert.equal(escapeMarkdown("> not a quote"), "\\> not a quote");
  assert.equal(escapeMarkdown("2019 was a year, #1 of them."), "2019 was a year, #1 of them.");
});

test("language from stop words and script", () => {
  assert.equal(detectLanguage(PROSE.join(" ")), "en");
  assert.equal(detectLanguage("Die Digitalisierung ist ein Treiber, der sich durch fast alle Branchen zieht und auch im Bereich der Gesundheit nicht halt macht."), "de");
  assert.equal(detectLanguage("엘제이의 리벤지인가, 류화영의 코스프레인가"), "ko");
  assert.equal(detectLanguage("1234 5678"), null);
});

// Golden records for meta-dev pages: a page's visible text as a browser shows it, saved without a
// <title> line (../shared/corpora/meta-dev). `UPDATE=1` rewrites the fixture; read its diff.
const META = join(here, "../../shared/corpora/meta-dev");
const META_GOLDEN = join(here, "fixtures/generic/meta-golden.json");
const META_PAGES: Record<string, string> = {
  "f8ff621a0b9b7646": "Barron's: 'By Al Root Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET'",
  "098bb3e96c0acdf3": "LA Times: 'By Meg JamesStaff Writer' run together, the time on the line under the date",
  "374ac9a59a85196c": "CNBC: 'NOV 20 20194:29 AM ESTUPDATED …' run together",
  "c7e39ac49fa1235f": "BBC: the section from the menu item marked 'Europe selected'",
  "e593d7fe88f9f5cd": "Healthline: the dated byline printed under the article, 200 lines below the headline",
  "f81c6c05d9cbc933": "Business Insider Deutschland: 'Tanza Loudenback, Business Insider' under the headline, day-first '13.11.2019, 23:06'",
  "ad9e9e596f21a681": "GiveWell: 'October 9, 2018 | by Olivia Larsen'",
  "11ea381ad92b5448": "autoracing.com.br NASCAR standings: not an article",
  "042bb7b5fedab6ea": "WSJ: the headline between a kicker in capitals ('TECH PERSONAL TECHNOLOGY: REVIEW') and its longer dek",
  "08f793762792bd25": "CBS Sports: the headline printed twice, above its dek and the byline",
  "9da36ae4714bfccc": "Entermedia (Korean): the headline under teasers cut short by '..', the writer from the sign-off '칼럼니스트 박생강 <e-mail>'",
};

function metaRecord(id: string): Record<string, unknown> {
  const decoded = decodeDump(readFileSync(join(META, "dumps", `${id}.txt`)));
  assert.ok(decoded.ok);
  const outcome = extractGeneric(decoded.text, { timezone: "America/New_York", fileName: `${id}.txt` });
  if (!outcome.ok) return { rule: outcome.error.rule, message: outcome.error.message, title: outcome.partial?.title ?? null };
  const a = outcome.article;
  return { title: a.title, date: a.date, published: a.published, authors: a.authors, section: a.section, outlet: a.outlet ?? null, url: a.url ?? null, firstParagraph: a.body.split("\n\n")[0] ?? "" };
}

test("golden records for meta-dev pages saved without a <title>: headline, date, byline, section, outlet; a standings table is not an article", { skip: !existsSync(META) && "meta-dev corpus not found" }, () => {
  const got = Object.fromEntries(Object.entries(META_PAGES).map(([id, why]) => [id, { why, ...metaRecord(id) }]));
  if (process.env.UPDATE === "1") writeFileSync(META_GOLDEN, `${JSON.stringify({ _comment: "Golden records for meta-dev dumps (/work/shared/corpora/meta-dev/dumps/<id>.txt), parsed with timezone America/New_York; checked by hand against meta-dev/truth.json and the pages. UPDATE=1 rewrites them: read the diff.", pages: got }, null, 2)}\n`);
  const want = (JSON.parse(readFileSync(META_GOLDEN, "utf8")) as { pages: Record<string, unknown> }).pages;
  for (const id of Object.keys(META_PAGES)) assert.deepEqual(got[id], want[id], id);
});

test("regression: dates run into the words around them by a browser's visible text (CNBC, Gizmodo, Sputnik), numeric offsets, 'Original' after 'Updated'", () => {
  assert.deepEqual(parsePrintedDate("PUBLISHED WED, NOV 20 20194:29 AM ESTUPDATED AN HOUR AGO"), { date: "2019-11-20", published: "2019-11-20T04:29:00-05:00", zone: "-05:00" });
  assert.equal(parsePrintedDate("Adam Clark Estes11/13/19 11:00AM", { timezone: "America/New_York" })?.published, "2019-11-13T11:00:00-05:00");
  assert.equal(parsePrintedDate("21:17 18.11.2019Get short URL", { dayFirst: true })?.date, "2019-11-18");
  assert.equal(parsePrintedDate("13.11.2019, 23:06 +0100", { dayFirst: true })?.published, "2019-11-13T23:06:00+01:00");
  assert.equal(parsePrintedDate("By Al Root Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET")?.published, "2019-11-19T08:02:00-05:00");
  assert.deepEqual(parsePrintedDate("19 November 2019"), { date: "2019-11-19", published: null, zone: null });
  assert.equal(parsePrintedDate("no date here"), null);
});

test("regression: bylines name people, not desks, agencies or roles ('Meg JamesStaff Writer', 'BY KASHMIRA GANDER ON …', 'by Admin')", () => {
  assert.deepEqual(bylinePeople("By\u00a0Meg JamesStaff Writer\u00a0"), ["Meg James"]);
  assert.deepEqual(bylinePeople("BY KASHMIRA GANDER ON 11/13/19 AT 4:00 PM EST"), ["Kashmira Gander"]);
  assert.deepEqual(bylinePeople("By BILL HOPPE | Special to the Pioneer Press"), ["Bill Hoppe"]);
  assert.deepEqual(bylinePeople("Текст: Венера Ерофеева·24 сентября 2018"), ["Венера Ерофеева"]);
  assert.deepEqual(bylinePeople("October 9, 2018 | by Olivia Larsen"), ["Olivia Larsen"]);
  assert.deepEqual(bylinePeople("written by Regan"), ["Regan"]);
  assert.deepEqual(bylinePeople("Posted on Maret 30, 2015 by Admin"), []);
  assert.deepEqual(bylinePeople("By Reuters"), []);
  assert.deepEqual(bylinePeople("Sandee LaMotte, CNN"), ["Sandee LaMotte"]);
});

test("outlet from a copyright line, without company suffixes or web designers", () => {
  assert.equal(copyrightHolder("© 2019 CNBC LLC. All Rights Reserved. A Division of NBCUniversal"), "CNBC");
  assert.equal(copyrightHolder("Copyright © 2019, Los Angeles Times | Terms of Service | Privacy Policy"), "Los Angeles Times");
  assert.equal(copyrightHolder("© 2019 - Designed by Gray Digital Media"), null);
  assert.equal(copyrightHolder("The copyright of 2019 belongs to nobody"), null);
});

test("not an article: a standings table and a page without prose are reported with the reason; an article with a short table is not", () => {
  const table = Array.from({ length: 20 }, (_, i) => `${i + 1}\tDriver ${String.fromCharCode(65 + i)}\t${5000 - i * 10}\t${i % 3}`);
  const standings = extractGeneric(page(["Cup Series standings", "November 19, 2019", "The standings after the last race of the season are below, with points and wins.", ...table]), options);
  assert.ok(!standings.ok);
  assert.equal(standings.error.rule, "not-article");
  assert.match(standings.error.message, /20 rows/);
  assert.equal(standings.partial?.title, "Cup Series standings", "what was read is kept for the report");
  const links = extractGeneric(page(["Latest stories", "November 19, 2019", "Home", "World", "Sport", "Weather", "Contact us"]), options);
  assert.ok(!links.ok && links.error.rule === "not-article", "no prose at all");
  const article = extractGeneric(page(["Council approves budget", "November 19, 2019", ...PROSE, ...table.slice(0, 4), PROSE[0] ?? ""]), options);
  assert.ok(article.ok, "four table rows inside an article keep it an article");
});
