// The @google-cloud/compute client (REST transport) for gce_scenario.mjs. Each service client is
// pointed at the server with the options google-gax gives every generated client: apiEndpoint
// (host), port, and protocol "http" (the REST transport's default is https); credentials come from
// keyFilename.
//
// google-auth-library exchanges a service-account JWT for a token only at Google's own token
// endpoint (it does not read token_uri from the key file), so the credentials use the library's
// self-signed JWT mode instead (the client's GoogleAuth useJWTAccessWithScope): every request
// carries a JWT signed with the key file's private key and scoped to cloud-platform, which the
// server accepts as a bearer token.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import compute from "@google-cloud/compute";

export async function connect(base, keyFile) {
  const url = new URL(base);
  const project = JSON.parse(readFileSync(keyFile, "utf8")).project_id;
  const options = {
    apiEndpoint: url.hostname, port: Number(url.port || 80), protocol: url.protocol.replace(":", ""),
    keyFilename: keyFile,
  };
  const selfSigned = (client) => {
    client.auth.useJWTAccessWithScope = true;
    return client;
  };
  const zones = selfSigned(new compute.ZonesClient(options));
  const machineTypes = selfSigned(new compute.MachineTypesClient(options));
  const images = selfSigned(new compute.ImagesClient(options));
  const firewalls = selfSigned(new compute.FirewallsClient(options));
  const instances = selfSigned(new compute.InstancesClient(options));
  const zoneOperations = selfSigned(new compute.ZoneOperationsClient(options));
  const globalOperations = selfSigned(new compute.GlobalOperationsClient(options));

  const all = async (iterable) => {
    const out = [];
    for await (const item of iterable) out.push(item);
    return out;
  };
  // a long-running call answers [{latestResponse: Operation, ...}, ...]
  const operation = async (promise) => (await promise)[0].latestResponse;
  const first = async (promise) => (await promise)[0];

  return {
    library: "@google-cloud/compute",
    version: createRequire(import.meta.url)("@google-cloud/compute/package.json").version,
    project,
    listZones: () => all(zones.listAsync({ project })),
    listMachineTypes: (zone) => all(machineTypes.listAsync({ project, zone })),
    listImages: () => all(images.listAsync({ project })),
    insertFirewall: (body) => operation(firewalls.insert({ project, firewallResource: body })),
    getFirewall: (firewall) => first(firewalls.get({ project, firewall })),
    listFirewalls: () => all(firewalls.listAsync({ project })),
    deleteFirewall: (firewall) => operation(firewalls.delete({ project, firewall })),
    waitZoneOperation: (zone, op) => first(zoneOperations.wait({ project, zone, operation: op })),
    waitGlobalOperation: (op) => first(globalOperations.wait({ project, operation: op })),
    listZoneOperations: (zone) => all(zoneOperations.listAsync({ project, zone })),
    insertInstance: (zone, body) => operation(instances.insert({ project, zone, instanceResource: body })),
    getInstance: (zone, instance) => first(instances.get({ project, zone, instance })),
    listInstances: async (zone, { filter, maxResults, pageToken }) => {
      const request = { project, zone };
      if (filter) request.filter = filter;
      if (maxResults) request.maxResults = maxResults;
      if (pageToken) request.pageToken = pageToken;
      const [items, , raw] = await instances.list(request, { autoPaginate: false });
      return { items: items || [], nextPageToken: raw?.nextPageToken || null };
    },
    aggregatedInstances: async () => {
      const items = {};
      for await (const [key, scoped] of instances.aggregatedListAsync({ project })) items[key] = scoped;
      return { kind: null, items };
    },
    stopInstance: (zone, instance) => operation(instances.stop({ project, zone, instance })),
    startInstance: (zone, instance) => operation(instances.start({ project, zone, instance })),
    setMetadata: (zone, instance, body) =>
      operation(instances.setMetadata({ project, zone, instance, metadataResource: body })),
    serialPortOutput: (zone, instance) => first(instances.getSerialPortOutput({ project, zone, instance })),
    deleteInstance: (zone, instance) => operation(instances.delete({ project, zone, instance })),
    batchGet: null,
    // The HTTP error reaches the caller as google-auth-library's transport raised it (a
    // GaxiosError: HTTP status, the body as the message) or, decoded by google-gax, as a
    // GoogleError whose code is the gRPC status; either is recorded.
    errorOf: (e) => {
      let body = {};
      try {
        body = JSON.parse(e.message).error || {};
      } catch {
        // a GoogleError's message is the error's message itself
      }
      const http = e.status ?? e.response?.status ?? (typeof e.code === "number" && e.code >= 100 ? e.code : null);
      return {
        http, grpc: http == null && typeof e.code === "number" ? e.code : null, code: body.code ?? null,
        reason: body.errors?.[0]?.reason ?? e.reason ?? null, message: body.message ?? e.message,
      };
    },
  };
}
