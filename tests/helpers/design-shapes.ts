import { DesignSchema, SCHEMA_VERSION, type Design } from "@/lib/model";

/**
 * Large designs of three shapes that stress different kinds of work: a long chain (depth), a star (fan-out)
 * and a dense layered graph (the number of paths grows exponentially with its depth). Every synchronous call
 * retries and has a timeout, as in issue 13's 10,000-service chain.
 */

const RETRYING = { enabled: true, maxRetries: 2, backoff: "exponential", baseDelayMs: 100, maxDelayMs: 1000, jitter: true } as const;

interface Part {
  id: string;
  kind: string;
  name: string;
}

function assemble(name: string, parts: Part[], links: [string, string][]): Design {
  return DesignSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    name,
    components: parts.map((part, index) => ({ ...part, position: { x: (index % 100) * 200, y: Math.floor(index / 100) * 150 } })),
    connections: links.map(([source, target], index) => ({
      id: `conn-${index}`,
      source,
      target,
      protocol: "http",
      timeoutMs: 30_000,
      retry: RETRYING,
    })),
  });
}

/** A client, a load balancer and `length` services called one after the other, each call retrying. */
export function chainDesign(length: number): Design {
  const parts: Part[] = [
    { id: "client", kind: "client", name: "Browser" },
    { id: "lb", kind: "load-balancer", name: "Load balancer" },
    ...Array.from({ length }, (_, index) => ({ id: `svc-${index}`, kind: "service", name: `Service ${index}` })),
  ];
  const links: [string, string][] = [["client", "lb"], ["lb", "svc-0"]];
  for (let index = 1; index < length; index += 1) links.push([`svc-${index - 1}`, `svc-${index}`]);
  return assemble(`Chain of ${length}`, parts, links);
}

/** A client and a gateway that calls `size` services directly. */
export function starDesign(size: number): Design {
  const parts: Part[] = [
    { id: "client", kind: "client", name: "Browser" },
    { id: "gateway", kind: "api-gateway", name: "Gateway" },
    ...Array.from({ length: size }, (_, index) => ({ id: `svc-${index}`, kind: "service", name: `Service ${index}` })),
  ];
  const links: [string, string][] = [["client", "gateway"]];
  for (let index = 0; index < size; index += 1) links.push(["gateway", `svc-${index}`]);
  return assemble(`Star of ${size}`, parts, links);
}

/** Width of each layer of `denseDesign`: every service calls every service of the next layer. */
export const DENSE_WIDTH = 4;

/**
 * A client, a gateway and `size` services in layers of DENSE_WIDTH, every service calling every service of
 * the next layer: DENSE_WIDTH^(size / DENSE_WIDTH) request paths from the client.
 */
export function denseDesign(size: number): Design {
  const layers = Math.ceil(size / DENSE_WIDTH);
  const id = (layer: number, slot: number) => `svc-${layer}-${slot}`;
  const parts: Part[] = [
    { id: "client", kind: "client", name: "Browser" },
    { id: "gateway", kind: "api-gateway", name: "Gateway" },
  ];
  const links: [string, string][] = [["client", "gateway"]];
  for (let layer = 0; layer < layers; layer += 1) {
    for (let slot = 0; slot < DENSE_WIDTH; slot += 1) {
      parts.push({ id: id(layer, slot), kind: "service", name: `Service ${layer}.${slot}` });
      if (layer === 0) links.push(["gateway", id(layer, slot)]);
      else for (let caller = 0; caller < DENSE_WIDTH; caller += 1) links.push([id(layer - 1, caller), id(layer, slot)]);
    }
  }
  return assemble(`Dense graph of ${size}`, parts, links);
}

/** A service calling another through `length` forwarders of one kind in a row: deep for every walk that looks through forwarders. */
export function forwarderChainDesign(length: number, kind: "load-balancer" | "rate-limiter" = "load-balancer"): Design {
  const parts: Part[] = [
    { id: "client", kind: "client", name: "Browser" },
    { id: "front", kind: "service", name: "Front" },
    ...Array.from({ length }, (_, index) => ({ id: `fwd-${index}`, kind, name: `Forwarder ${index}` })),
    { id: "back", kind: "service", name: "Back" },
  ];
  const links: [string, string][] = [["client", "front"], ["front", "fwd-0"], [`fwd-${length - 1}`, "back"]];
  for (let index = 1; index < length; index += 1) links.push([`fwd-${index - 1}`, `fwd-${index}`]);
  return assemble(`${length} forwarders in a row`, parts, links);
}

export const SHAPES = { chain: chainDesign, star: starDesign, dense: denseDesign } as const;
export type ShapeName = keyof typeof SHAPES;
