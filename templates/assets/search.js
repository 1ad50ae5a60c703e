// The search page: starts Pagefind's default UI and runs the query from `?q=` (the header's plain
// GET form), and keeps `?q=` in step with what is typed so a search can be shared or bookmarked.
// Results come in order of relevance, or by date (`?order=newest` or `oldest`, the page's Order
// menu): articles carry `data-pagefind-sort="date:YYYY-MM-DD"`.
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
  var mergeIndex = shards.map(function (shard) {
    return { bundlePath: bundlePath + shard, baseUrl: baseUrl };
  });
  var ORDERS = { newest: { date: 'desc' }, oldest: { date: 'asc' } };
  var order = document.getElementById('search-order');
  var params = new URLSearchParams(window.location.search);
  // Only the orders named above: `?order=toString` is no order.
  var initial = Object.prototype.hasOwnProperty.call(ORDERS, params.get('order')) ? params.get('order') : '';
  var ui = start(initial, params.get('q'));
  if (order) {
    order.value = initial;
    order.parentNode.hidden = false;
    // Pagefind's UI takes its order when it starts: a new order starts it again, with the same words.
    order.addEventListener('change', function () {
      var input = root.querySelector('.pagefind-ui__search-input');
      var term = input ? input.value : '';
      setParam('order', order.value);
      ui.destroy();
      root.querySelectorAll(':scope > :not(noscript)').forEach(function (el) { el.remove(); });
      ui = start(order.value, term);
    });
  }

  function setParam(name, value) {
    var url = new URL(window.location.href);
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
    window.history.replaceState(null, '', url);
  }

  function start(orderName, query) {
    var ui = new window.PagefindUI({
      element: '#search',
      bundlePath: bundlePath,
      baseUrl: baseUrl,
      mergeIndex: mergeIndex,
      showSubResults: false,
      showImages: false,
      autofocus: true,
      sort: orderName ? ORDERS[orderName] : null,
      processTerm: function (term) {
        setParam('q', term);
        return term;
      },
    });
    // Pagefind's box has only a placeholder and a title; name it by the page heading for assistive technology.
    var input = root.querySelector('.pagefind-ui__search-input');
    if (input) input.setAttribute('aria-labelledby', 'search-title');
    if (query) ui.triggerSearch(query);
    return ui;
  }
})();
