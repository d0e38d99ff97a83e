import { cite, type Component, type Connection } from "../../model";
import { dnsLabel } from "../naming";
import type { KubernetesContext } from "./context";
import type { Manifest } from "./manifest";

/** An Ingress Prefix path from a design route prefix: `/api/*` → `/api`, `/users/{id}` → `/users`. */
export function ingressPath(prefix: string | undefined): string {
  if (prefix === undefined) return "/";
  const cut = prefix.split(/[*{]/)[0].replace(/\/{2,}/g, "/").replace(/\/+$/, "");
  return cut.startsWith("/") ? cut : "/";
}

/** The route prefix of a call: its own, or the nearest one set on a hop in front of it (gateway → load balancer → service). */
function routePrefix(context: KubernetesContext, via: Connection): string | undefined {
  const visited = new Set<string>();
  const queue = [via];
  while (queue.length > 0) {
    const connection = queue.shift() as Connection;
    if (connection.pathPrefix !== undefined) return connection.pathPrefix;
    if (visited.has(connection.source)) continue;
    visited.add(connection.source);
    if (!context.runsPods(context.component(connection.source))) queue.push(...context.callsInto(connection.source));
  }
  return undefined;
}

interface Route {
  service: Component;
  path: string;
}

interface IngressSpec {
  name: string;
  host?: string;
  ingressClass: string;
  tls: boolean;
  issuer: string;
  rateLimitPerSecond: number;
  routes: { via: Connection; service: Component }[];
}

function ingressesFor(context: KubernetesContext, spec: IngressSpec): Manifest[] {
  // Paths and services already routed are kept in sets per namespace, so a gateway in front of thousands of
  // services costs one lookup per route rather than a scan of the routes so far.
  const byNamespace = new Map<string, Route[]>();
  const taken = new Map<string, { paths: Set<string>; services: Set<string> }>();
  for (const { via, service } of spec.routes) {
    const namespace = context.namespaceOf(service);
    const routes = byNamespace.get(namespace) ?? [];
    const used = taken.get(namespace) ?? { paths: new Set<string>(), services: new Set<string>() };
    const wanted = ingressPath(routePrefix(context, via));
    const path = used.paths.has(wanted) ? `/${context.name(service)}` : wanted;
    if (!used.paths.has(path) && !used.services.has(service.id)) {
      routes.push({ service, path });
      used.paths.add(path);
      used.services.add(service.id);
    }
    byNamespace.set(namespace, routes);
    taken.set(namespace, used);
  }
  // A certificate needs a host name; without one the Ingress serves plain HTTP rather than promise TLS.
  const tls = spec.tls && spec.host !== undefined;
  const annotations: Record<string, string> = {
    ...(tls ? { "cert-manager.io/cluster-issuer": spec.issuer, "nginx.ingress.kubernetes.io/force-ssl-redirect": "true" } : {}),
    ...(spec.rateLimitPerSecond > 0 ? { "nginx.ingress.kubernetes.io/limit-rps": String(spec.rateLimitPerSecond) } : {}),
  };
  return [...byNamespace.entries()].map(([namespace, routes]) => ({
    path: `${namespace}/ingress/${spec.name}.yaml`,
    object: {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: {
        name: spec.name,
        namespace,
        labels: { "app.kubernetes.io/part-of": context.project, "app.kubernetes.io/managed-by": "archway" },
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
      },
      spec: {
        ingressClassName: spec.ingressClass,
        ...(tls ? { tls: [{ hosts: [spec.host as string], secretName: dnsLabel(spec.name, "tls") }] } : {}),
        rules: [
          {
            ...(spec.host ? { host: spec.host } : {}),
            http: {
              paths: routes.map((route) => ({
                path: route.path,
                pathType: "Prefix",
                backend: { service: { name: context.name(route.service), port: { number: context.port(route.service) as number } } },
              })),
            },
          },
        ],
      },
    },
    sources: [cite("001", "Layer 5: Kubernetes Ingress/Service Entry Point")],
  }));
}

/**
 * Ingresses as in 001 "Layer 5: Kubernetes Ingress/Service Entry Point": one per reverse proxy (its class,
 * host, TLS from cert-manager and rate limit), in every namespace it routes to. A design without a reverse
 * proxy whose services are reached from the edge gets one `edge` Ingress on the design's DNS name.
 */
export function edgeIngressManifests(context: KubernetesContext): Manifest[] {
  const proxies = context.design.components.filter((component) => component.kind === "reverse-proxy");
  if (proxies.length > 0) {
    return proxies.flatMap((proxy) => {
      if (proxy.kind !== "reverse-proxy") return [];
      const routes = context
        .callsFrom(proxy.id)
        .flatMap((via) =>
          context
            .answeringPods(context.component(via.target))
            .filter((pod) => pod.kind === "service")
            .map((service) => ({ via, service })),
        );
      return ingressesFor(context, {
        name: context.name(proxy),
        host: proxy.config.host.toLowerCase(),
        ingressClass: proxy.config.ingressClass,
        tls: proxy.config.tls,
        issuer: proxy.config.certManagerIssuer,
        rateLimitPerSecond: proxy.config.rateLimitPerSecond,
        routes,
      });
    });
  }
  const entries = context.edgeEntries();
  if (entries.length === 0) return [];
  const dns = context.design.components.find((component) => component.kind === "dns");
  return ingressesFor(context, {
    name: "edge",
    host: dns?.kind === "dns" ? dns.config.domain.toLowerCase() : undefined,
    ingressClass: "nginx",
    tls: true,
    issuer: "letsencrypt-prod",
    rateLimitPerSecond: 0,
    routes: entries.map((entry) => ({ via: entry.via, service: entry.service })),
  });
}
