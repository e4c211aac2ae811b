// The wire desk, kept open: flashes, alerts and urgent items pushed by the server (GET /newsroom/wire/events)
// appear at the top of the queue without a reload, are announced in the page's status region (aria-live), and,
// when the editor has turned sound on, a flash or alert plays a short tone. The arrival highlight animates only
// for readers who have not asked for reduced motion (newsroom.css). Without this script the desk shows every
// item on reload.
(function () {
  'use strict';
  var live = document.querySelector('.wire-live[data-stream]');
  if (!live || !window.EventSource) {
    return;
  }
  var announce = document.getElementById('wire-announce');
  var sound = document.getElementById('wire-sound');
  var addRows = live.getAttribute('data-rows') === 'true';
  var audio = null;

  try {
    sound.checked = window.localStorage.getItem('dateline.wire.sound') === 'on';
  } catch (e) {
    // Storage may be off: sound stays off.
  }
  sound.addEventListener('change', function () {
    try {
      window.localStorage.setItem('dateline.wire.sound', sound.checked ? 'on' : 'off');
    } catch (e) {
      // Not kept across visits, that is all.
    }
    if (sound.checked) {
      unlock();
    }
  });

  // Browsers start audio only after a gesture on the page: the checkbox is one.
  function unlock() {
    if (!audio && (window.AudioContext || window.webkitAudioContext)) {
      audio = new (window.AudioContext || window.webkitAudioContext)();
    }
  }

  function tone() {
    if (!sound.checked) {
      return;
    }
    unlock();
    if (!audio) {
      return;
    }
    var oscillator = audio.createOscillator();
    var gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.value = 0.08;
    oscillator.connect(gain);
    gain.connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.18);
  }

  function cell(text, className) {
    var td = document.createElement('td');
    if (className) {
      td.className = className;
    }
    td.textContent = text || '';
    return td;
  }

  function addRow(item) {
    var body = document.querySelector('.wire-queue tbody');
    if (!body || document.getElementById('wire-' + item.id)) {
      return;
    }
    var row = document.createElement('tr');
    row.id = 'wire-' + item.id;
    row.className = (item.urgency <= 2 ? 'wire-flash ' : '') + 'wire-arrived';
    row.appendChild(cell('just now'));
    row.appendChild(cell(item.provider));
    row.appendChild(cell(item.urgencyLabel, 'wire-urgency'));
    var headline = cell('', 'wire-headline');
    var link = document.createElement('a');
    link.href = '/newsroom/wire?item=' + encodeURIComponent(item.id);
    link.textContent = item.headline || '(no headline)';
    headline.appendChild(link);
    row.appendChild(headline);
    row.appendChild(cell(item.slugline, 'wire-slugline'));
    row.appendChild(cell(item.located, 'wire-located'));
    row.appendChild(cell(item.version, 'wire-version'));
    row.appendChild(cell('', 'wire-embargo'));
    row.appendChild(cell('new', 'wire-status'));
    body.insertBefore(row, body.firstElementChild);
    var empty = document.querySelector('.wire-empty');
    if (empty) {
      empty.remove();
    }
  }

  var source = new EventSource(live.getAttribute('data-stream'));
  source.addEventListener('open', function () { live.setAttribute('data-connected', 'true'); });
  source.addEventListener('error', function () { live.removeAttribute('data-connected'); });
  source.addEventListener('flash', function (event) {
    var item = JSON.parse(event.data);
    if (addRows) {
      addRow(item);
    }
    announce.textContent = item.urgencyLabel.replace(/^\d+ /, '').replace(/^./, function (c) { return c.toUpperCase(); })
        + ' from ' + item.provider + ': ' + (item.headline || '(no headline)');
    if (item.urgency <= 2) {
      tone();
    }
  });
})();
