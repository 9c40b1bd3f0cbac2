// Plugin panels: the server lists the panels its loaded modules contribute (listUiPanels, by
// the caller's role); each is mounted in a frame at its own page, which reuses this tab's session.
import { list } from '../api.js';
import { el, page } from '../ui.js';

let cached;

export async function panels() {
  cached ??= (await list('listUiPanels', 'uipanel', { pagesize: 50 })).items;
  return cached;
}

export function forgetPanels() {
  cached = undefined;
}

export async function panel(view, id) {
  const p = (await panels()).find((x) => x.id === id);
  if (!p) {
    page(view, 'Panel not found', el('p', {}, `No panel ${id} for you.`));
    return;
  }
  page(view, p.title, el('iframe', { src: p.url, title: p.title, class: 'panel-frame', id: `panel-${p.id}` }));
}
