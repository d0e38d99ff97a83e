import type { ComponentKind } from "../catalog";
import { cite, type Citation } from "../model";

/** What a request goes through at each kind of hop, named after the phases and layers of seeds 000 and 001. */
export interface JourneyPhase {
  label: string;
  source: Citation;
}

export const JOURNEY_PHASES: Record<ComponentKind, JourneyPhase> = {
  client: { label: "The request leaves the user's device", source: cite("001", "Layer 1: User Device (UAE)") },
  dns: { label: "DNS resolution", source: cite("000", "PHASE 1: DNS RESOLUTION") },
  cdn: { label: "Connection to the edge: TLS and the edge cache", source: cite("000", "PHASE 2: CONNECTION ESTABLISHMENT") },
  waf: { label: "Security filtering", source: cite("000", "PHASE 3: REQUEST PROCESSING") },
  "rate-limiter": { label: "Rate limiting", source: cite("000", "PHASE 3: REQUEST PROCESSING") },
  "load-balancer": { label: "Load balancing", source: cite("001", "Layer 6: Kubernetes Service (Load Balancing)") },
  "api-gateway": { label: "Authentication and routing", source: cite("000", "PHASE 3: REQUEST PROCESSING") },
  "reverse-proxy": { label: "Ingress routing", source: cite("001", "Layer 5: Kubernetes Ingress/Service Entry Point") },
  service: { label: "Application logic", source: cite("001", "Layer 8: FastAPI Application Logic") },
  worker: { label: "Background processing", source: cite("002", "Async Processing") },
  cache: { label: "Cache lookup", source: cite("002", "Caching Strategy") },
  database: { label: "Database query", source: cite("001", "Layer 9: Database Connection (FastAPI → PostgreSQL)") },
  "nosql-database": { label: "Database query", source: cite("001", "Layer 9: Database Connection (FastAPI → PostgreSQL)") },
  "object-storage": { label: "Object storage read", source: cite("000", "PHASE 3: REQUEST PROCESSING") },
  queue: { label: "Publish to the queue", source: cite("002", "Async Processing") },
  observability: { label: "Telemetry", source: cite("000", "PHASE 5: OBSERVABILITY (Throughout the Request)") },
  "secrets-manager": { label: "Secrets lookup", source: cite("002", "SECURITY & CONFIGURATION") },
};
