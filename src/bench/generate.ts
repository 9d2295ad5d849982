// Deterministic synthetic dumps for the benchmark: N stories in the sample's VOA format with
// cross-linked Related Stories, and every tenth one as whole-page text from another outlet.
// Same N, same bytes. Pure: returns names and texts; the caller writes them.
import { mulberry32 } from "../prng.ts";


// Vocabulary: topic words per section so that related-story scoring has real structure to find;
// names and places so that entity tagging has work to do.
const SECTIONS: readonly { name: string; words: readonly string[] }[] = [
  { name: "USA", words: ["congress", "senate", "election", "court", "governor", "ballot", "voters", "campaign", "tax", "budget"] },
  { name: "Middle East", words: ["ceasefire", "militia", "embassy", "sanctions", "oil", "border", "refugees", "talks", "strike", "envoy"] },
  { name: "Africa", words: ["drought", "harvest", "mining", "protest", "parliament", "vaccine", "rebels", "port", "currency", "aid"] },
  { name: "Silicon Valley & Technology", words: ["software", "startup", "chip", "privacy", "platform", "app", "data", "hackers", "network", "robot"] },
  { name: "Science & Health", words: ["virus", "trial", "climate", "species", "hospital", "study", "researchers", "ocean", "disease", "telescope"] },
  { name: "Europe", words: ["union", "brexit", "minister", "coalition", "euro", "summit", "energy", "migrants", "farmers", "strike"] },
];
const PEOPLE = ["Mike Pompeo", "Angela Merkel", "Joe Biden", "Emmanuel Macron", "Cyril Ramaphosa", "Jacinda Ardern", "Narendra Modi", "Abiy Ahmed"];
const PLACES = ["Baghdad", "Berlin", "Washington", "Paris", "Nairobi", "Tokyo", "Cairo", "Brussels", "Lagos", "Seoul"];
const FILLER = ["the", "officials", "said", "on", "a", "new", "report", "after", "weeks", "of", "pressure", "from", "local", "groups",
  "while", "analysts", "expect", "further", "changes", "in", "coming", "months", "according", "to", "statement", "released"];

export interface GeneratedDump {
  name: string;
  text: string;
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

interface Story {
  title: string;
  section: (typeof SECTIONS)[number];
  day: Date;
  person: string;
  place: string;
}

function sentence(rand: () => number, story: Story): string {
  const words: string[] = [];
  const length = 14 + Math.floor(rand() * 14);
  for (let i = 0; i < length; i++) {
    const r = rand();
    words.push(r < 0.35 ? pick(rand, story.section.words) : r < 0.4 ? story.place : pick(rand, FILLER));
  }
  if (rand() < 0.5) words.splice(3, 0, story.person);
  return `${cap(words.join(" "))}.`;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const iso = (d: Date): string => d.toISOString().slice(0, 10);

function voaDump(rand: () => number, story: Story, related: Story[]): string {
  const d = story.day;
  const hour = 1 + Math.floor(rand() * 11);
  const lines = [
    ` date ${iso(d)} ${story.section.name}`, "", story.title, "", `By ${pick(rand, ["VOA News", "Anita Powell", "Ken Bredemeier", "Jeff Seldin and Carla Babb"])}`,
    `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${String(hour).padStart(2, "0")}:${String(Math.floor(rand() * 60)).padStart(2, "0")} ${rand() < 0.5 ? "AM" : "PM"}`,
    `${story.person} speaks to reporters in ${story.place}, in this file photo. Pictures on the wall…`,
    `${story.person} speaks to reporters in ${story.place}, in this file photo.`, "",
  ];
  const paragraphs = 5 + Math.floor(rand() * 6);
  for (let p = 0; p < paragraphs; p++) {
    lines.push([sentence(rand, story), sentence(rand, story), sentence(rand, story)].join(" "), "");
  }
  if (related.length > 0) {
    lines.push("Related Stories", "");
    for (const r of related) {
      const rd = r.day;
      lines.push(`FILE - A view of ${r.place}.`, r.section.name, r.title, sentence(rand, r), "VOA logo", "By", "VOA News",
        `${["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][rd.getUTCDay()]}, ${String(rd.getUTCMonth() + 1).padStart(2, "0")}/${String(rd.getUTCDate()).padStart(2, "0")}/${rd.getUTCFullYear()} - 06:13 PM`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

function pageDump(rand: () => number, story: Story): string {
  const d = story.day;
  const lines = ["Skip to main content", "Home", "World", "Business", "Tech", "Sign in", `${story.title} - Daily Planet`, "Share", "Print",
    story.title, `By ${story.person.split(" ").reverse().join(" ")}, Daily Planet`,
    `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCFullYear()} 08:00 GMT`];
  const paragraphs = 5 + Math.floor(rand() * 6);
  for (let p = 0; p < paragraphs; p++) lines.push([sentence(rand, story), sentence(rand, story)].join(" "));
  lines.push("Most viewed", "Sign up for our newsletter", "Terms of use", "Privacy policy", "© Daily Planet");
  return lines.join("\n");
}

/** N dumps; about one in ten is whole-page text; Related Stories point at earlier stories of the same section. */
export function generateDumps(n: number, seed = 20200928): GeneratedDump[] {
  const rand = mulberry32(seed);
  const start = Date.UTC(2015, 0, 1);
  const stories: Story[] = [];
  for (let i = 0; i < n; i++) {
    const section = pick(rand, SECTIONS);
    const place = pick(rand, PLACES);
    const title = `${cap(pick(rand, section.words))} ${pick(rand, ["Talks", "Plan", "Vote", "Crisis", "Deal", "Report"])} in ${place} ${pick(rand, ["Draws Criticism", "Moves Ahead", "Stalls", "Surprises Observers", "Sparks Debate"])} (${i + 1})`;
    stories.push({ title, section, place, person: pick(rand, PEOPLE), day: new Date(start + Math.floor((i / Math.max(n, 1)) * 2000) * 86400000) });
  }
  const bySection = new Map<string, Story[]>();
  return stories.map((story, i) => {
    const earlier = bySection.get(story.section.name) ?? [];
    const related = earlier.slice(-3).filter(() => rand() < 0.7);
    earlier.push(story);
    bySection.set(story.section.name, earlier);
    const name = `bench-${String(i + 1).padStart(6, "0")}.txt`;
    return { name, text: i % 10 === 9 ? pageDump(rand, story) : voaDump(rand, story, related) };
  });
}
