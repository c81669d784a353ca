/* « Ligne de crédit publique » in the article editor (kiosque/editorial/credit_preview.py).
 *
 * Reads the credit fields as the form has them now (the « Auteur » rows not deleted, in
 * their order, and the agencies selected) and asks the admin's endpoint for the sentence
 * readers will see. The browser never builds the sentence itself: the server's
 * credit_line() is the only rule. A request is sent only when the credits changed, a
 * moment after the last change, and an answer that arrives late is ignored.
 */
(() => {
  'use strict';

  const DELAY_MS = 250;
  const AUTHOR_FIELD = /^(article_authors-\d+)-author$/;

  function isDeleted(form, prefix) {
    const field = form.elements.namedItem(`${prefix}-DELETE`);
    if (!field) return false;
    if (field.type === 'checkbox') return field.checked;
    return field.value !== '' && field.value !== 'false' && field.value !== '0';
  }

  function authorIds(form) {
    const rows = [];
    for (const field of form.elements) {
      const match = AUTHOR_FIELD.exec(field.name || '');
      if (!match || !field.value || isDeleted(form, match[1])) continue;
      const order = form.elements.namedItem(`${match[1]}-ORDER`);
      const position = order && order.value !== '' ? Number(order.value) : Infinity;
      rows.push({ id: field.value, position, index: rows.length });
    }
    rows.sort((a, b) => a.position - b.position || a.index - b.index);
    return rows.map((row) => row.id);
  }

  function agencyIds(form) {
    const select = form.elements.namedItem('agencies');
    if (!select) return [];
    if (select.options) {
      return Array.from(select.selectedOptions || [], (option) => option.value).filter(Boolean);
    }
    // Another widget (checkboxes): every ticked box named « agencies ».
    return Array.from(form.querySelectorAll('input[name="agencies"]:checked'), (box) => box.value);
  }

  function query(form) {
    const params = new URLSearchParams();
    for (const id of authorIds(form)) params.append('author', id);
    for (const id of agencyIds(form)) params.append('agency', id);
    return params.toString();
  }

  function start(preview) {
    const form = preview.closest('form');
    const line = preview.querySelector('[data-credit-preview-line]');
    if (!form || !line) return;
    const url = new URL(preview.dataset.creditPreviewUrl, window.location.href);
    let shown = null; // the query whose line is on screen (null: the server's first one)
    let latest = 0;
    let timer = null;

    async function refresh() {
      const current = query(form);
      if (current === shown) return;
      const ticket = ++latest;
      const request = new URL(url);
      for (const [name, value] of new URLSearchParams(current)) {
        request.searchParams.append(name, value);
      }
      try {
        const response = await fetch(request, {
          headers: { Accept: 'application/json' },
          credentials: 'same-origin',
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const data = await response.json();
        if (ticket !== latest) return; // a newer change is on its way
        line.textContent = data.line;
        preview.classList.remove('kiosque-credit-preview--stale');
        shown = current;
      } catch (error) {
        if (ticket !== latest) return;
        line.textContent = preview.dataset.creditPreviewUnavailable || '';
        preview.classList.add('kiosque-credit-preview--stale');
        shown = null;
      }
    }

    function soon() {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, DELAY_MS);
    }

    // Choosers and the bin button send « change »; moving a row up or down is a click.
    for (const type of ['change', 'input', 'click', 'w-formset:added', 'w-formset:removed']) {
      form.addEventListener(type, soon);
    }
    // The form may come back filled in (a form with errors, the browser's back button):
    // say what this form, not the stored article, will print.
    refresh();
  }

  function init() {
    document.querySelectorAll('[data-credit-preview]').forEach(start);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
