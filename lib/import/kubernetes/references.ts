/** A Service named by configuration: its name and, when the host says so, its namespace. */
export interface ServiceReference {
  service: string;
  namespace?: string;
}

/** Variable names that hold an address by convention: `CART_SERVICE_ADDR`, `REDIS_HOST`, `DATABASE_URL`. */
const ADDRESS_NAME = /(_ADDR|_ADDRESS|_HOST|_HOSTNAME|_URL|_URI|_ENDPOINT|_DSN|_SERVER|_SERVERS|_BROKERS?)$/i;

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Host names in a value: the host of each URL, `host:port` pairs, and the whole value when the variable names an address. */
function hostsIn(name: string, value: string): string[] {
  const hosts: string[] = [];
  for (const part of value.split(/[\s,;]+/)) {
    if (part === "") continue;
    const url = part.match(/^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^:/?#]+)/i);
    if (url) {
      hosts.push(url[1]);
      continue;
    }
    const hostPort = part.match(/^([A-Za-z0-9.-]+):\d{1,5}$/);
    if (hostPort) {
      hosts.push(hostPort[1]);
      continue;
    }
    if (ADDRESS_NAME.test(name)) hosts.push(part);
  }
  return hosts;
}

/**
 * Services a variable points at. `cart.shop.svc.cluster.local` and `cart.shop.svc` name Service `cart` in namespace
 * `shop`; `cart.shop` may too; a bare `cart` is a Service in the caller's namespace. External hosts (with a dot and
 * no cluster suffix) are left to the caller to match or ignore.
 */
export function serviceReferences(name: string, value: string): ServiceReference[] {
  const references: ServiceReference[] = [];
  for (const host of hostsIn(name, value)) {
    const labels = host.toLowerCase().replace(/\.$/, "").split(".");
    if (!labels.every((label) => DNS_LABEL.test(label))) continue;
    if (labels.length === 1) references.push({ service: labels[0] });
    else if (labels.length === 2) references.push({ service: labels[0], namespace: labels[1] });
    else if (labels[2] === "svc") references.push({ service: labels[0], namespace: labels[1] });
  }
  return references;
}
