// What every API panel shares: a native API session (login through /client/api), calls with
// it, and the table of calls per operation.
const api = '/client/api';
let sessionkey;

export async function call(params) {
  const body = new URLSearchParams({ ...params, response: 'json' });
  if (sessionkey) body.set('sessionkey', sessionkey);
  const r = await fetch(api, { method: 'POST', body, credentials: 'same-origin' });
  const json = await r.json();
  const inner = Object.values(json)[0];
  if (!r.ok) throw new Error(inner.errortext || ('HTTP ' + r.status));
  return inner;
}

export function showCalls(tbody, operations) {
  tbody.replaceChildren();
  for (const op of operations || []) {
    const tr = document.createElement('tr');
    for (const [v, cls] of [[op.name, ''], [op.calls, 'n'], [op.errors, 'n']]) {
      const td = document.createElement('td');
      td.textContent = String(v);
      if (cls) td.className = cls;
      tr.append(td);
    }
    tbody.append(tr);
  }
}

// Wires the sign-in form (#login, #login-error): on success runs onSignedIn() and hides the form.
export function onLogin(onSignedIn) {
  document.getElementById('login').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    const error = document.getElementById('login-error');
    error.textContent = '';
    try {
      sessionkey = undefined;
      const login = await call({ command: 'login', username: f.get('username'), password: f.get('password'),
        domain: f.get('domain') || '/' });
      sessionkey = login.sessionkey;
      await onSignedIn();
      e.target.hidden = true;
    } catch (err) {
      error.textContent = err.message;
    }
  });
}
