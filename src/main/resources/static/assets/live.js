// Live updates on an article page: follows the server's event stream and puts each new entry on top.
// The entries arrive as HTML rendered (and escaped) by the server's own template; without this script the
// page still shows every entry on reload.
(function () {
  'use strict';
  var blog = document.querySelector('.live-blog[data-stream]');
  if (!blog || !window.EventSource) {
    return;
  }
  var list = blog.querySelector('.live-entries');
  var keyNav = blog.querySelector('.live-key-events');
  var keyList = blog.querySelector('.live-key-list');
  var status = blog.querySelector('.live-status');
  var empty = blog.querySelector('.live-empty');
  var source;

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
      var badge = document.querySelector('.live-badge');
      if (badge) {
        badge.remove();
      }
      status.textContent = 'Live coverage has ended.';
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

  connect();
})();
