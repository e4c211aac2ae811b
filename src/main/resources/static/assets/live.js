// Live updates on an article page: follows the server's event stream and puts each new entry on top.
// The entries arrive as HTML rendered (and escaped) by the server's own template; without this script the
// page still shows every entry on reload. A page that is not live (opened before coverage started, or after it
// ended) asks the small cached state at data-probe every few seconds, and joins once coverage is on.
(function () {
  'use strict';
  var blog = document.querySelector('.live-blog[data-stream], .live-blog[data-probe]');
  if (!blog || !window.EventSource || !window.fetch) {
    return;
  }
  var list = blog.querySelector('.live-entries');
  var keyNav = blog.querySelector('.live-key-events');
  var keyList = blog.querySelector('.live-key-list');
  var status = blog.querySelector('.live-status');
  var empty = blog.querySelector('.live-empty');
  var source;
  var probeTimer = null;

  function fragment(html) {
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  // Newest first by id, whatever order events arrive in (a catch-up may cross a fresh broadcast).
  function place(container, element, id) {
    var existing = container.querySelector('[data-entry-id="' + id + '"]');
    if (existing) {
      existing.replaceWith(element);
      return false;
    }
    var before = null;
    var children = container.children;
    for (var i = 0; i < children.length; i++) {
      if (Number(children[i].getAttribute('data-entry-id')) < id) {
        before = children[i];
        break;
      }
    }
    container.insertBefore(element, before);
    return true;
  }

  function removeFrom(container, id) {
    var existing = container.querySelector('[data-entry-id="' + id + '"]');
    if (existing) {
      existing.remove();
    }
  }

  function show(data, announce) {
    var entry = fragment(data.html);
    var added = place(list, entry, data.id);
    if (data.keyHtml) {
      place(keyList, fragment(data.keyHtml), data.id);
    } else {
      removeFrom(keyList, data.id);
    }
    keyNav.hidden = keyList.children.length === 0;
    if (empty) {
      empty.remove();
      empty = null;
    }
    if (added && announce) {
      status.textContent = 'New update: ' + entry.querySelector('.live-entry-body').textContent.trim().slice(0, 200);
    }
  }

  function connect() {
    var url = blog.getAttribute('data-stream') + '?after=' + encodeURIComponent(blog.getAttribute('data-last-id'));
    source = new EventSource(url);
    source.addEventListener('open', function () { blog.setAttribute('data-connected', 'true'); });
    source.addEventListener('entry', function (event) { show(JSON.parse(event.data), true); });
    source.addEventListener('update', function (event) { show(JSON.parse(event.data), false); });
    source.addEventListener('remove', function (event) {
      var id = JSON.parse(event.data).id;
      removeFrom(list, id);
      removeFrom(keyList, id);
      keyNav.hidden = keyList.children.length === 0;
    });
    source.addEventListener('ended', function () {
      source.close();
      blog.removeAttribute('data-connected');
      blog.removeAttribute('data-stream');
      var badge = document.querySelector('.live-badge');
      if (badge) {
        badge.remove();
      }
      status.textContent = 'Live coverage has ended.';
      watch();
    });
    // The story was unpublished (an agency's kill, say): nothing of it stays on the open page, only the notice,
    // as the page itself now answers (410 Gone with the same notice).
    source.addEventListener('withdrawn', function (event) {
      source.close();
      clearTimeout(probeTimer);
      var story = blog.closest('article.story') || document.querySelector('article.story');
      var notice = document.createElement('section');
      notice.className = 'problem withdrawn';
      notice.setAttribute('role', 'alert');
      var heading = document.createElement('h1');
      heading.textContent = 'This story has been withdrawn';
      var text = document.createElement('p');
      text.className = 'withdrawn-notice';
      text.textContent = JSON.parse(event.data).notice;
      notice.appendChild(heading);
      notice.appendChild(text);
      if (story) {
        story.replaceWith(notice);
      }
    });
    source.addEventListener('error', function () {
      // EventSource retries by itself after a dropped connection; a refusal (503 when the node is full) closes
      // it, so try again later, resuming after the newest entry on the page.
      blog.removeAttribute('data-connected');
      if (source.readyState === EventSource.CLOSED) {
        var newest = list.querySelector('[data-entry-id]');
        if (newest) {
          blog.setAttribute('data-last-id', newest.getAttribute('data-entry-id'));
        }
        setTimeout(connect, 30000);
      }
    });
  }

  // Coverage started since this page was rendered: show the live part and the badge, then follow the stream
  // from the newest entry the page has (none on a page that was never live: the stream sends them all).
  function begin(stream) {
    blog.hidden = false;
    blog.setAttribute('data-stream', stream);
    var ended = blog.querySelector('.live-ended');
    if (ended) {
      ended.remove();
    }
    var heading = document.querySelector('.story-header h1');
    if (heading && !document.querySelector('.live-badge')) {
      var badge = document.createElement('p');
      badge.className = 'live-badge';
      var label = document.createElement('span');
      label.textContent = 'Live';
      badge.appendChild(label);
      heading.parentNode.insertBefore(badge, heading);
    }
    status.textContent = 'Live coverage has started.';
    var newest = list.querySelector('[data-entry-id]');
    blog.setAttribute('data-last-id', newest ? newest.getAttribute('data-entry-id') : '0');
    connect();
  }

  // The answer is cached by the site and any front cache and dropped when the story changes; "no-cache" makes
  // each ask a revalidation (a 304 from memory). Jitter keeps thousands of open pages from asking in step.
  function watch() {
    if (blog.hasAttribute('data-probe')) {
      later();
    }
  }

  function later() {
    var every = Number(blog.getAttribute('data-probe-every')) || 10000;
    probeTimer = setTimeout(ask, every * (0.75 + Math.random() / 2));
  }

  function ask() {
    probeTimer = null;
    if (document.hidden) {
      return; // asked again when the tab is shown
    }
    fetch(blog.getAttribute('data-probe'), { cache: 'no-cache', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (state && state.live && state.stream) {
          begin(state.stream);
        } else {
          later();
        }
      }, later);
  }

  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && probeTimer === null && !blog.hasAttribute('data-stream')
        && blog.hasAttribute('data-probe')) {
      ask();
    }
  });

  if (blog.hasAttribute('data-stream')) {
    connect();
  } else {
    watch();
  }
})();
