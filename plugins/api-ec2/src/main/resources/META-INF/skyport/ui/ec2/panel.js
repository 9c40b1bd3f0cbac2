// The EC2 panel: signs in through the native API (login) and shows getEc2ClientConfig.
import { call, onLogin, showCalls } from '/ui/shared/session.js';

function show(cfg) {
  for (const id of ['endpoint', 'region', 'apikey', 'awsconfig', 'awscredentials']) {
    document.getElementById(id).textContent = cfg[id];
  }
  document.getElementById('enabled').textContent = cfg.enabled ? 'enabled' : 'disabled by the administrator';
  document.getElementById('reveal').onclick = () => {
    document.getElementById('secretkey').textContent = cfg.secretkey;
  };
  showCalls(document.getElementById('calls'), cfg.operation);
  document.getElementById('panel').hidden = false;
}

onLogin(async () => {
  const cfg = await call({ command: 'getEc2ClientConfig', endpoint: location.origin });
  show(cfg.ec2clientconfig);
});
