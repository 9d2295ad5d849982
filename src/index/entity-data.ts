// Data for entity tags: canonical names and their aliases, the words that are never tags, titles
// that precede names, and demonyms. Change behaviour here, not in entities.ts.

/**
 * One entity under one display name, whatever the story calls it. Forms are matched with dots and
 * case ignored, except forms of four capitals or fewer ("US", "IS"), which must match in capitals
 * so that the pronoun "us" and the verb "is" stay words. Came from: the VOA sample (U.S., State
 * Department, Pentagon, Islamic State) and the BBC topics-dev corpus (UK, EU, SEC, parties).
 */
export const ALIASES: ReadonlyArray<{ name: string; type: "place" | "organisation"; forms: readonly string[] }> = [
  { name: "United States", type: "place", forms: ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"] },
  { name: "United Kingdom", type: "place", forms: ["UK", "U.K.", "Britain", "Great Britain"] },
  { name: "European Union", type: "organisation", forms: ["EU", "E.U."] },
  { name: "United Nations", type: "organisation", forms: ["UN", "U.N."] },
  { name: "Islamic State", type: "organisation", forms: ["IS", "ISIS", "ISIL", "Daesh", "Islamic State group"] },
  { name: "Pentagon", type: "organisation", forms: ["The Pentagon"] },
  { name: "State Department", type: "organisation", forms: ["Department of State"] },
  { name: "White House", type: "organisation", forms: ["The White House"] },
  { name: "Nato", type: "organisation", forms: ["NATO", "North Atlantic Treaty Organization"] },
  { name: "World Trade Organization", type: "organisation", forms: ["WTO"] },
  { name: "International Monetary Fund", type: "organisation", forms: ["IMF"] },
  { name: "Federal Reserve", type: "organisation", forms: ["Fed"] },
  { name: "Securities and Exchange Commission", type: "organisation", forms: ["SEC", "Securities Exchange Commission"] },
  { name: "Labour", type: "organisation", forms: ["Labour Party", "Labour party"] },
  // The 1,201-story archive had "Conservative" and "Conservatives" as two tags; entities-dev
  // annotates "Conservative Party".
  { name: "Conservative Party", type: "organisation", forms: ["Conservatives", "Conservative party", "Tories", "Tory party"] },
  { name: "Liberal Democrats", type: "organisation", forms: ["Lib Dems", "Lib Dem", "Liberal Democrat"] },
  // "WHO" is also the pronoun in capitals, which the word list would otherwise rule out.
  { name: "World Health Organization", type: "organisation", forms: ["WHO"] },
];

/**
 * Words of dates. They end a name ("Wednesday Tony Blair" is Tony Blair) and are never tags: the
 * archive already has the date. Came from the VOA sample ("Sunday") and topics-dev.
 */
export const DATE_WORDS: ReadonlySet<string> = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
  "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
  "tomorrow", "yesterday", "christmas", "easter",
]);

/**
 * Words of dates that are also names: beside a name word and no number they are part of the name
 * ("Theresa May", "Jan Allan Mueller" in a cycling result of entities-dev, odd half), never a
 * date ("May 5", "in May", "Sept. 3"). Not "March": "Japan March exports".
 */
export const NAMES_OF_DATES: ReadonlySet<string> = new Set(["May", "June", "April", "August", "Jan"]);

/**
 * Words that make a newspaper's name after a day's: "The Sunday Telegraph" (entities-dev, even
 * half), "Sunday Times", "Sunday Mirror". As written.
 */
export const DAY_PAPERS: ReadonlySet<string> = new Set([
  "Times", "Telegraph", "Mirror", "Express", "Herald", "Post", "Independent", "Tribune", "Mail", "Star", "Sun",
]);

/**
 * Capitalised words that are not names on their own: sentence openers and generic nouns that news writing capitalises. Came from the junk the
 * extractor produced on the VOA sample ("Sunday", "News", "Government") and on topics-dev.
 */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you",
  "but", "and", "or", "if", "so", "yet", "however", "meanwhile", "also", "still", "now", "then",
  "news", "government", "state", "states", "city", "country", "world", "national", "international",
  "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
  "group", "party", "company", "firm", "department", "ministry", "minister", "president", "official",
  "officials", "ministers", "bill", "act", "report", "reports", "file", "photo", "video", "update", "updated", "read", "more",
  "related", "stories", "story", "internet", "web", "online", "mp", "mps", "ceo", "tv", "pc", "dvd",
  "chief", "executive", "premiership", "cup", "league", "championship", "mr", "mrs", "ms", "dr",
  // Company-form words left alone when a caption or dateline cuts a name ("Walmart Inc." on a
  // recipe page, "Broadhead Co." in a South Dakota story: page-text-dev).
  "inc", "inc.", "co", "co.", "corp", "corp.", "ltd", "ltd.", "plc", "llc",
  // Halves of split outlet names: "the Daily and Sunday Telegraph" (topics-dev), "People" of a
  // "People’s ..." that is not a name (page-text-dev).
  "daily", "weekly", "people",
  // Ordinals head rows of fixtures lists and results: "May 24 Second one-day international",
  // "Third test" (entities-dev); they still start names ("First Chicago").
  "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  // Abbreviations that head rows of company results and money tables: "Avg shrs", "Govt securities
  // outstanding" (entities-dev, even half); the rest are of the same tables, not seen there.
  "avg", "govt", "approx", "est", "qtr", "yr", "mln", "bln", "pct", "vs",
]);

