// Starts Pagefind's UI and runs the query given as ?q= (from the search box on every page).
window.addEventListener("DOMContentLoaded", () => {
  if (typeof PagefindUI === "undefined") {
    document.getElementById("search").textContent = "The search index has not been built for this copy of the archive.";
    return;
  }
  const ui = new PagefindUI({ element: "#search", showSubResults: false, showImages: false, resetStyles: false });
  const q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
});
