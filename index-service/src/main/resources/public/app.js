'use strict';
// The Newsflow search page: plain DOM, no framework and no build step. The page state lives in the
// URL (?q=…&topic=…&cursor=… or ?article=id), so reload, back and shared links all work.
// Nothing from the API is ever parsed as HTML: text goes in as text nodes, and the only
// markup taken from a snippet is the highlighter's <em>, rebuilt as an element.
(() => {
  /** URL parameter, facet name in the API answer, heading, tag kind. */
  const FACETS = [
    ['person', 'people', 'People', 'person'],
    ['organization', 'organizations', 'Organizations', 'organization'],
    ['place', 'places', 'Places', 'place'],
    ['topic', 'topics', 'Topics', 'topic'],
    ['source', 'sources', 'Sources', 'source'],
    ['language', 'languages', 'Languages', 'language'],
  ];
  const SEARCH_PARAMS = ['q', 'sort', 'since', 'until', 'duplicates', 'cursor', ...FACETS.map(f => f[0])];
  const $ = id => document.getElementById(id);

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'text') node.textContent = value;
      else if (key === 'className') node.className = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value);
    }
    children.filter(c => c != null).forEach(c => node.append(c));
    return node;
  }

  /** A link that changes the page state without a reload. */
  function navLink(params, text, props = {}) {
    return el('a', { href: '/?' + params.toString(), 'data-nav': '', ...props, text });
  }

  // Elasticsearch's html encoder escapes & < > " ' / in the stored text; undo exactly those.
  const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&#x2F;': '/', '&#47;': '/' };
  const decode = text => text.replace(/&(?:lt|gt|amp|quot|#x27|#39|#x2F|#47);/g, e => ENTITIES[e]);

  /** The snippet as nodes: text stays text, <em>…</em> becomes an em element, nothing else is markup. */
  function snippetNodes(snippet) {
    const nodes = [];
    let inEm = false;
    for (const part of (snippet || '').split(/(<\/?em>)/)) {
      if (part === '<em>') inEm = true;
      else if (part === '</em>') inEm = false;
      else if (part) nodes.push(inEm ? el('em', { text: decode(part) }) : document.createTextNode(decode(part)));
    }
    return nodes;
  }

  function formatDate(iso) {
    if (!iso) return '';
    const date = new Date(iso);
    return isNaN(date) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  function withParam(params, name, value) {
    const next = new URLSearchParams(params);
    next.delete('cursor');
    next.delete('article');
    if (!next.getAll(name).includes(value)) next.append(name, value);
    return next;
  }

  function withoutParam(params, name, value) {
    const next = new URLSearchParams();
    for (const [k, v] of params) if (!(k === name && v === value) && k !== 'cursor') next.append(k, v);
    return next;
  }

  function tags(hit, params) {
    const box = el('div', { className: 'tags' });
    const lists = [['person', hit.people], ['organization', hit.organizations], ['place', hit.places], ['topic', hit.topics]];
    for (const [kind, values] of lists) {
      for (const value of values || []) {
        box.append(navLink(withParam(params, kind, value), value, { className: 'tag', 'data-kind': kind }));
      }
    }
    return box;
  }

  function meta(hit) {
    const parts = [hit.source, formatDate(hit.published_at), hit.language].filter(Boolean);
    if (hit.duplicates) parts.push(hit.duplicates + (hit.duplicates === 1 ? ' duplicate' : ' duplicates'));
    return el('p', { className: 'meta', text: parts.join(' · ') });
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || body.title || ('HTTP ' + response.status));
    return body;
  }

  function fillForm(params) {
    $('q').value = params.get('q') || '';
    $('sort').value = params.get('sort') || '';
    $('since').value = params.get('since') || '';
    $('until').value = params.get('until') || '';
    $('duplicates').checked = params.get('duplicates') === 'include';
  }

  async function search(params) {
    $('search-view').hidden = false;
    $('article-view').hidden = true;
    fillForm(params);
    const api = new URLSearchParams();
    for (const [k, v] of params) if (SEARCH_PARAMS.includes(k)) api.append(k, v);
    const result = await getJson('/v1/search?' + api.toString());
    document.title = (params.get('q') ? params.get('q') + ' · ' : '') + 'Newsflow search';
    renderFilters(params);
    renderFacets(result.facets || {}, params);
    $('total').textContent = result.total === 1 ? '1 article' : result.total + ' articles';
    $('results').replaceChildren(...result.hits.map(hit => el('li', { className: 'hit', dataset: { id: hit.id } },
      el('h2', {}, navLink(new URLSearchParams({ article: hit.id }), hit.title || '(untitled)', { className: 'headline' })),
      meta(hit),
      el('p', { className: 'snippet' }, ...snippetNodes(hit.snippet)),
      tags(hit, params))));
    renderPaging(params, result.next_cursor);
  }

  function renderFilters(params) {
    const chips = [];
    for (const [param, , label] of FACETS) {
      for (const value of params.getAll(param)) {
        chips.push(navLink(withoutParam(params, param, value), value,
          { className: 'chip', title: 'Remove ' + label.toLowerCase() + ' filter', 'data-param': param }));
      }
    }
    $('active-filters').replaceChildren(...chips);
  }

  function renderFacets(facets, params) {
    const sections = [];
    for (const [param, name, label] of FACETS) {
      const values = (facets[name] || []).filter(f => !params.getAll(param).includes(f.value));
      if (values.length === 0) continue;
      sections.push(el('section', { className: 'facet', dataset: { param } },
        el('h2', { text: label }),
        el('ul', {}, ...values.map(f => el('li', {},
          el('a', { href: '/?' + withParam(params, param, f.value), 'data-nav': '', dataset: { value: f.value } },
            el('span', { className: 'value', text: f.value }),
            el('span', { className: 'count', text: String(f.count) })))))));
    }
    $('facets').replaceChildren(...sections);
  }

  function renderPaging(params, nextCursor) {
    const first = new URLSearchParams(params);
    first.delete('cursor');
    $('first-page').href = '/?' + first;
    $('first-page').hidden = !params.has('cursor');
    if (nextCursor) {
      const next = new URLSearchParams(first);
      next.set('cursor', nextCursor);
      $('next-page').href = '/?' + next;
    }
    $('next-page').hidden = !nextCursor;
  }

  async function showArticle(id, params) {
    $('search-view').hidden = true;
    $('article-view').hidden = false;
    const [article, related] = await Promise.all([
      getJson('/v1/articles/' + encodeURIComponent(id)),
      getJson('/v1/articles/' + encodeURIComponent(id) + '/related').catch(() => ({ hits: [] })),
    ]);
    document.title = (article.title || 'Article') + ' · Newsflow';
    $('article-title').textContent = article.title || '(untitled)';
    const parts = [article.source, article.byline, formatDate(article.published_at), article.dateline && article.dateline.text]
      .filter(Boolean);
    const metaLine = $('article-meta');
    metaLine.replaceChildren(parts.join(' · '));
    if (article.url && /^https?:\/\//i.test(article.url)) {
      metaLine.append(' · ', el('a', { href: article.url, rel: 'noopener noreferrer', target: '_blank', text: 'original' }));
    }
    $('article-tags').replaceWith(Object.assign(tags(article, new URLSearchParams()), { id: 'article-tags' }));
    $('article-body').replaceChildren(...(article.body || '').split(/\n\s*\n/).map(p => el('p', { text: p.trim() })));
    $('related').replaceChildren(...related.hits.map(hit => el('li', { dataset: { id: hit.id } },
      navLink(new URLSearchParams({ article: hit.id }), hit.title || '(untitled)'),
      el('span', { className: 'meta', text: [hit.source, formatDate(hit.published_at)].filter(Boolean).join(' · ') }))));
    if (related.hits.length === 0) $('related').append(el('li', { className: 'meta', text: 'No related stories.' }));
    $('back').href = params.get('from') ? '/?' + params.get('from') : '/';
  }

  async function route() {
    const params = new URLSearchParams(location.search);
    showError('');
    try {
      if (params.get('article')) await showArticle(params.get('article'), params);
      else await search(params);
    } catch (e) {
      showError(e.message);
    }
  }

  function go(url) {
    history.pushState(null, '', url);
    route();
    window.scrollTo(0, 0);
  }

  document.addEventListener('click', event => {
    const link = event.target.closest('a[data-nav]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    let url = new URL(link.href, location.href);
    // An article opened from the results remembers them, so "Back to results" returns there.
    const here = new URLSearchParams(location.search);
    if (url.searchParams.has('article')) {
      const from = here.has('article') ? here.get('from') : location.search.replace(/^\?/, '');
      if (from) url.searchParams.set('from', from);
    }
    go(url.pathname + url.search);
  });

  $('search-form').addEventListener('submit', event => {
    event.preventDefault();
    const current = new URLSearchParams(location.search);
    const next = new URLSearchParams();
    for (const [param] of FACETS) current.getAll(param).forEach(v => next.append(param, v));
    for (const name of ['q', 'sort', 'since', 'until']) {
      const value = $(name).value.trim();
      if (value) next.set(name, value);
    }
    if ($('duplicates').checked) next.set('duplicates', 'include');
    go('/?' + next);
  });

  window.addEventListener('popstate', route);
  route();
})();
