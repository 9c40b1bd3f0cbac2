// The container hosts panel: container hosts (Docker, LXC) with their health and capacity, the
// containers placed on each, and a container's log. Everything comes from the native API with
// the signed-in session: listHosts, listVirtualMachines, getVMConsoleOutput.
import { call, onLogin } from '/ui/shared/session.js';

const CONTAINER_HYPERVISORS = ['Docker', 'LXC'];
const MIB = 1024 * 1024;
// terminal control sequences (colours, title changes) a shell writes to its console; a log view shows text only
const CONTROL = /\x1b\[[0-9;?]*[ -\/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

function el(tag, text, attrs = {}) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function stateCell(state) {
  const td = el('td', state || 'unknown');
  td.className = 'state-' + String(state || 'unknown').toLowerCase();
  return td;
}

// A used/total figure as text and as a meter (the text is what screen readers and tests read).
function capacityCell(used, total, unit) {
  const td = el('td');
  const pct = total > 0 ? Math.round((100 * used) / total) : 0;
  const text = `${used} / ${total} ${unit} (${pct}%)`;
  const meter = el('meter', null, { min: '0', max: String(total || 1), value: String(used), 'aria-hidden': 'true' });
  td.append(meter, ' ', el('span', text));
  return td;
}

async function containerHosts() {
  const hosts = [];
  for (const hypervisor of CONTAINER_HYPERVISORS) {
    const r = await call({ command: 'listHosts', hypervisor });
    hosts.push(...(r.host || []));
  }
  return hosts;
}

async function containersOf(host) {
  const r = await call({ command: 'listVirtualMachines', hostid: host.id, listall: 'true' });
  return r.virtualmachine || [];
}

async function showLog(vm) {
  const section = document.getElementById('logs');
  document.getElementById('log-title').textContent = `Log of ${vm.name}`;
  const pre = document.getElementById('log');
  pre.textContent = 'Loading…';
  section.hidden = false;
  try {
    const r = await call({ command: 'getVMConsoleOutput', id: vm.id });
    pre.textContent = (r.vmconsoleoutput.output || '').replace(CONTROL, '') || '(the container has written nothing)';
  } catch (err) {
    pre.textContent = `Could not read the log: ${err.message}`;
  }
  pre.focus();
}

function hostRow(host, count) {
  const tr = el('tr', null, { 'data-host': host.id });
  tr.append(el('th', host.name, { scope: 'row' }), el('td', host.hypervisor), stateCell(host.state));
  const cpuTotal = host.cpunumber * host.cpuspeed;
  tr.append(capacityCell(host.cpuallocatedvalue || 0, cpuTotal, 'MHz'));
  tr.append(capacityCell(Math.round((host.memoryallocatedbytes || 0) / MIB), Math.round(host.memorytotal / MIB), 'MiB'));
  tr.append(el('td', count, { class: 'n' }));
  return tr;
}

function containerTable(host, vms) {
  const section = el('section', null, { 'aria-labelledby': `c-${host.id}` });
  section.append(el('h2', `Containers on ${host.name}`, { id: `c-${host.id}` }));
  if (vms.length === 0) {
    section.append(el('p', 'No containers run on this host.'));
    return section;
  }
  const box = el('div', null, { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': `c-${host.id}` });
  const table = el('table', null, { class: 'containers' });
  const head = el('tr');
  for (const h of ['Name', 'State', 'CPU', 'Memory', 'Address', 'Log']) head.append(el('th', h, { scope: 'col' }));
  table.append(el('thead'), el('tbody'));
  table.tHead.append(head);
  for (const vm of vms) {
    const tr = el('tr', null, { 'data-vm': vm.id });
    tr.append(el('th', vm.displayname || vm.name, { scope: 'row' }), stateCell(vm.state));
    tr.append(el('td', vm.cpuused || '—'));
    tr.append(el('td', vm.memorykbs !== undefined
      ? `${Math.round(vm.memorykbs / 1024)} / ${Math.round(vm.memorytargetkbs / 1024)} MiB` : `${vm.memory} MiB`));
    // a container on a host without a guest network has no address, and the API says so
    tr.append(el('td', vm.ipaddress || 'no network'));
    const td = el('td');
    const button = el('button', 'Show log', { type: 'button', class: 'show-log', 'aria-label': `Show the log of ${vm.name}` });
    button.addEventListener('click', () => showLog(vm));
    td.append(button);
    tr.append(td);
    table.tBodies[0].append(tr);
  }
  box.append(table);
  section.append(box);
  return section;
}

async function refresh() {
  const status = document.getElementById('status');
  status.textContent = 'Loading…';
  try {
    const hosts = await containerHosts();
    const tbody = document.querySelector('#hosts tbody');
    const containers = document.getElementById('containers');
    const rows = [];
    const sections = [];
    for (const host of hosts) {
      const vms = await containersOf(host);
      rows.push(hostRow(host, vms.length));
      sections.push(containerTable(host, vms));
    }
    tbody.replaceChildren(...rows);
    containers.replaceChildren(...sections);
    status.textContent = hosts.length === 0 ? 'No container hosts (add a Docker or LXC host with addHost).'
      : `${hosts.length} container host(s), updated ${new Date().toLocaleTimeString()}`;
  } catch (err) {
    status.textContent = `Could not load the hosts: ${err.message}`;
  }
}

onLogin(async () => {
  document.getElementById('refresh').addEventListener('click', refresh);
  await refresh();
  document.getElementById('panel').hidden = false;
});