/**
 * Words after a company's name that do not make it another entity when the story also names it
 * without them: "SoftBank Group Corp" is SoftBank, "Boeing Co." is Boeing (the WeWork and Emirates
 * pages of page-text-dev). Compared as written.
 */
export const ORG_SUFFIXES: ReadonlySet<string> = new Set([
  "Inc", "Inc.", "Co", "Co.", "Corp", "Corp.", "Corporation", "Company", "Ltd", "Ltd.", "plc", "PLC",
  "LLC", "Group", "Holdings", "AG", "SA", "NV",
]);

/**
 * Possessors that make one name with the capitalised words after them: "People’s Daily" and
 * "People’s Liberation Army" (the Guardian editorial on Hong Kong, page-text-dev), "Women’s World
 * Cup", "Workers’ Party". Any other possessive ends the name: "Iran’s top general" is Iran,
 * "Blair's Labour" is two names. Lower case.
 */
export const POSSESSIVE_NAME_HEADS: ReadonlySet<string> = new Set([
  "people", "women", "men", "children", "workers", "veterans", "farmers", "citizens", "nations",
  "mothers", "fathers", "girls", "boys", "soldiers", "teachers", "consumers", "traders",
]);

/**
 * Endings of adjectives of place, faith and politics ("Swedish prosecutor", "Ecuadorean embassy",
 * "Communist party", "Hispanic voters": page-text-dev). A one-word name with one of these endings
 * that the story only ever puts before a lower-case noun is an adjective, never a tag. Not "an" or
 * "i": "Dubai crown", "Iran talks" (topics-dev). Costs "the Guardian newspaper".
 */
export const ADJECTIVE_ENDINGS: readonly string[] = ["ian", "ean", "ese", "ish", "ist", "ic"];

/**
 * Words that start a multi-word demonym without changing what it points to: "South African" is
 * South Africa's, "North American" and "African American" are nobody's (page-text-dev, topics-dev).
 */
export const COMPASS_WORDS: ReadonlySet<string> = new Set(["North", "South", "East", "West", "Latin", "Central"]);

/**
 * Titles that come before a name and are not part of it; the longest match is cut first, and what
 * is left on each side is a name of its own ("U.S. Secretary of State Mike Pompeo" -> "U.S.",
 * "Mike Pompeo"). A title is only cut when a name follows it ("Burger King" stays). Not here:
 * "General", which starts company names ("General Motors"). Came from the VOA sample and the bylines and quotes of topics-dev.
 */
export const TITLES: readonly string[] = [
  "Secretary of State", "Prime Minister", "Deputy Prime Minister", "Foreign Secretary",
  "Home Secretary", "Foreign Minister", "Defence Secretary", "Defense Secretary", "Chief Executive",
  "Attorney General", "Vice President", "Secretary General", "Chancellor", "President",
  "Secretary", "Minister", "Senator", "Sen.", "Rep.", "Gov.", "Governor", "Gen.", "Judge",
  "King", "Queen", "Prince", "Princess", "Pope", "Sir", "Lord", "Lady", "Dame", "Mr", "Mr.", "Mrs",
  "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Professor", "Chairman", "Director", "Commissioner",
  "Ambassador", "Spokesman", "Spokeswoman", "Coach", "Manager", "Captain", "Leader", "Chief",
  "Ayatollah", "Sheikh", "Colonel", "Col.", "Lieutenant", "Lt.", "Sergeant", "Archbishop", "Bishop",
  "Agent", "Detective", "Inspector", "Superintendent", "Justice", "Speaker", "MP", "Senior", "Tory", "Actor",
  "Actress", "Singer", "Chef",
  // Whole-page stories of page-text-dev: "CEO Tim Cook", "SoftBank CEO Masayoshi Son", "Hon. Funke
  // Adedoyin", "U.S. Attorney James Kennedy Jr.".
  "CEO", "Hon.", "Hon", "Attorney", "Chairwoman", "Founder", "Co-founder", "Deputy",
  // entities-dev: "Chicago Cardinal Joseph Bernardin", "Lieutenant-Colonel Max Marriner",
  // "Major-General Nikolai Sherbatov".
  "Cardinal", "Lieutenant-Colonel", "Major-General", "Brigadier", "Corporal",
  // Players' positions before their names: "Fullback Andre Joubert" (entities-dev).
  "Fullback", "Midfielder", "Striker", "Defender", "Goalkeeper", "Winger",
];

