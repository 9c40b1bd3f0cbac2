// Dashboard: zones with capacity, hosts, VMs counted by state (one-row pages: the count is all
// that is read), recent events and running jobs.
import { call, list, isAdmin } from '../api.js';
import { el, page, table, when } from '../ui.js';

const STATES = ['Running', 'Stopped', 'Starting', 'Stopping', 'Error', 'Destroyed'];

export async function dashboard(view) {
  page(view, 'Dashboard', el('p', {}, 'Loading…'));
  const admin = isAdmin();
  const [zones, hosts, events, jobs, ...counts] = await Promise.all([
    list('listZones', 'zone', { showcapacities: true }),
    admin ? list('listHosts', 'host', { pagesize: 50 }) : Promise.resolve(null),
    list('listEvents', 'event', { pagesize: 10, listall: admin }),
    list('listAsyncJobs', 'asyncjobs', { pagesize: 50, listall: admin }),
    ...STATES.map((state) => call({ command: 'listVirtualMachines', state, page: 1, pagesize: 1, listall: admin })),
  ]);
  const capacity = zones.items.flatMap((z) => z.capacity || []);
  const running = jobs.items.filter((j) => j.jobstatus === 0);
  page(view, 'Dashboard',
    el('div', { class: 'cards' },
      el('section', { class: 'card', 'aria-labelledby': 'vm-states' }, el('h2', { id: 'vm-states' }, 'Instances by state'),
        el('dl', { class: 'counts' }, STATES.flatMap((s, i) => [el('dt', {}, s),
          el('dd', { 'data-state': s }, String(counts[i].count || 0))]))),
      el('section', { class: 'card', 'aria-labelledby': 'zones-h' }, el('h2', { id: 'zones-h' }, 'Zones'),
        el('ul', {}, zones.items.map((z) => el('li', {}, `${z.name} (${z.allocationstate || z.networktype || ''})`)))),
      hosts && el('section', { class: 'card', 'aria-labelledby': 'hosts-h' }, el('h2', { id: 'hosts-h' }, 'Hosts'),
        el('p', {}, `${hosts.count} hosts`),
        el('ul', {}, hosts.items.slice(0, 10).map((h) => el('li', {}, `${h.name}: ${h.state} (${h.hypervisor})`))))),
    capacity.length > 0 && table('Capacity', [['Zone', (c) => c.zonename], ['Type', (c) => c.name],
      ['Used', (c) => String(c.capacityused)], ['Total', (c) => String(c.capacitytotal)],
      ['Used %', (c) => el('meter', { min: 0, max: 100, value: parseFloat(c.percentused) || 0,
        'aria-label': `${c.name} used percent` }), ]], capacity),
    table('Running jobs', [['Command', (j) => j.cmd], ['Resource', (j) => j.jobinstancetype],
      ['Since', (j) => when(j.created)], ['Progress', () => el('progress', { 'aria-label': 'in progress' })]],
    running, 'No job running'),
    table('Recent events', [['When', (e) => when(e.created)], ['Level', (e) => e.level], ['Type', (e) => e.type],
      ['Description', (e) => e.description]], events.items));
}
