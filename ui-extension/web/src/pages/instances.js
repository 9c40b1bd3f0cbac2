// Instances: a paged list with search and state filter, the deploy wizard and the VM actions,
// each followed as a job.
import { call, list, isAdmin } from '../api.js';
import { el, page, table, pager, field, select, runJob, errorBox } from '../ui.js';

const ACTIONS = [
  ['Start', 'startVirtualMachine', (vm) => vm.state === 'Stopped'],
  ['Stop', 'stopVirtualMachine', (vm) => vm.state === 'Running'],
  ['Reboot', 'rebootVirtualMachine', (vm) => vm.state === 'Running'],
  ['Destroy', 'destroyVirtualMachine', (vm) => vm.state === 'Running' || vm.state === 'Stopped' || vm.state === 'Error'],
];

export async function instances(view) {
  const state = { page: 1, keyword: '', filter: '' };
  const results = el('div', { id: 'vm-results' });
  const search = el('input', { type: 'search', name: 'keyword', id: 'vm-search' });
  const filter = select('state', [['', 'Any state'], ...['Running', 'Stopped', 'Starting', 'Stopping', 'Error',
    'Destroyed'].map((s) => [s, s])], { id: 'vm-state' });
  const wizard = el('div', { id: 'wizard-slot' });

  async function load(p = state.page) {
    state.page = p;
    try {
      const r = await list('listVirtualMachines', 'virtualmachine', { page: p, listall: isAdmin(),
        keyword: state.keyword || undefined, state: state.filter || undefined });
      results.replaceChildren(table('Instances', [
        ['Name', (vm) => vm.name],
        ['State', (vm) => el('span', { class: `state state-${vm.state}`, 'data-vm': vm.name }, vm.state)],
        ['Zone', (vm) => vm.zonename],
        ['Template', (vm) => vm.templatename],
        ['Offering', (vm) => vm.serviceofferingname],
        ['Account', (vm) => vm.account],
        ['Actions', (vm) => el('div', { class: 'actions' }, ACTIONS.filter(([, , ok]) => ok(vm)).map(([label, command]) =>
          el('button', { type: 'button', 'aria-label': `${label} ${vm.name}`,
            onclick: () => act(label, command, vm) }, label)))],
      ], r.items, 'No instances'), pager('Instances', p, r.count, load));
    } catch (e) {
      results.replaceChildren(errorBox(e));
    }
  }

  async function act(label, command, vm) {
    const params = { command, id: vm.id };
    if (command === 'destroyVirtualMachine') {
      if (!confirm(`Destroy ${vm.name}?`)) return;
      params.expunge = true;
    }
    const refresh = setInterval(() => load(), 1000);
    try {
      await runJob(`${label} ${vm.name}`, () => call(params));
    } catch {
      // the job line shows the failure
    } finally {
      clearInterval(refresh);
      await load();
    }
  }

  page(view, 'Instances',
    el('div', { class: 'toolbar' },
      el('form', { role: 'search', class: 'inline', onsubmit: (e) => {
        e.preventDefault();
        state.keyword = search.value;
        state.filter = filter.value;
        load(1);
      } }, field('Search', search), field('State', filter), el('button', { type: 'submit' }, 'Filter')),
      el('button', { type: 'button', id: 'open-wizard', onclick: () => openWizard(wizard, load) }, 'Deploy instance')),
    wizard, results);
  await load(1);
}

async function openWizard(slot, reload) {
  const [zones, offerings, keypairs, groups] = await Promise.all([
    list('listZones', 'zone', { pagesize: 50 }),
    list('listServiceOfferings', 'serviceoffering', { pagesize: 50 }),
    list('listSSHKeyPairs', 'sshkeypair', { pagesize: 50 }),
    list('listSecurityGroups', 'securitygroup', { pagesize: 50 }),
  ]);
  const zone = select('zoneid', zones.items.map((z) => [z.id, z.name]), { required: true });
  const template = select('templateid', [], { required: true });
  async function templatesFor() {
    const t = await list('listTemplates', 'template', { templatefilter: 'executable', zoneid: zone.value,
      pagesize: 50 });
    template.replaceChildren(...t.items.map((x) => el('option', { value: x.id }, x.name)));
  }
  zone.addEventListener('change', templatesFor);
  await templatesFor();
  const form = el('form', { id: 'deploy-wizard', 'aria-labelledby': 'wizard-title' },
    el('h2', { id: 'wizard-title' }, 'Deploy an instance'),
    el('fieldset', {}, el('legend', {}, '1. Where and what'),
      field('Zone', zone), field('Template', template),
      field('Offering', select('serviceofferingid', offerings.items.map((o) => [o.id,
        `${o.name} (${o.cpunumber} CPU, ${o.memory} MB)`]), { required: true }))),
    el('fieldset', {}, el('legend', {}, '2. Access'),
      field('Key pair', select('keypair', [['', 'None'], ...keypairs.items.map((k) => [k.name, k.name])])),
      el('fieldset', { class: 'checks' }, el('legend', {}, 'Security groups'),
        groups.items.map((g) => el('label', {}, el('input', { type: 'checkbox', name: 'securitygroupids', value: g.id,
          checked: g.name === 'default' }), ' ', g.name)))),
    el('fieldset', {}, el('legend', {}, '3. Details'),
      field('Name', el('input', { name: 'name', pattern: '[A-Za-z][A-Za-z0-9\\-]{0,62}', required: true })),
      field('User data', el('textarea', { name: 'userdata', rows: 3 }))),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Deploy'),
      el('button', { type: 'button', onclick: () => slot.replaceChildren() }, 'Cancel')),
    el('p', { class: 'err', role: 'alert', id: 'wizard-error' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const params = { command: 'deployVirtualMachine', zoneid: f.get('zoneid'), templateid: f.get('templateid'),
      serviceofferingid: f.get('serviceofferingid'), name: f.get('name') };
    if (f.get('keypair')) params.keypair = f.get('keypair');
    const sgs = f.getAll('securitygroupids');
    if (sgs.length) params.securitygroupids = sgs.join(',');
    if (f.get('userdata')) params.userdata = btoa(unescape(encodeURIComponent(f.get('userdata'))));
    slot.replaceChildren();
    const refresh = setInterval(() => reload(), 1000);
    try {
      await runJob(`Deploy ${params.name}`, () => call(params));
    } catch {
      // shown in the job line
    } finally {
      clearInterval(refresh);
      await reload();
    }
  });
  slot.replaceChildren(form);
  zone.focus();
}
