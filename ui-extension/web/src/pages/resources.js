// The account's resources: templates, offerings, security groups with their rules, key pairs and
// volumes, each a page at a time.
import { call, list, isAdmin } from '../api.js';
import { el, page, table, pager, field, select, runJob, errorBox } from '../ui.js';

/** A paged list page: title, list command, entity, extra params and columns. */
function pagedList(view, title, command, entity, params, columns, extra = []) {
  const results = el('div');
  async function load(p) {
    try {
      const r = await list(command, entity, { ...params, page: p });
      results.replaceChildren(table(title, columns, r.items), pager(title, p, r.count, load));
    } catch (e) {
      results.replaceChildren(errorBox(e));
    }
  }
  page(view, title, ...extra, results);
  return load(1).then(() => load);
}

export function templates(view) {
  return pagedList(view, 'Templates', 'listTemplates', 'template', { templatefilter: 'executable' }, [
    ['Name', (t) => t.name], ['OS', (t) => t.ostypename], ['Hypervisor', (t) => t.hypervisor],
    ['Zone', (t) => t.zonename], ['Ready', (t) => (t.isready ? 'yes' : 'no')], ['Public', (t) => (t.ispublic ? 'yes' : 'no')],
  ]);
}

export async function offerings(view) {
  const [compute, disk] = await Promise.all([list('listServiceOfferings', 'serviceoffering', { pagesize: 50 }),
    list('listDiskOfferings', 'diskoffering', { pagesize: 50 })]);
  page(view, 'Offerings',
    table('Compute offerings', [['Name', (o) => o.name], ['CPUs', (o) => String(o.cpunumber)],
      ['CPU MHz', (o) => String(o.cpuspeed)], ['Memory MB', (o) => String(o.memory)],
      ['Description', (o) => o.displaytext]], compute.items),
    table('Disk offerings', [['Name', (o) => o.name], ['Size GB', (o) => String(o.disksize)],
      ['Custom size', (o) => (o.iscustomized ? 'yes' : 'no')], ['Description', (o) => o.displaytext]], disk.items));
}

export async function securityGroups(view) {
  const results = el('div');
  const name = el('input', { name: 'name', required: true });
  async function load(p = 1) {
    try {
      const r = await list('listSecurityGroups', 'securitygroup', { page: p });
      results.replaceChildren(...r.items.map(group), pager('Security groups', p, r.count, load));
    } catch (e) {
      results.replaceChildren(errorBox(e));
    }
  }
  function group(g) {
    const rules = [...(g.ingressrule || []).map((r) => ({ ...r, dir: 'Ingress' })),
      ...(g.egressrule || []).map((r) => ({ ...r, dir: 'Egress' }))];
    const proto = select('protocol', [['tcp', 'TCP'], ['udp', 'UDP'], ['icmp', 'ICMP'], ['all', 'All']]);
    const form = el('form', { class: 'inline', 'aria-label': `Add an ingress rule to ${g.name}` },
      field('Protocol', proto), field('From port', el('input', { name: 'startport', type: 'number', min: 0, max: 65535 })),
      field('To port', el('input', { name: 'endport', type: 'number', min: 0, max: 65535 })),
      field('CIDR', el('input', { name: 'cidrlist', value: '0.0.0.0/0' })),
      el('button', { type: 'submit' }, 'Add ingress rule'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = Object.fromEntries(new FormData(form));
      const params = { command: 'authorizeSecurityGroupIngress', securitygroupid: g.id, protocol: f.protocol,
        cidrlist: f.cidrlist };
      if (f.startport) params.startport = f.startport;
      if (f.endport) params.endport = f.endport;
      await runJob(`Rule for ${g.name}`, () => call(params)).catch(() => {});
      await load();
    });
    return el('section', { class: 'card', 'aria-label': `Security group ${g.name}` },
      el('h2', {}, g.name), el('p', {}, g.description || ''),
      table(`Rules of ${g.name}`, [['Direction', (r) => r.dir], ['Protocol', (r) => r.protocol],
        ['Ports', (r) => (r.startport == null ? '' : `${r.startport}-${r.endport}`)], ['Source', (r) => r.cidr
          || r.securitygroupname], ['', (r) => el('button', { type: 'button', 'aria-label': `Revoke rule ${r.ruleid}`,
          onclick: async () => {
            await runJob('Revoke rule', () => call({ command: r.dir === 'Ingress' ? 'revokeSecurityGroupIngress'
              : 'revokeSecurityGroupEgress', id: r.ruleid })).catch(() => {});
            await load();
          } }, 'Revoke')]], rules, 'No rules'), form);
  }
  const create = el('form', { class: 'inline', 'aria-label': 'Create a security group', onsubmit: async (e) => {
    e.preventDefault();
    await call({ command: 'createSecurityGroup', name: name.value });
    name.value = '';
    await load();
  } }, field('New group name', name), el('button', { type: 'submit' }, 'Create'));
  page(view, 'Security groups', create, results);
  await load();
}

export async function keyPairs(view) {
  const name = el('input', { name: 'name', required: true });
  const secret = el('div', { role: 'status' });
  let reload;
  const create = el('form', { class: 'inline', 'aria-label': 'Create a key pair', onsubmit: async (e) => {
    e.preventDefault();
    const r = await call({ command: 'createSSHKeyPair', name: name.value });
    const kp = r.keypair || r;
    secret.replaceChildren(el('p', {}, `Private key of ${kp.name} (shown once):`), el('pre', {}, kp.privatekey || ''));
    name.value = '';
    await reload(1);
  } }, field('New key pair name', name), el('button', { type: 'submit' }, 'Create'));
  reload = await pagedList(view, 'Key pairs', 'listSSHKeyPairs', 'sshkeypair', {}, [
    ['Name', (k) => k.name], ['Fingerprint', (k) => k.fingerprint],
    ['', (k) => el('button', { type: 'button', 'aria-label': `Delete key pair ${k.name}`, onclick: async () => {
      await call({ command: 'deleteSSHKeyPair', name: k.name });
      await reload(1);
    } }, 'Delete')],
  ], [create, secret]);
}

export function volumes(view) {
  return pagedList(view, 'Volumes', 'listVolumes', 'volume', { listall: isAdmin() }, [
    ['Name', (v) => v.name], ['Type', (v) => v.type], ['Size GB', (v) => String(Math.round((v.size || 0) / 2 ** 30))],
    ['State', (v) => v.state], ['Instance', (v) => v.vmname], ['Zone', (v) => v.zonename], ['Account', (v) => v.account],
  ]);
}