/**
 * Lower-case words that may sit inside a name between capitalised words ("Bank of England",
 * "Abu Mahdi al-Muhandis", "Ludwig van Beethoven", "Institute for Public Policy Research").
 */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  "of", "for", "al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "do", "dos", "du", "del", "della",
  "der", "van", "von", "den", "la", "le", "y",
  // "Kengo wa Dondo" (Zaire's prime minister: entities-dev, even half).
  "wa",
  // Italian and French articles after "di" and "de": "Gazzetta dello Sport" (entities-dev, odd half).
  "dello", "degli", "dei", "delle", "des",
]);

/**
 * Adjectives of place and faith. A demonym whose country is also named adds half a mention to it
 * ("Iraqi officials" makes Iraq more salient) but never creates a tag on its own; faith words are
 * never tags. Came from the VOA sample ("Iraqi", "Shi'ite") and topics-dev (British, American).
 */
export const DEMONYMS: ReadonlyMap<string, string | null> = new Map<string, string | null>([
  ["American", "United States"], ["British", "United Kingdom"], ["English", "England"],
  ["Scottish", "Scotland"], ["Welsh", "Wales"], ["Irish", "Ireland"], ["French", "France"],
  ["German", "Germany"], ["Italian", "Italy"], ["Spanish", "Spain"], ["Dutch", "Netherlands"],
  ["Russian", "Russia"], ["Chinese", "China"], ["Japanese", "Japan"], ["Indian", "India"],
  ["Australian", "Australia"], ["Canadian", "Canada"], ["Iraqi", "Iraq"], ["Iranian", "Iran"],
  ["Israeli", "Israel"], ["Palestinian", null], ["Syrian", "Syria"], ["Afghan", "Afghanistan"],
  ["Pakistani", "Pakistan"], ["Saudi", "Saudi Arabia"], ["Turkish", "Turkey"], ["Egyptian", "Egypt"],
  ["Korean", null], ["European", null], ["African", null], ["Asian", null], ["Arab", null],
  ["Western", null], ["Brazilian", "Brazil"], ["Mexican", "Mexico"], ["Greek", "Greece"],
  ["Shi'ite", null], ["Shiite", null], ["Shia", null], ["Sunni", null], ["Muslim", null],
  ["Christian", null], ["Jewish", null], ["Catholic", null], ["Kurdish", null], ["Islamist", null],
  // page-text-dev: the Assange, Impeachment, Taliban and Hong Kong pages ("Swedish prosecutors",
  // "Ukrainian", "the Communist party"); topics-dev: "Kenyan", "Swede", "Scot Nick Smith", "Tory".
  ["Swedish", "Sweden"], ["Swede", "Sweden"], ["Ukrainian", "Ukraine"], ["Ecuadorean", "Ecuador"],
  ["Ecuadorian", "Ecuador"], ["Belgian", "Belgium"], ["Kenyan", "Kenya"], ["Nigerian", "Nigeria"],
  ["Scot", "Scotland"], ["Swiss", "Switzerland"], ["Polish", "Poland"], ["Danish", "Denmark"],
  ["Norwegian", "Norway"], ["Portuguese", "Portugal"], ["Filipino", "Philippines"],
  ["Tory", "Conservative Party"], ["Communist", null], ["Hispanic", null], ["Latino", null],
  ["Evangelical", null], ["Protestant", null], ["Hindu", null], ["Sikh", null],
  // topics-dev sport and politics: "Dane Kenneth Carlsen", "Briton", "Welshman", "Catalan".
  ["Dane", "Denmark"], ["Briton", "United Kingdom"], ["Welshman", "Wales"], ["Scotsman", "Scotland"],
  ["Englishman", "England"], ["Irishman", "Ireland"], ["Austrian", "Austria"], ["Finnish", "Finland"],
  ["Cuban", "Cuba"], ["Catalan", null], ["Balkan", null],
  // Peoples, faiths and parties' followers, named as groups ("Chechens", "Moslems", "Serbs",
  // "Iraqi Kurds", "Hutu", "Republicans": the kinds entities-dev annotates apart from people,
  // places and organisations). Plurals are found by their singular.
  ["Moslem", null], ["Serb", null], ["Croat", null], ["Kurd", null], ["Jew", null], ["Chechen", null],
  ["Pole", "Poland"], ["Hutu", null], ["Tutsi", null], ["Azeri", null], ["Tajik", null],
  ["Republican", null], ["Democrat", null], ["Afrikaner", null], ["Coloured", null],
]);

