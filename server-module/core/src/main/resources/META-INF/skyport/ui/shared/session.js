// What every API panel and the UI shell at /client share: a native API session (login through
// /client/api), calls with it, and the table of calls per operation. The session key is kept in
// the tab's sessionStorage, so a panel the shell mounts in a frame (same origin, same tab) uses
// the shell's session instead of asking for the password again.
const api = '/client/api';
const stored = 'skyport.sessionkey';
let sessionkey = sessionStorage.getItem(stored) || undefined;

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

// Signs in (login) and keeps the session for this tab; answers the login response.
export async function signIn(username, password, domain) {
  signOut(false);
  const login = await call({ command: 'login', username, password, domain: domain || '/' });
  sessionkey = login.sessionkey;
  sessionStorage.setItem(stored, sessionkey);
  return login;
}

// Forgets the session (and, unless told not to, ends it on the server).
export function signOut(server = true) {
  const key = sessionkey;
  sessionkey = undefined;
  sessionStorage.removeItem(stored);
  if (server && key) {
    fetch(api, { method: 'POST', credentials: 'same-origin',
      body: new URLSearchParams({ command: 'logout', sessionkey: key, response: 'json' }) }).catch(() => {});
  }
}

export function signedIn() {
  return sessionkey !== undefined;
}

// Wires the sign-in form (#login, #login-error): on success runs onSignedIn() and hides the form.
// A session this tab already has (the shell's) is used first; the form shows when it fails.
export function onLogin(onSignedIn) {
  const form = document.getElementById('login');
  if (sessionkey) {
    form.hidden = true;
    onSignedIn().catch(() => {
      signOut(false);
      form.hidden = false;
    });
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(e.target);
    const error = document.getElementById('login-error');
    error.textContent = '';
    try {
      await signIn(f.get('username'), f.get('password'), f.get('domain'));
      await onSignedIn();
      e.target.hidden = true;
    } catch (err) {
      error.textContent = err.message;
    }
  });
}
