// The GCE panel: signs in through the native API (login), shows getGceClientConfig and creates
// service-account key files with createGceServiceAccountKey.
import { call, onLogin, showCalls } from '/ui/shared/session.js';

function show(cfg) {
  for (const id of ['endpoint', 'tokenuri', 'discoveryurl', 'project', 'gcloud', 'python', 'nodejs']) {
    document.getElementById(id).textContent = cfg[id];
  }
  document.getElementById('enabled').textContent = cfg.enabled ? 'enabled' : 'disabled by the administrator';
  showCalls(document.getElementById('calls'), cfg.operation);
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

onLogin(async () => {
  const cfg = await call({ command: 'getGceClientConfig', endpoint: location.origin });
  show(cfg.gceclientconfig);
  document.getElementById('create-key').onclick = createKey;
});
