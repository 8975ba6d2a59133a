// One browser history entry per page. Streamlit adds an entry for every change of the URL's parameters, so each
// setting a page writes (and each slider step) would be a step of the Back button, and Back would stay on the page.
// Here a new address on the same path replaces the current entry; another path (a page switch) is a new entry.
// Entries added before this ran (the first page's own settings) carry no index: Back and Forward skip them (Forward
// where the browser tells which way the reader went: the Navigation API).
(() => {
  if (window.burnboardOneEntryPerPage) return;
  window.burnboardOneEntryPerPage = true;
  const push = history.pushState.bind(history), replace = history.replaceState.bind(history);
  const indexed = (state, index) => ({ ...(state || {}), burnboardIndex: index });
  const index = () => history.state?.burnboardIndex;
  if (index() === undefined) replace(indexed(history.state, 0), "");
  const position = () => window.navigation?.currentEntry?.index;
  let path = location.pathname, at = position();
  history.pushState = (state, title, address) => {
    const next = new URL(address, location.href).pathname;
    if (next === location.pathname) replace(indexed(state, index()), title, address);
    else push(indexed(state, index() + 1), title, address);
    path = next;
    at = position();
  };
  history.replaceState = (state, title, address) => replace(indexed(state, index()), title, address);
  window.addEventListener("popstate", () => {
    const forward = position() > at;
    at = position();
    if (index() === undefined && location.pathname === path) forward ? history.forward() : history.back();
    else path = location.pathname;
  });
})();
