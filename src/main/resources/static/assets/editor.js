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
  var headline = form.elements.headline;
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
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': accept || 'application/json' };
    headers[csrfHeader] = csrfToken;
    return fetch(url, { method: 'POST', headers: headers, body: payload, credentials: 'same-origin' });
  }

  function slugify(text) {
    var s = text.normalize('NFD').replace(/[\u0300-\u036f]+/g, '').toLowerCase()
      .replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/ł/g, 'l')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
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

  function autosave() {
    var url = form.dataset.autosave;
    var payload = serialize();
    if (!url || submitting || saving || payload === lastSaved) {
      return;
    }
    saving = true;
    post(url, payload)
      .then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      })
      .then(function (result) {
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
      })
      .catch(function () { status.textContent = 'Not saved: the newsroom cannot be reached. Keep this page open.'; })
      .finally(function () { saving = false; });
  }
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
