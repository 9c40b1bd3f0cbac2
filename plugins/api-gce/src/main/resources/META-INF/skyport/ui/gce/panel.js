// The GCE panel: signs in through the native API (login), shows getGceClientConfig and creates
// service-account key files with createGceServiceAccountKey.
const api = '/client/api';
let session;

async function call(params) {
  const body = new URLSearchParams({ ...params, response: 'json' });
  if (session) body.set('sessionkey', session);
  const r = await fetch(api, { method: 'POST', body, credentials: 'same-origin' });
  const json = await r.json();
  const inner = Object.values(json)[0];
  if (!r.ok) throw new Error(inner.errortext || ('HTTP ' + r.status));
  return inner;
}

function show(cfg) {
  for (const id of ['endpoint', 'tokenuri', 'discoveryurl', 'project', 'gcloud', 'python', 'nodejs']) {
    document.getElementById(id).textContent = cfg[id];
  }
  document.getElementById('enabled').textContent = cfg.enabled ? 'enabled' : 'disabled by the administrator';
  const rows = document.getElementById('calls');
  rows.replaceChildren();
  for (const op of cfg.operation || []) {
    const tr = document.createElement('tr');
    for (const [v, cls] of [[op.name, ''], [op.calls, 'n'], [op.errors, 'n']]) {
      const td = document.createElement('td');
      td.textContent = String(v);
      if (cls) td.className = cls;
      tr.append(td);
    }
    rows.append(tr);
  }
  document.getElementById('panel').hidden = false;
}

async function createKey() {
  const status = document.getElementById('key-status');
  status.textContent = '';
  try {
    const key = (await call({ command: 'createGceServiceAccountKey', endpoint: location.origin })).serviceaccountkey;
    const blob = new Blob([key.keyfile], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'skyport-gce-key.json';
    a.click();
    URL.revokeObjectURL(a.href);
    status.textContent = 'Key ' + key.privatekeyid + ' for ' + key.clientemail + ' downloaded.';
  } catch (err) {
    status.textContent = err.message;
  }
}

document.getElementById('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const error = document.getElementById('login-error');
  error.textContent = '';
  try {
    const login = await call({ command: 'login', username: f.get('username'), password: f.get('password'),
      domain: f.get('domain') || '/' });
    session = login.sessionkey;
    const cfg = await call({ command: 'getGceClientConfig', endpoint: location.origin });
    e.target.hidden = true;
    show(cfg.gceclientconfig);
    document.getElementById('create-key').onclick = createKey;
  } catch (err) {
    error.textContent = err.message;
  }
});
