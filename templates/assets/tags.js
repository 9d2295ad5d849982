// The tag filter box: shown only with JavaScript; loads /tag/index.json on first use and lists
// the tags whose name contains what was typed (accents and case ignored), most stories first.
(() => {
  const form = document.querySelector(".tag-filter");
  if (!form) return;
  const input = form.querySelector("input");
  const results = form.querySelector("#tag-filter-results");
  const status = form.querySelector("#tag-filter-status");
  const fold = (s) => s.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  const LIMIT = 60;
  let tags = null;
  form.hidden = false;
  form.addEventListener("submit", (e) => e.preventDefault());
  const load = () => {
    tags ??= fetch(form.dataset.index).then((r) => r.json()).then((list) => list.map(([name, url, count]) => ({ name, url, count, key: fold(name) })));
    return tags;
  };
  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", async () => {
    const query = fold(input.value.trim());
    results.replaceChildren();
    if (!query) {
      status.textContent = "";
      return;
    }
    const matches = (await load()).filter((t) => t.key.includes(query));
    if (fold(input.value.trim()) !== query) return;
    status.textContent = matches.length > LIMIT ? `${matches.length} tags match; the ${LIMIT} with most stories:` : `${matches.length} ${matches.length === 1 ? "tag matches" : "tags match"}`;
    for (const t of matches.slice(0, LIMIT)) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = t.url;
      a.textContent = t.name;
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = ` ${t.count} ${t.count === 1 ? "story" : "stories"}`;
      li.append(a, count);
      results.append(li);
    }
  });
})();
