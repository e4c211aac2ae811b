// Leave A Reply, progressively enhanced (the form works without this file):
// checks the server's own rules, with its own messages, before sending; moves the form under a comment for "Reply".
(function () {
  'use strict';
  var form = document.getElementById('commentform');
  if (!form) {
    return;
  }
  var data = form.dataset;
  var EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
  var WEBSITE = /^https?:\/\/([\p{L}\p{N}]([\p{L}\p{N}.\-]*[\p{L}\p{N}])?|\[[0-9a-f:.]+\])(:\d{1,5})?([/?#]\S*)?$/iu;
  // The form carries novalidate: our messages, not the browser's, with or without this script.

  function number(n) {
    return n.toLocaleString('en');
  }

  function fill(message, max, count) {
    return message.replace('{max}', number(max)).replace('{count}', number(count));
  }

  function field(name) {
    return form.elements.namedItem(name);
  }

  function show(name, message) {
    var input = field(name);
    var error = document.getElementById(name + '-error');
    var wrapper = input.closest('.field');
    error.textContent = message || '';
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      wrapper.classList.add('field-invalid');
    } else {
      input.removeAttribute('aria-invalid');
      wrapper.classList.remove('field-invalid');
    }
    return !message;
  }

  function check() {
    var comment = field('comment').value;
    var length = Array.from(comment.trim()).length;
    var name = field('author').value.trim();
    var email = field('email').value.trim();
    var website = field('url').value.trim();
    var maxLength = Number(data.maxLength);
    var maxName = Number(data.maxNameLength);
    var results = [
      show('comment', comment.trim() === '' ? data.commentEmpty
        : length > maxLength ? fill(data.commentTooLong, maxLength, length) : ''),
      show('author', name === '' ? data.nameEmpty
        : Array.from(name).length > maxName ? fill(data.nameTooLong, maxName, 0) : ''),
      show('email', email.length > 254 || !EMAIL.test(email) ? data.emailInvalid : ''),
      show('url', website !== '' && (website.length > 2000 || !WEBSITE.test(website)) ? data.websiteInvalid : '')
    ];
    return results.every(Boolean);
  }

  // "Save my name…" is kept in the dateline_commenter cookie. A cached page is the same for every reader, so the
  // server cannot fill the form in for this one: the script does, leaving alone whatever is already typed.
  function remembered() {
    var match = document.cookie.match(/(?:^|;\s*)dateline_commenter=([A-Za-z0-9_-]+)/);
    if (!match) {
      return null;
    }
    try {
      var base64 = match[1].replace(/-/g, '+').replace(/_/g, '/');
      while (base64.length % 4) {
        base64 += '=';
      }
      var bytes = Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
      var parts = new TextDecoder().decode(bytes).split('\u0000');
      return parts.length === 3 ? parts : null;
    } catch (e) {
      return null;
    }
  }

  var saved = remembered();
  if (saved) {
    [['author', saved[0]], ['email', saved[1]], ['url', saved[2]]].forEach(function (pair) {
      var input = field(pair[0]);
      if (input && input.value === '') {
        input.value = pair[1];
      }
    });
    if (field('remember')) {
      field('remember').checked = true;
    }
  }

  form.addEventListener('submit', function (event) {
    if (!check()) {
      event.preventDefault();
      var first = form.querySelector('[aria-invalid="true"]');
      if (first) {
        first.focus();
      }
    }
  });

  // "Reply": the form moves under the comment and answers it; "Cancel reply" puts it back.
  var home = form.parentNode;
  var marker = document.createComment('comment form');
  home.insertBefore(marker, form);
  var replyTo = form.querySelector('.reply-to');
  var replyName = form.querySelector('.reply-to-name');
  var cancel = form.querySelector('.cancel-reply');

  document.addEventListener('click', function (event) {
    var link = event.target.closest('.reply-link');
    if (!link || !home.closest('#comments').contains(link)) {
      return;
    }
    event.preventDefault();
    link.closest('.comment-card').after(form);
    field('parent').value = link.dataset.replyTo;
    replyName.textContent = link.dataset.author;
    replyTo.hidden = false;
    field('comment').focus();
  });

  cancel.addEventListener('click', function (event) {
    if (!marker.parentNode) {
      return;
    }
    event.preventDefault();
    marker.after(form);
    field('parent').value = '';
    replyTo.hidden = true;
    field('comment').focus();
  });
}());
