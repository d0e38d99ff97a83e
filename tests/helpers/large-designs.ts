import { LIMITS, SCHEMA_VERSION } from "../../lib/model";

/**
 * Raw design documents (what a client posts) at the sizes the schema allows, for the robustness suite and the
 * linear-growth checks. Kept minimal on purpose: every setting a document may omit is omitted, as a careful
 * client would send it.
 */

interface RawComponent {
  id: string;
  kind: "client" | "service";
  name: string;
  position: { x: number; y: number };
}

interface RawConnection {
  id: string;
  source: string;
  target: string;
  protocol: "http";
  timeoutMs: number;
  retry?: { enabled: true; maxRetries: number };
}

interface RawAnnotation {
  id: string;
  kind: "note";
  text: string;
  position: { x: number; y: number };
  size: { width: number; height: number };
}

export interface RawDesign {
  schemaVersion: number;
  name: string;
  components: RawComponent[];
  connections: RawConnection[];
  annotations?: RawAnnotation[];
}

const service = (index: number): RawComponent => ({
  id: `s${index}`,
  kind: "service",
  name: `Service ${index}`,
  position: { x: (index % 100) * 220, y: Math.floor(index / 100) * 140 },
});

/**
 * A client calling service 0, which calls service 1, … up to `length` services in one line, every hop retrying
 * three times: the shape whose retry findings once copied the whole upstream chain into every finding. The
 * longest chain the schema allows is `LIMITS.components - 1` services (the client is a component too).
 */
export function retryChain(length: number): RawDesign {
  const components: RawComponent[] = [{ id: "client", kind: "client", name: "Browser", position: { x: -220, y: 0 } }];
  const connections: RawConnection[] = [{ id: "c-entry", source: "client", target: "s0", protocol: "http", timeoutMs: 60_000 }];
  for (let index = 0; index < length; index += 1) {
    components.push(service(index));
    if (index > 0) {
      connections.push({
        id: `c${index}`,
        source: `s${index - 1}`,
        target: `s${index}`,
        protocol: "http",
        timeoutMs: 30_000,
        retry: { enabled: true, maxRetries: 3 },
      });
    }
  }
  return { schemaVersion: SCHEMA_VERSION, name: `Retry chain of ${length}`, components, connections };
}

/**
 * The largest design the schema accepts: `LIMITS.components` services and `LIMITS.connections` calls, each
 * service calling the next four (mod the count), so every pair is distinct and the graph is dense with cycles,
 * and `LIMITS.annotations` notes of a few lines each.
 */
export function largestDesign(): RawDesign {
  const count = LIMITS.components;
  const fanOut = LIMITS.connections / count;
  const components = Array.from({ length: count }, (_, index) => service(index));
  const connections: RawConnection[] = [];
  for (let index = 0; index < count; index += 1) {
    for (let step = 1; step <= fanOut; step += 1) {
      connections.push({ id: `c${index}-${step}`, source: `s${index}`, target: `s${(index + step) % count}`, protocol: "http", timeoutMs: 30_000 });
    }
  }
  const annotations = Array.from({ length: LIMITS.annotations }, (_, index) => ({
    id: `note-${index}`,
    kind: "note" as const,
    text: `Note ${index}: check the retry budget\nwith the team`,
    position: { x: (index % 50) * 240, y: -400 - Math.floor(index / 50) * 160 },
    size: { width: 200, height: 120 },
  }));
  return { schemaVersion: SCHEMA_VERSION, name: "Largest allowed design", components, connections, annotations };
}
