// The article editor: live preview (rendered by the server's own Markdown code), slug from the headline until
// the writer edits it, autosave of drafts every few seconds, and a warning before leaving with unsaved changes.
(function () {
  'use strict';
  var form = document.getElementById('editor');
  if (!form) {
    return;
  }
  var csrfHeader = document.querySelector('meta[name="csrf-header"]').content;
  var csrfToken = document.querySelector('meta[name="csrf-token"]').content;
  var SIGNED_OUT = 'You have been signed out. Your text is still here: sign in in another tab, then save.';
  var signedOut = false;
  var headline = form.elements.headline || form.elements.title; // a story's headline, a page's title
  var slug = form.elements.slug;
  var body = form.elements.body;
  var dateline = form.elements.dateline;
  var preview = document.getElementById('preview');
  var status = document.getElementById('save-status');
  var AUTOSAVE_EVERY_MS = 5000;
  var submitting = false;
  var saving = false;

  function serialize() {
    var data = new URLSearchParams(new FormData(form));
    data.delete('action');
    return data.toString();
  }

  // A form that came back with problems holds text that is not saved yet.
  var lastSaved = document.querySelector('.form-error') ? '' : serialize();

  function post(url, payload, accept) {
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': accept || 'application/json',
      'X-Requested-With': 'XMLHttpRequest' };
    headers[csrfHeader] = csrfToken;
    return fetch(url, { method: 'POST', headers: headers, body: payload, credentials: 'same-origin' });
  }

  // The server's rule (platform/Slugs): letters, marks and digits of any script, lower-cased, in NFC; marks on
  // Latin letters are dropped so "São Paulo" stays "sao-paulo", while й, ї and ά keep theirs.
  function slugify(text) {
    var s = text.toLowerCase()
      .replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/ł/g, 'l')
      .normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC')
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/(^|-)\p{M}+/gu, '$1').replace(/^-+|-+$/g, '');
    if (s.length > 80) {
      s = s.slice(0, 80).replace(/-[^-]*$/, '');
    }
    return s;
  }

  if (slug && headline) {
    headline.addEventListener('input', function () {
      if (slug.dataset.edited === 'false') {
        slug.value = slugify(headline.value);
      }
    });
    slug.addEventListener('input', function () {
      slug.dataset.edited = 'true';
    });
  }

  var previewTimer = null;
  function renderPreview() {
    var payload = new URLSearchParams();
    payload.set('body', body.value);
    payload.set('dateline', dateline ? dateline.value : '');
    post(form.dataset.preview, payload.toString(), 'text/html')
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) { preview.innerHTML = html; })
      .catch(function () { preview.textContent = 'The preview is not available just now.'; });
  }
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(renderPreview, 300);
  }
  body.addEventListener('input', schedulePreview);
  if (dateline) {
    dateline.addEventListener('input', schedulePreview);
  }
  renderPreview();

  // After the session ended and the writer signed in again elsewhere, the page's CSRF token is an old one:
  // fetch the new one and give it to every form on the page, so the next save (by button or autosave) goes through.
  // Nothing in the fields is touched, whatever the answer.
  function checkSession() {
    return fetch('/newsroom/session', { headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          return Promise.reject(response.status);
        }
        return response.json();
      })
      .then(function (session) {
        csrfToken = session.token;
        document.querySelector('meta[name="csrf-token"]').content = session.token;
        Array.prototype.forEach.call(document.querySelectorAll('input[name="' + session.parameter + '"]'),
          function (input) { input.value = session.token; });
        if (signedOut) {
          signedOut = false;
          status.textContent = 'Signed in again: your text will be saved.';
        }
        return true;
      })
      .catch(function (code) {
        if (code === 401) {
          signedOut = true;
          status.textContent = SIGNED_OUT;
        }
        return false;
      });
  }

  // A new story has no preview link until its first autosave creates the draft: the answer brings one.
  function showPreviewLink(path) {
    var line = document.getElementById('preview-link-line');
    if (!line || !path) {
      return;
    }
    var link = line.querySelector('a.preview-link');
    if (!link.getAttribute('href')) {
      link.setAttribute('href', path);
    }
    line.hidden = false;
  }

  function autosave() {
    var url = form.dataset.autosave;
    var payload = serialize();
    if (!url || submitting || saving || payload === lastSaved) {
      return;
    }
    saving = true;
    if (signedOut) {
      checkSession().finally(function () { saving = false; });
      return;
    }
    post(url, payload)
      .then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (type.indexOf('application/json') < 0) {
          // Only a redirect to the sign-in form answers HTML here.
          return { ok: false, status: response.status, answer: { reason: 'signed-out' } };
        }
        return response.json().then(function (answer) {
          return { ok: response.ok, status: response.status, answer: answer };
        });
      })
      .then(function (result) {
        if (result.status === 401 || result.answer.reason === 'signed-out' || result.answer.reason === 'csrf') {
          signedOut = true;
          status.textContent = SIGNED_OUT;
          return checkSession();
        }
        if (!result.ok) {
          status.textContent = 'Not saved yet: ' + result.answer.error;
          return;
        }
        lastSaved = payload;
        status.textContent = 'Saved ' + result.answer.savedAt;
        if (form.getAttribute('action') !== result.answer.editUrl) {
          // The first autosave created the draft: from now on this page edits it.
          form.setAttribute('action', result.answer.editUrl);
          form.dataset.autosave = result.answer.autosaveUrl;
          history.replaceState(null, '', result.answer.editUrl);
        }
        showPreviewLink(result.answer.previewLink);
      })
      .catch(function () { status.textContent = 'Not saved: the newsroom cannot be reached. Keep this page open.'; })
      .finally(function () { saving = false; });
  }
  // Coming back from the tab where the writer signed in again: pick up the new token before they press Save.
  window.addEventListener('focus', checkSession);
  if (form.dataset.autosave) {
    setInterval(autosave, AUTOSAVE_EVERY_MS);
  }

  form.addEventListener('submit', function () {
    submitting = true;
  });
  window.addEventListener('beforeunload', function (event) {
    if (!submitting && serialize() !== lastSaved) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
})();
