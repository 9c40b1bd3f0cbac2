// The EC2 panel: signs in through the native API (login) and shows getEc2ClientConfig.
const api = '/client/api';

async function call(params, sessionkey) {
  const body = new URLSearchParams({ ...params, response: 'json' });
  if (sessionkey) body.set('sessionkey', sessionkey);
  const r = await fetch(api, { method: 'POST', body, credentials: 'same-origin' });
  const json = await r.json();
  const inner = Object.values(json)[0];
  if (!r.ok) throw new Error(inner.errortext || ('HTTP ' + r.status));
  return inner;
}

function show(cfg) {
  for (const id of ['endpoint', 'region', 'apikey', 'awsconfig', 'awscredentials']) {
    document.getElementById(id).textContent = cfg[id];
  }
  document.getElementById('enabled').textContent = cfg.enabled ? 'enabled' : 'disabled by the administrator';
  document.getElementById('reveal').onclick = () => {
    document.getElementById('secretkey').textContent = cfg.secretkey;
  };
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

document.getElementById('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const error = document.getElementById('login-error');
  error.textContent = '';
  try {
    const login = await call({ command: 'login', username: f.get('username'), password: f.get('password'),
      domain: f.get('domain') || '/' });
    const cfg = await call({ command: 'getEc2ClientConfig', endpoint: location.origin }, login.sessionkey);
    e.target.hidden = true;
    show(cfg.ec2clientconfig);
  } catch (err) {
    error.textContent = err.message;
  }
});
