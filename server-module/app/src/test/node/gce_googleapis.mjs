// The googleapis client (google.compute v1) for gce_scenario.mjs: rootUrl is the server's base
// URL, credentials come from the key file through google.auth.GoogleAuth.
//
// google-auth-library exchanges a service-account JWT for a token only at Google's own token
// endpoint (it does not read token_uri from the key file), so the credentials use the library's
// self-signed JWT mode instead (GoogleAuth's useJWTAccessWithScope): every request carries a JWT
// signed with the key file's private key and scoped to cloud-platform, which the server accepts as
// a bearer token.
import { createRequire } from "node:module";
import { google } from "googleapis";

const SCOPES = ["https://www.googleapis.com/auth/cloud-platform"];

export async function connect(base, keyFile) {
  const auth = new google.auth.GoogleAuth({ keyFile, scopes: SCOPES });
  auth.useJWTAccessWithScope = true;
  const project = await auth.getProjectId();
  const compute = google.compute({ version: "v1", rootUrl: `${base}/`, auth });
  const data = async (promise) => (await promise).data;

  const all = async (call, params) => {
    const out = [];
    let pageToken;
    do {
      const page = await data(call({ ...params, pageToken }));
      out.push(...(page.items || []));
      pageToken = page.nextPageToken || undefined;
    } while (pageToken);
    return out;
  };

  return {
    library: "googleapis",
    version: createRequire(import.meta.url)("googleapis/package.json").version,
    project,
    listZones: () => all((p) => compute.zones.list(p), { project }),
    listMachineTypes: (zone) => all((p) => compute.machineTypes.list(p), { project, zone }),
    listImages: () => all((p) => compute.images.list(p), { project }),
    insertFirewall: (body) => data(compute.firewalls.insert({ project, requestBody: body })),
    getFirewall: (firewall) => data(compute.firewalls.get({ project, firewall })),
    listFirewalls: () => all((p) => compute.firewalls.list(p), { project }),
    deleteFirewall: (firewall) => data(compute.firewalls.delete({ project, firewall })),
    waitZoneOperation: (zone, operation) => data(compute.zoneOperations.wait({ project, zone, operation })),
    waitGlobalOperation: (operation) => data(compute.globalOperations.wait({ project, operation })),
    listZoneOperations: (zone) => all((p) => compute.zoneOperations.list(p), { project, zone }),
    insertInstance: (zone, body) => data(compute.instances.insert({ project, zone, requestBody: body })),
    getInstance: (zone, instance) => data(compute.instances.get({ project, zone, instance })),
    listInstances: async (zone, { filter, maxResults, pageToken }) => {
      const page = await data(compute.instances.list({ project, zone, filter, maxResults, pageToken }));
      return { items: page.items || [], nextPageToken: page.nextPageToken };
    },
    aggregatedInstances: async () => {
      const page = await data(compute.instances.aggregatedList({ project }));
      return { kind: page.kind, items: page.items || {} };
    },
    stopInstance: (zone, instance) => data(compute.instances.stop({ project, zone, instance })),
    startInstance: (zone, instance) => data(compute.instances.start({ project, zone, instance })),
    setMetadata: (zone, instance, body) =>
      data(compute.instances.setMetadata({ project, zone, instance, requestBody: body })),
    serialPortOutput: (zone, instance) => data(compute.instances.getSerialPortOutput({ project, zone, instance })),
    deleteInstance: (zone, instance) => data(compute.instances.delete({ project, zone, instance })),
    // googleapis for Node has no batch requests
    batchGet: null,
    errorOf: (e) => {
      const body = e.response?.data?.error || {};
      return {
        http: e.response?.status ?? e.status ?? null, code: body.code ?? null,
        reason: body.errors?.[0]?.reason ?? null, message: body.message ?? e.message,
      };
    },
  };
}
