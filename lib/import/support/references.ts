/**
 * Host names a configuration value points at, the way services find each other: the host of a URL
 * (`postgres://app:secret@orders-db:5432/app`), the host of `host:port` (`redis:6379`), a cluster DNS name
 * (`cart.shop.svc.cluster.local` → `cart`), or the whole value when it is a bare name (`DB_HOST=orders-db`).
 * The caller keeps the names that are really services.
 */

const URL_HOST = /[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([a-z0-9][a-z0-9.-]*)/gi;
const HOST_PORT = /(?:^|[\s,;=])([a-z0-9][a-z0-9.-]*):\d{1,5}(?=$|[\s,;/])/gi;
const BARE_NAME = /^[a-z0-9][a-z0-9.-]{0,252}$/i;

/** `cart.shop.svc.cluster.local` and `cart.shop` → `cart`; other names unchanged. */
export function firstLabel(host: string): string {
  return host.split(".")[0];
}

export function hostsNamedIn(value: string): string[] {
  const hosts = new Set<string>();
  for (const match of value.matchAll(URL_HOST)) hosts.add(match[1].toLowerCase());
  for (const match of value.matchAll(HOST_PORT)) hosts.add(match[1].toLowerCase());
  const trimmed = value.trim();
  if (BARE_NAME.test(trimmed) && !/^\d+(\.\d+)*$/.test(trimmed)) hosts.add(trimmed.toLowerCase());
  return [...hosts].flatMap((host) => (host.includes(".") ? [host, firstLabel(host)] : [host]));
}
