// Embeds (story/embed/EmbedExtension): a figure with the provider's name, the link, and a hidden button. This
// shows the button and, only when the reader presses it, puts in the provider's frame. The frame address was
// built by the server from the parsed id, and the page's CSP (frame-src) allows only those providers' hosts.
(function () {
  'use strict';
  var FRAME = /^https:\/\/[a-z0-9.-]+\/[A-Za-z0-9\/@:._~?&=%-]*$/;

  function arm(root) {
    var buttons = root.querySelectorAll('figure.embed > button.embed-load[hidden]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
    }
  }

  function load(button) {
    var figure = button.parentNode;
    var src = figure.getAttribute('data-embed-frame') || '';
    if (!FRAME.test(src)) {
      return;
    }
    var frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'Content from ' + figure.getAttribute('data-embed-provider');
    frame.setAttribute('loading', 'lazy');
    frame.setAttribute('allow', 'encrypted-media; fullscreen; picture-in-picture');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-presentation');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.className = 'embed-frame';
    figure.replaceChild(frame, button);
    frame.focus();
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('figure.embed > button.embed-load');
    if (button) {
      load(button);
    }
  });

  arm(document);
  // The editor's live preview replaces its contents as the writer types.
  if (window.MutationObserver) {
    new MutationObserver(function (changes) {
      for (var i = 0; i < changes.length; i++) {
        if (changes[i].addedNodes.length) {
          arm(changes[i].target);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  }
})();
