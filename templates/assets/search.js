// Starts Pagefind's UI and runs the query given as ?q= (from the search box on every page).
window.addEventListener("DOMContentLoaded", () => {
  if (typeof PagefindUI === "undefined") {
    document.getElementById("search").textContent = "The search index has not been built for this copy of the archive.";
    return;
  }
  // Pagefind finds its files beside its script; result URLs are site paths, put under the base path.
  const baseUrl = document.getElementById("search").dataset.baseUrl;
  const ui = new PagefindUI({ element: "#search", baseUrl, showSubResults: false, showImages: false, resetStyles: false });
  const q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
});
