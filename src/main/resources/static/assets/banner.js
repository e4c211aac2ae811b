// The breaking-news banner on reader pages: the reader may dismiss it (remembered per banner in localStorage, so
// the next banner shows again), and it goes at its end time even on a page a cache kept from before.
(function () {
  var banner = document.querySelector('.breaking[data-banner]');
  if (!banner) { return; }
  var id = banner.getAttribute('data-banner');
  var expires = Number(banner.getAttribute('data-expires'));
  var KEY = 'dateline-banner-dismissed';
  function remember() { try { localStorage.setItem(KEY, id); } catch (e) { /* private mode: this page only */ } }
  function dismissed() { try { return localStorage.getItem(KEY) === id; } catch (e) { return false; } }
  function remove() { if (banner.parentNode) { banner.parentNode.removeChild(banner); } }
  var left = expires - Date.now();
  if (dismissed() || !(left > 0)) { remove(); return; }
  setTimeout(remove, Math.min(left, 2147483647));
  var button = banner.querySelector('.breaking-dismiss');
  button.hidden = false;
  button.addEventListener('click', function () { remember(); remove(); });
})();
