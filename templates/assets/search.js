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

// One Pagefind index per year of stories (pagefind/shards.json lists them, oldest first): the
// first is loaded and the others merged into it (Pagefind's mergeIndex), so a search and the
// filter counts cover all of them. Merged hits come ordered by score, which mixes the years up
// when sorted by date; a date-sorted search therefore asks one year at a time, in year order,
// and each year's hits keep their date order.
let pagefind;
let years = [];
try {
  const { shards } = await (await fetch(`${base}pagefind/shards.json`)).json();
  pagefind = await import(`${base}pagefind/${shards[0]}pagefind.js`);
  await pagefind.options({ baseUrl: base });
  for (const shard of shards.slice(1)) await pagefind.mergeIndex(`${base}pagefind/${shard}`, { baseUrl: base });
  years = shards.map((shard) => shard.replace(/\/$/, ""));
} catch {
  pagefind = undefined;
  status.textContent = "The search index has not been built for this copy of the archive.";
}

/** Hits for `words` with `filters`, best first, or by date when `sort` says so. */
async function find(words, filters, sort) {
  if (!sort) return (await pagefind.search(words, { filters })).results;
  // The undated shelf ("undated", after the years in shards.json) comes last either way.
  const dated = years.filter((y) => y !== "undated");
  const inYears = filters.year ? [filters.year] : [...(sort.date === "desc" ? [...dated].reverse() : dated), ...years.filter((y) => y === "undated")];
  const perYear = [];
  for (const year of inYears) perYear.push((await pagefind.search(words, { filters: { ...filters, year }, sort })).results);
  return perYear.flat();
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
