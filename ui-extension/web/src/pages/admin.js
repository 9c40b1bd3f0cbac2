// Admin pages: accounts and users with API key generation, and the global settings with the
// switches of the EC2 and GCE endpoints.
import { call, list } from '../api.js';
import { el, page, table, pager, field, errorBox } from '../ui.js';

export async function accounts(view) {
  const accountsBox = el('div');
  const usersBox = el('div');
  const keys = el('div', { role: 'status', 'aria-live': 'polite' });
  async function loadAccounts(p) {
    const r = await list('listAccounts', 'account', { page: p, listall: true });
    accountsBox.replaceChildren(table('Accounts', [['Name', (a) => a.name], ['Role', (a) => a.roletype],
      ['Domain', (a) => a.domain], ['State', (a) => a.state], ['VMs', (a) => String(a.vmtotal ?? '')]], r.items),
    pager('Accounts', p, r.count, loadAccounts));
  }
  async function loadUsers(p) {
    const r = await list('listUsers', 'user', { page: p, listall: true });
    usersBox.replaceChildren(table('Users', [['User name', (u) => u.username], ['Account', (u) => u.account],
      ['Role', (u) => u.roletype || u.accounttype], ['State', (u) => u.state],
      ['API key', (u) => el('button', { type: 'button', 'aria-label': `Generate API keys for ${u.username}`,
        onclick: async () => {
          try {
            const k = (await call({ command: 'registerUserKeys', id: u.id })).userkeys;
            keys.replaceChildren(el('h2', {}, `New keys for ${u.username}`), el('dl', {},
              el('dt', {}, 'API key'), el('dd', { id: 'new-apikey' }, k.apikey),
              el('dt', {}, 'Secret key'), el('dd', { id: 'new-secretkey' }, k.secretkey)));
          } catch (e) {
            keys.replaceChildren(errorBox(e));
          }
        } }, 'Generate keys')]], r.items), pager('Users', p, r.count, loadUsers));
  }
  page(view, 'Accounts and users', keys, accountsBox, usersBox);
  await Promise.all([loadAccounts(1), loadUsers(1)]);
}

const SWITCHES = [['ec2.api.enabled', 'EC2 API endpoint (/ec2)'], ['gce.api.enabled', 'GCE API endpoint (/compute/v1)']];

export async function settings(view) {
  const switches = el('fieldset', { id: 'api-switches' }, el('legend', {}, 'API endpoints'));
  for (const [name, label] of SWITCHES) {
    const c = (await list('listConfigurations', 'configuration', { name })).items.find((x) => x.name === name);
    const box = el('input', { type: 'checkbox', name, id: `setting-${name.replaceAll('.', '-')}`,
      checked: c?.value === 'true' });
    const status = el('span', { role: 'status' });
    box.addEventListener('change', async () => {
      box.disabled = true;
      try {
        const r = await call({ command: 'updateConfiguration', name, value: String(box.checked) });
        status.textContent = r.configuration?.value === 'true' ? 'enabled' : 'disabled';
      } catch (e) {
        status.textContent = e.message;
        box.checked = !box.checked;
      } finally {
        box.disabled = false;
      }
    });
    switches.append(el('div', { class: 'switch' }, box, el('label', { for: box.id }, label), ' ', status));
  }
  const results = el('div');
  const search = el('input', { type: 'search', name: 'keyword' });
  async function load(p) {
    const r = await list('listConfigurations', 'configuration', { page: p, keyword: search.value || undefined });
    results.replaceChildren(table('Global settings', [['Name', (s) => s.name], ['Value', (s) => s.value],
      ['Category', (s) => s.category], ['Description', (s) => s.description]], r.items), pager('Settings', p, r.count, load));
  }
  page(view, 'Global settings', switches,
    el('form', { role: 'search', class: 'inline', onsubmit: (e) => { e.preventDefault(); load(1); } },
      field('Search settings', search), el('button', { type: 'submit' }, 'Search')), results);
  await load(1);
}
