// The front page screen: drag a top-story row to move it; the order numbers follow, so the form sent is the
// same one a reader without scripts fills in by hand.
(function () {
  var list = document.querySelector('.front-top');
  if (!list) { return; }
  var dragged = null;
  function renumber() {
    list.querySelectorAll('.front-order').forEach(function (input, i) { input.value = String(i + 1); });
  }
  list.addEventListener('dragstart', function (e) {
    dragged = e.target.closest('.front-row');
    if (dragged) { dragged.classList.add('dragging'); e.dataTransfer.effectAllowed = 'move'; }
  });
  list.addEventListener('dragover', function (e) {
    if (!dragged) { return; }
    e.preventDefault();
    var over = e.target.closest('.front-row');
    if (!over || over === dragged) { return; }
    var box = over.getBoundingClientRect();
    list.insertBefore(dragged, e.clientY < box.top + box.height / 2 ? over : over.nextSibling);
  });
  list.addEventListener('dragend', function () {
    if (dragged) { dragged.classList.remove('dragging'); }
    dragged = null;
    renumber();
  });
})();