/**
 * Last words of institutions, events and places, never of a person: "Berlin Film Festival" is not
 * Berlin and a man called Film Festival (topics-dev), "American University of Kabul" is one name
 * (page-text-dev). Only after one of these does "for" stay inside a name ("Institute for Public
 * Policy Research", but "Michael McDonald for Blossom" on the Doobie Brothers page). As written.
 */
export const INSTITUTION_WORDS: ReadonlySet<string> = new Set([
  "Festival", "Awards", "Award", "Prize", "Cup", "Championship", "Championships", "Games", "Open",
  "University", "College", "School", "Institute", "Council", "Committee", "Commission", "Court",
  "Office", "Agency", "Association", "Union", "Society", "Club", "Party", "Bank", "Exchange",
  "Airport", "Hospital", "Museum", "Gallery", "Theatre", "Centre", "Center", "Department",
  "Ministry", "Service", "Authority", "Board", "Foundation", "Trust", "Fund", "League", "Federation",
  "Army", "Navy", "Police", "Stadium", "Park", "Street", "Road", "Square", "Times", "Post", "News",
  "Journal", "Herald", "Telegraph", "Show", "Records", "Registry", "Corporation", "Organisation",
  "Organization", "Alliance", "Coalition", "Campaign", "Network", "Bureau", "Centers", "Laboratory",
  "Project", "Programme", "Program", "Arbitration",
  // entities-dev: "African National Congress", "Guangdong Post and Telecommunications Administration".
  "Congress", "Administration",
]);

/**
 * Endings that make a demonym of a place named in the same story ("Romania" -> "Romanian", "Iraq"
 * -> "Iraqi", "China" -> "Chinese"); irregular ones are in `DEMONYMS`. Endings tried against the
 * whole place name and against it without a final vowel.
 */
export const DEMONYM_ENDINGS: readonly string[] = ["n", "an", "ian", "i", "ese", "ish", "ean"];

/**
 * Letters that Unicode decomposition does not turn into ASCII, for `tagKey`. Other scripts get a
 * short hash instead of a transliteration.
 */
export const ASCII_FOLDS: ReadonlyMap<string, string> = new Map([
  ["ß", "ss"], ["æ", "ae"], ["œ", "oe"], ["ø", "o"], ["đ", "d"], ["ð", "d"], ["ł", "l"], ["þ", "th"],
  ["ı", "i"], ["ħ", "h"],
]);

/**
 * Particles that keep a name going only after a head word, one of `INSTITUTION_WORDS` or a common
 * English word ("Bank of England", "Institute for Public Policy Research", "Bay of Bengal"): after
 * a name they start another ("Keith O'Neill of Norwich City", "Peter Nicol of Scotland",
 * "Michael McDonald for Blossom": entities-dev, page-text-dev).
 */
export const HEAD_PARTICLES: ReadonlySet<string> = new Set(["of", "for"]);

/**
 * Words that join capitalised words only inside a body's long name already built with a head
 * particle: "Organisation for Security and Cooperation in Europe", "Department of Trade and
 * Industry" (entities-dev); elsewhere they stand between two names ("Essex and Kent").
 */
export const BODY_PARTICLES: ReadonlySet<string> = new Set(["and", "in"]);

/**
 * Words right before a name that say it is a place: "in Baghdad", "near Tuzla" (the VOA sample,
 * entities-dev). Only for the tag's type; "of" and "from" also precede bodies. Not "at": it comes
 * before companies as often ("works at Apple", "at WeWork" made both places on page-text-dev's
 * technology pages); without it, entities-dev's typed tags agree with the annotation a little
 * more often (0.928 -> 0.930), precision and recall unchanged.
 */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(["in", "near", "outside", "across", "throughout"]);

