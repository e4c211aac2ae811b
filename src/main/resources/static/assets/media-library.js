// The photo library's upload form and focal point, enhanced (media/library.jte, media/item.jte). Without this
// script the form posts the files as a plain multipart form and the focal point is two number fields.
(function () {
  'use strict';
  var csrfToken = document.querySelector('meta[name="csrf-token"]');
  var csrfHeader = document.querySelector('meta[name="csrf-header"]');

  var form = document.querySelector('form.media-upload');
  if (form && window.FormData && window.XMLHttpRequest) {
    var input = form.querySelector('input[type=file]');
    var zone = document.createElement('p');
    zone.className = 'media-drop';
    zone.textContent = 'Or drop pictures here.';
    form.insertBefore(zone, form.firstChild);
    var list = document.createElement('ul');
    list.className = 'media-progress';
    list.setAttribute('aria-live', 'polite');
    form.appendChild(list);

    var send = function (files) {
      var left = files.length;
      Array.prototype.forEach.call(files, function (file) {
        var row = document.createElement('li');
        var bar = document.createElement('progress');
        bar.max = 100;
        bar.value = 0;
        var label = document.createElement('span');
        label.textContent = ' ' + file.name;
        row.appendChild(bar);
        row.appendChild(label);
        list.appendChild(row);
        var body = new FormData();
        body.append('file', file, file.name);
        var request = new XMLHttpRequest();
        request.open('POST', '/api/v1/media');
        request.setRequestHeader(csrfHeader.content, csrfToken.content);
        request.upload.onprogress = function (e) {
          if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
        };
        request.onload = function () {
          var answer = {};
          try { answer = JSON.parse(request.responseText); } catch (ignored) { /* not JSON */ }
          bar.value = 100;
          label.textContent = ' ' + file.name + (request.status < 300 ? ': added.' :
              ': not added. ' + (answer.detail || 'The server answered ' + request.status + '.'));
          if (--left === 0) { setTimeout(function () { window.location.reload(); }, 1200); }
        };
        request.onerror = function () {
          label.textContent = ' ' + file.name + ': not sent (the connection failed). Try again.';
          --left;
        };
        request.send(body);
      });
    };
    form.addEventListener('submit', function (e) {
      if (input.files.length > 0) { e.preventDefault(); send(input.files); }
    });
    zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('over');
      if (e.dataTransfer && e.dataTransfer.files.length > 0) { send(e.dataTransfer.files); }
    });
  }

  // A click on the picture sets the focal point (thousandths of the width and height).
  var preview = document.querySelector('img.media-preview');
  var x = document.getElementById('focalX');
  var y = document.getElementById('focalY');
  if (preview && x && y) {
    preview.title = 'Click the part of the picture that crops must keep';
    preview.addEventListener('click', function (e) {
      var box = preview.getBoundingClientRect();
      x.value = Math.max(0, Math.min(1000, Math.round(1000 * (e.clientX - box.left) / box.width)));
      y.value = Math.max(0, Math.min(1000, Math.round(1000 * (e.clientY - box.top) / box.height)));
    });
  }
}());
