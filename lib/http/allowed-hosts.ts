/**
 * Which Host headers the server answers (DNS rebinding defence). A page on attacker.example whose name is made to
 * resolve to 127.0.0.1 reaches the server with `Host: attacker.example`; only names the operator chose pass.
 *
 * Loopback names (localhost, 127.0.0.1, [::1]) on the serving port always pass. A specific `HOST` address passes
 * too. Anything else must be listed in ARCHWAY_ALLOWED_HOSTS: comma-separated `name`, `name:port` or `[v6]:port`;
 * an entry without a port matches the name on any port (behind a reverse proxy the public port is not ours).
 */

export interface AllowedHost {
  hostname: string;
  /** Undefined: any port. */
  port?: string;
}

export interface HostPolicyEnv {
  HOST?: string;
  PORT?: string;
  ARCHWAY_ALLOWED_HOSTS?: string;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];
const WILDCARD_ADDRESSES = new Set(["0.0.0.0", "::", "[::]"]);

/** `name`, `name:port`, `[v6]` or `[v6]:port`, lower-cased; undefined when it is not a host at all. */
export function parseHost(text: string): AllowedHost | undefined {
  const value = text.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/.exec(value);
  if (!match) return undefined;
  return match[2] === undefined ? { hostname: match[1] } : { hostname: match[1], port: String(Number(match[2])) };
}

/** A bare IPv6 address as HOST (`::1`) written the way a Host header carries it (`[::1]`). */
function bracketed(address: string): string {
  return address.includes(":") && !address.startsWith("[") ? `[${address}]` : address;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined || address === "") return true;
  const host = bracketed(address.trim().toLowerCase());
  return LOOPBACK_NAMES.includes(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

export function isWildcardAddress(address: string | undefined): boolean {
  return address !== undefined && WILDCARD_ADDRESSES.has(address.trim());
}

export function allowedHostsFromEnv(env: HostPolicyEnv): AllowedHost[] {
  const port = env.PORT && /^\d+$/.test(env.PORT) ? String(Number(env.PORT)) : undefined;
  const hosts: AllowedHost[] = LOOPBACK_NAMES.map((hostname) => ({ hostname, port }));
  if (env.HOST && !isLoopbackAddress(env.HOST) && !isWildcardAddress(env.HOST)) {
    const own = parseHost(bracketed(env.HOST));
    if (own) hosts.push({ hostname: own.hostname, port });
  }
  for (const entry of (env.ARCHWAY_ALLOWED_HOSTS ?? "").split(",")) {
    if (entry.trim() === "") continue;
    const parsed = parseHost(entry);
    if (!parsed) throw new Error(`ARCHWAY_ALLOWED_HOSTS: "${entry.trim()}" is not a host name, "name:port" or "[ipv6]:port"`);
    hosts.push(parsed);
  }
  return hosts;
}

/** Whether a request's Host header names this server. A Host without a port means the scheme's default port. */
export function isAllowedHost(hostHeader: string | null, allowed: readonly AllowedHost[]): boolean {
  if (!hostHeader) return false;
  const host = parseHost(hostHeader);
  if (!host) return false;
  return allowed.some(
    (entry) => entry.hostname === host.hostname && (entry.port === undefined || entry.port === (host.port ?? "80") || (host.port === undefined && entry.port === "443")),
  );
}