/**
 * Last words of events: competitions, festivals, wars, holidays. An event is not a tag: a tag page
 * gathers the people, places and organisations a reader follows, and entities-dev annotates events
 * apart from them ("UEFA Cup", "Hong Kong Open", "World Series", "Pro Bowl", "Atlanta Games",
 * "Gulf War", "Labor Day", "British Masters", "Venice Film Festival"). As written. Not "League":
 * a league is also a body that speaks ("the Premier League said"); as events, leagues would have
 * raised entities-dev precision by 0.003 and lowered its recall by one name.
 */
export const EVENT_WORDS: ReadonlySet<string> = new Set([
  "Cup", "Open", "Games", "Olympics", "Championship", "Championships", "Series", "Tour", "Masters",
  "Trophy", "Bowl", "Prix", "Final", "Finals", "Festival", "Awards", "Award", "Prize", "War",
  "Day", "Marathon", "Classic", "Meeting", "Summit", "Revolution",
]);

/**
 * Last words of places, for a tag's type: "Grace Road", "Tiananmen Square", "Brown Deer Park",
 * "Baghdad airport" (entities-dev, the VOA sample). As written.
 */
export const PLACE_HEADS: ReadonlySet<string> = new Set([
  "Street", "Road", "Avenue", "Square", "Park", "Stadium", "Airport", "River", "Lake", "Island",
  "Islands", "Mountains", "Valley", "Bay", "Gulf", "Sea", "Ocean", "Coast", "Strait", "County",
  "Province", "Region", "Falls",
]);

/**
 * Heads of places that name one place alone, capitalised: "the Gulf" of wire news is the Persian
 * Gulf (entities-dev, odd half: "U.S. warplanes, ships in Gulf", five times in one story).
 */
export const NAMED_HEADS: ReadonlySet<string> = new Set(["Gulf"]);

/**
 * Endings of inflected English words and what replaces them to find the word the word list holds,
 * tried in order when it lacks the word itself: a capitalised word at a sentence start that is a
 * plural or a past form is a common word ("Eyewitnesses said", "Buckled rails": entities-dev, one
 * of each half, 205 and 204). "-ing" is left out: its stems are surnames ("Golding", "Browning").
 */
export const INFLECTIONS: ReadonlyArray<readonly [string, string]> = [
  ["ies", "y"], ["es", ""], ["s", ""], ["ed", ""], ["ed", "e"],
];

/**
 * First words of places that the word list knows as common words: at the start of a line or
 * sentence, before a name word, they start the name. "San Diego 3 NEW YORK 2" in baseball results
 * (entities-dev, even half, where "San" alone is an adjective); the others are of the same kind.
 */
export const PLACE_NAME_STARTS: ReadonlySet<string> = new Set([
  "San", "Santa", "Santo", "Sao", "Los", "Las", "Port", "Fort", "Mount", "Saint", "St", "St.", "New",
]);

/**
 * Units after a number: "Moengo 56 miles east of Paramaribo", "Sergiyev Posad 70 km from the
 * capital" (entities-dev) measure, where "Euro 96 absentee" names an event. Lower case.
 */
export const MEASURES: ReadonlySet<string> = new Set([
  "miles", "mile", "km", "kms", "kilometres", "kilometers", "metres", "meters", "feet", "ft", "yards", "kg",
  "kilos", "pounds", "lbs", "tonnes", "tons", "percent", "pct", "points", "pts", "runs", "goals",
  "years", "days", "hours", "minutes", "mins", "seconds", "degrees", "mph", "kph", "cents", "dollars",
]);

/**
 * Prefixes before a hyphen that make a common word of a common word, capitalised or not:
 * "Co-Premiers" (entities-dev, odd half), "PRE-SALE", "Ex-President"; "Half-Life" and "Ad-Aware"
 * (programs named in topics-dev) have no prefix and stay names. Lower case.
 */
export const HYPHEN_PREFIXES: ReadonlySet<string> = new Set([
  "co", "ex", "pre", "post", "anti", "non", "pro", "vice", "mid", "multi", "semi", "sub", "inter", "re",
]);

/**
 * Names of countries and territories as English writes them, from the region names of the ICU
 * data Node ships (`Intl.DisplayNames`): a tag spelt as one is a place, whatever one story's words
 * around it say. Came from the dev pages' tag index, where one-story evidence had left Germany,
 * Switzerland and Croatia untyped. Codes that name no place are left out: EU, EZ (eurozone), UN,
 * ZZ and the private-use X- and Q- codes ("Pseudo-Accents", "Outlying Oceania").
 */
export const COUNTRY_NAMES: ReadonlySet<string> = (() => {
  const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const found = new Set<string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (/^(?:X.|Q.|ZZ|EU|EZ|UN)$/u.test(code)) continue;
      const name = names.of(code);
      if (name !== undefined) found.add(name);
    }
  }
  return found;
})();
