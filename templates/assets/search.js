// The search page over Pagefind's JavaScript API: reads the form (words, sort, section, year,
// tag) from the address, lists results with section, date and outlet, and keeps the address in
// step with the form so a search can be shared. Pagefind's files and the result URLs sit under
// the site's base path (data-base-url).
const form = document.querySelector(".search-page");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const base = form.dataset.baseUrl;
const PAGE = 20;

// The search index comes in shards (pagefind/shards.json lists them, oldest first): one per year,
// and the archive's newest month apart from its year (`2020`, then `2020-06`). The first is loaded
// and the others merged into it (Pagefind's mergeIndex), so a search and the filter counts cover
// all of them. Merged hits come ordered by score, which mixes the shards up when sorted by date; a
// date-sorted search therefore asks one shard's stories at a time, in date order, by a filter that
// selects just them (a year, or each month of a year that is split), and each keeps its date order.
let pagefind;
let shardKeys = [];
try {
  const { shards } = await (await fetch(`${base}pagefind/shards.json`)).json();
  pagefind = await import(`${base}pagefind/${shards[0]}pagefind.js`);
  await pagefind.options({ baseUrl: base });
  for (const shard of shards.slice(1)) await pagefind.mergeIndex(`${base}pagefind/${shard}`, { baseUrl: base });
  shardKeys = shards.map((shard) => shard.replace(/\/$/, ""));
} catch {
  pagefind = undefined;
  status.textContent = "The search index has not been built for this copy of the archive.";
}

/** The month filter's values, oldest first: read once, on the first date-sorted search. */
let months;

/** Filters that split the stories into the shards' date order, oldest first: a year's, or a split year's months; the undated shelf last. */
async function datePeriods(year) {
  const years = [...new Set(shardKeys.filter((key) => key !== "undated").map((key) => key.slice(0, 4)))].filter((y) => !year || y === year);
  months ??= Object.keys((await pagefind.filters()).month ?? {}).sort();
  const split = (y) => shardKeys.some((key) => key.startsWith(`${y}-`));
  const periods = years.flatMap((y) => (split(y) ? months.filter((m) => m.startsWith(`${y}-`)).map((month) => ({ month })) : [{ year: y }]));
  return { dated: periods, undated: shardKeys.includes("undated") && (!year || year === "undated") ? [{ year: "undated" }] : [] };
}

/** Hits for `words` with `filters`, best first, or by date when `sort` says so. */
async function find(words, filters, sort) {
  if (!sort) return (await pagefind.search(words, { filters })).results;
  // The undated shelf comes last either way.
  const { dated, undated } = await datePeriods(filters.year);
  const hits = [];
  for (const period of [...(sort.date === "desc" ? dated.reverse() : dated), ...undated]) hits.push((await pagefind.search(words, { filters: { ...filters, ...period }, sort })).results);
  return hits.flat();
}

const params = () => new URLSearchParams(new FormData(form));

function setForm(query) {
  for (const [name, value] of query) {
    const field = form.elements.namedItem(name);
    if (field) field.value = value;
  }
}

/** Options per filter menu: a 10,000-story archive has 20,000 tags; search for a rarer one by its name. */
const MENU = 200;

async function fillFilters() {
  const filters = await pagefind.filters();
  const chosen = new URLSearchParams(location.search);
  for (const select of form.querySelectorAll("select[data-filter]")) {
    const values = Object.entries(filters[select.dataset.filter] ?? {});
    values.sort(select.dataset.filter === "year" ? (a, b) => b[0].localeCompare(a[0]) : (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const shown = values.slice(0, MENU);
    const current = values.find(([value]) => value === chosen.get(select.name));
    if (current && !shown.includes(current)) shown.push(current);
    for (const [value, count] of shown) select.add(new Option(`${value} (${count})`, value));
  }
}

function item(data) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.className = "story-link";
  a.href = data.url;
  a.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement("p");
  excerpt.className = "summary";
  // Pagefind's excerpt is the page's own text with the matched words in <mark>, already escaped.
  excerpt.innerHTML = data.excerpt;
  const meta = document.createElement("span");
  meta.className = "meta";
  meta.textContent = [data.meta.section, data.meta.date, data.meta.outlet].filter(Boolean).join(" · ");
  li.append(a, excerpt, meta);
  return li;
}

let pending = [];
async function showMore() {
  const batch = pending.splice(0, PAGE);
  const rows = await Promise.all(batch.map((r) => r.data()));
  list.append(...rows.map(item));
  more.hidden = pending.length === 0;
}

async function run() {
  const query = params();
  const words = (query.get("q") ?? "").trim();
  const filters = {};
  for (const name of ["section", "year", "tag"]) if (query.get(name)) filters[name] = query.get(name);
  const sort = query.get("sort") === "new" ? { date: "desc" } : query.get("sort") === "old" ? { date: "asc" } : undefined;
  list.replaceChildren();
  more.hidden = true;
  if (!words && Object.keys(filters).length === 0) {
    status.textContent = "";
    return;
  }
  const results = await find(words || null, filters, sort);
  pending = results;
  status.textContent = `${results.length} ${results.length === 1 ? "story" : "stories"}${words ? ` for “${words}”` : ""}`;
  await showMore();
}

if (pagefind) {
  setForm(new URLSearchParams(location.search));
  await fillFilters();
  setForm(new URLSearchParams(location.search));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    history.replaceState(null, "", `?${params()}`);
    run();
  });
  for (const select of form.querySelectorAll("select")) select.addEventListener("change", () => form.requestSubmit());
  more.addEventListener("click", showMore);
  await run();
}
