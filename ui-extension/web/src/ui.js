// Small DOM helpers: elements, tables, pagers, forms and the job progress area.
import { awaitJob, PAGE_SIZE } from './api.js';

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== undefined && c !== null) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

/** A page heading and its body; the heading takes focus so screen readers announce the page. */
export function page(view, title, ...children) {
  const h = el('h1', { id: 'page-title', tabindex: '-1' }, title);
  view.replaceChildren(el('section', { 'aria-labelledby': 'page-title' }, h, ...children));
  return h;
}

/** A table with a caption; columns are [header, row => cell content]. */
export function table(caption, columns, rows, empty = 'None') {
  const t = el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, columns.map(([h]) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  for (const r of rows) body.append(el('tr', {}, columns.map(([, f]) => el('td', {}, f(r) ?? ''))));
  if (rows.length === 0) body.append(el('tr', {}, el('td', { colspan: columns.length }, empty)));
  t.append(body);
  return el('div', { class: 'table-wrap' }, t);
}

/** Previous/next over a paged list; load(page) redraws. */
export function pager(label, pageNo, count, load) {
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  return el('nav', { class: 'pager', 'aria-label': label + ' pages' },
    el('button', { type: 'button', disabled: pageNo <= 1, onclick: () => load(pageNo - 1) }, 'Previous'),
    el('span', {}, `Page ${pageNo} of ${pages} (${count} in all)`),
    el('button', { type: 'button', disabled: pageNo >= pages, onclick: () => load(pageNo + 1) }, 'Next'));
}

let fieldSeq = 0;
/** A labelled control. */
export function field(label, control) {
  const id = control.id || `f${++fieldSeq}`;
  control.id = id;
  return el('div', { class: 'field' }, el('label', { for: id }, label), control);
}

export function select(name, options, attrs = {}) {
  return el('select', { name, ...attrs }, options.map(([v, t]) => el('option', { value: v }, t)));
}

/** Runs an async job with a progress line in the status area; answers its result. */
export async function runJob(title, start) {
  const line = el('p', { class: 'job' }, `${title}: starting`);
  document.getElementById('jobs').append(line);
  try {
    const r = await start();
    if (!r.jobid) {
      line.textContent = `${title}: done`;
      return r;
    }
    const result = await awaitJob(r.jobid, (j) => {
      line.textContent = `${title}: ${j.jobstatus === 0 ? 'in progress' : j.jobstatus === 1 ? 'done' : 'failed'}`
        + (j.jobprocstatus ? ` (${j.jobprocstatus})` : '');
    });
    line.textContent = `${title}: done`;
    return result;
  } catch (e) {
    line.textContent = `${title}: failed: ${e.message}`;
    line.classList.add('err');
    throw e;
  } finally {
    setTimeout(() => line.remove(), 8000);
  }
}

/** An error shown in place of a page's content. */
export function errorBox(e) {
  return el('p', { class: 'err', role: 'alert' }, e.message || String(e));
}

/** A server time (2026-01-02T03:04:05+0000) in the reader's locale. */
export function when(s) {
  const d = s ? new Date(String(s).replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) : null;
  return d && !Number.isNaN(d.getTime()) ? d.toLocaleString() : (s || '');
}
