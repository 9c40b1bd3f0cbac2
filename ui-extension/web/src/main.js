// The web UI shell: sign-in, navigation (core pages plus the panels the server lists), and a
// hash router that draws one page at a time into <main>.
import './style.css';
import { signIn, signOut, signedIn, setMe, me, isAdmin } from './api.js';
import { el, errorBox } from './ui.js';
import { dashboard } from './pages/dashboard.js';
import { instances } from './pages/instances.js';
import { templates, offerings, securityGroups, keyPairs, volumes } from './pages/resources.js';
import { accounts, settings } from './pages/admin.js';
import { panels, panel, forgetPanels } from './pages/panels.js';

const PAGES = [
  ['dashboard', 'Dashboard', dashboard],
  ['instances', 'Instances', instances],
  ['templates', 'Templates', templates],
  ['offerings', 'Offerings', offerings],
  ['securitygroups', 'Security groups', securityGroups],
  ['keypairs', 'Key pairs', keyPairs],
  ['volumes', 'Volumes', volumes],
  ['accounts', 'Accounts', accounts, true],
  ['settings', 'Settings', settings, true],
];

const $ = (id) => document.getElementById(id);

async function drawNav() {
  const items = PAGES.filter(([, , , admin]) => !admin || isAdmin())
    .map(([id, title]) => [`#/${id}`, title, id]);
  let extra = [];
  try {
    extra = (await panels()).map((p) => [`#/panel/${p.id}`, p.title, `panel-${p.id}`]);
  } catch {
    // the core pages still work without the panel list
  }
  $('nav-list').replaceChildren(...[...items, ...extra].map(([href, title, id]) =>
    el('li', {}, el('a', { href, 'data-page': id }, title))));
}

// Each route draws into a container of its own: a slower earlier page that finishes after the
// reader moved on draws into a detached container and cannot overwrite the current page.
let routeSeq = 0;

async function route() {
  const mine = ++routeSeq;
  const view = el('div');
  $('view').replaceChildren(view);
  if (!signedIn() || !me()) {
    showLogin(true);
    return;
  }
  showLogin(false);
  const [, name, arg] = (location.hash || '#/dashboard').split('/');
  for (const a of document.querySelectorAll('#nav-list a')) {
    const current = a.dataset.page === (name === 'panel' ? `panel-${arg}` : name);
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const entry = PAGES.find(([id]) => id === name);
  try {
    if (name === 'panel') {
      await panel(view, arg);
    } else if (!entry || (entry[3] && !isAdmin())) {
      location.hash = '#/dashboard';
      return;
    } else {
      await entry[2](view);
    }
    if (mine !== routeSeq) return;
    document.getElementById('page-title')?.focus();
    document.body.dataset.ready = name;
  } catch (e) {
    if (mine !== routeSeq) return;
    if (/session|authenticat|401/i.test(e.message)) {
      signOut(false);
      setMe(null);
      showLogin(true);
      return;
    }
    view.replaceChildren(errorBox(e));
  }
}

function showLogin(show) {
  $('login-view').hidden = !show;
  $('nav').hidden = show;
  $('logout').hidden = show;
  $('menu-toggle').hidden = show;
  if (show) {
    $('view').replaceChildren();
    $('whoami').textContent = '';
    $('login-username').focus();
  } else {
    const who = me();
    $('whoami').textContent = `${who.username} (${who.account}, ${who.type.toLowerCase()})`;
  }
}

$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  $('login-error').textContent = '';
  try {
    setMe(await signIn(f.get('username'), f.get('password'), f.get('domain')));
    forgetPanels();
    e.target.reset();
    await drawNav();
    if (location.hash !== '#/dashboard') location.hash = '#/dashboard';
    else await route();
  } catch (err) {
    $('login-error').textContent = err.message;
  }
});

$('logout').addEventListener('click', () => {
  signOut();
  setMe(null);
  forgetPanels();
  $('nav-list').replaceChildren();
  location.hash = '';
  showLogin(true);
});

$('menu-toggle').addEventListener('click', () => {
  const open = $('menu-toggle').getAttribute('aria-expanded') !== 'true';
  $('menu-toggle').setAttribute('aria-expanded', String(open));
  document.body.classList.toggle('menu-open', open);
});
$('nav').addEventListener('click', (e) => {
  if (e.target.closest('a')) {
    document.body.classList.remove('menu-open');
    $('menu-toggle').setAttribute('aria-expanded', 'false');
  }
});

window.addEventListener('hashchange', route);
if (signedIn() && me()) await drawNav();
await route();
