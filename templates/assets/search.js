// The search page: starts Pagefind's default UI and runs the query from `?q=` (the header's plain
// GET form), and keeps `?q=` in step with what is typed so a search can be shared or bookmarked.
(function () {
  'use strict';
  var root = document.getElementById('search');
  if (!root) return;
  if (typeof window.PagefindUI !== 'function') {
    var note = document.createElement('p');
    note.textContent = 'Search is not available: this site was built without its search index.';
    root.appendChild(note);
    return;
  }
  var bundlePath = root.getAttribute('data-bundle-path');
  var baseUrl = root.getAttribute('data-base-url');
  // The build writes the index in shards (one per year or less, so its memory stays bounded);
  // pagefind/shards.js lists those to merge into the first, which sits at the bundle path itself.
  var shards = window.newsArchiveSearchShards || [];
  start(shards.map(function (shard) {
    return { bundlePath: bundlePath + shard, baseUrl: baseUrl };
  }));

  function start(mergeIndex) {
    var ui = new window.PagefindUI({
      element: '#search',
      bundlePath: bundlePath,
      baseUrl: baseUrl,
      mergeIndex: mergeIndex,
      showSubResults: false,
      showImages: false,
      autofocus: true,
      processTerm: function (term) {
        var url = new URL(window.location.href);
        if (term) url.searchParams.set('q', term);
        else url.searchParams.delete('q');
        window.history.replaceState(null, '', url);
        return term;
      },
    });
    // Pagefind's box has only a placeholder and a title; name it by the page heading for assistive technology.
    var input = root.querySelector('.pagefind-ui__search-input');
    if (input) input.setAttribute('aria-labelledby', 'search-title');
    var query = new URLSearchParams(window.location.search).get('q');
    if (query) ui.triggerSearch(query);
  }
})();
