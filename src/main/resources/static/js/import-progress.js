// The import run page follows its import: the status is polled every second and shown in the progress bar and the
// status line (a live region); when the run ends the page is loaded again to show the report. Without JavaScript the
// page's Refresh link does the same by hand.
(function () {
  'use strict';
  var page = document.querySelector('.import-run[data-status]');
  if (!page) {
    return;
  }
  var bar = document.getElementById('import-progress');
  var status = document.getElementById('import-status');
  function poll() {
    fetch(page.getAttribute('data-status'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (run) {
        if (run.finished) {
          window.location.reload();
          return;
        }
        if (bar) {
          bar.max = Math.max(run.total, 1);
          bar.value = run.done;
          bar.textContent = run.done + ' of ' + run.total;
        }
        if (status && status.textContent !== run.text) {
          status.textContent = run.text;
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }
  window.setTimeout(poll, 500);
})();
