import { role } from "../checks";
import { configure } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { autoscaled, cacheAside, distributedCache, loadBalanced, observed, queued, readReplicas, redundant, ROLES, servesFrom, wafAtEdge } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["Drivers report their location every 4 seconds.", "Riders request a ride and are matched with a nearby driver.", "Trips are recorded and billed."],
  users: "1M daily active riders and 100K drivers online at peak.",
  readWriteRatio: "Write heavy: location updates dominate (about 70 % writes).",
  latency: "Matching under 1 s; location updates acknowledged under 100 ms.",
  consistency: "Strong for trip state (one driver per ride); locations may be seconds stale.",
  availability: "99.99 % during peak hours.",
  scope: "One city region to start, then many regions.",
};

const rideService = role("ride service", ["service"], /ride|trip|match/i);
const locationService = role("location service", ["service"], /location/i);

export const rideSharing: Scenario = {
  id: "ride-sharing",
  title: "Ride sharing",
  difficulty: "hard",
  summary: "Track moving drivers, match riders to the nearest one in under a second and never double-book a driver.",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "update-rate", question: "How often do drivers send their location?", answer: "Every 4 seconds while online." },
    { id: "matching", question: "How near is nearby?", answer: "Within 5 km, nearest first." },
  ],
  capacity: { requestsPerUserPerDay: 60, readShare: 0.3, peakFactor: 4, responseKb: 1, storedPerWriteKb: 0.2, retentionYears: 1, cacheHitRate: 0.5 },
  stages: DEFAULT_STAGES,
  rubric: [
    servesFrom(rideService, ROLES.database, { service: "ride-service", store: "trips-db" }, { title: "Trips kept in a relational database (one driver per ride)" }),
    loadBalanced(ROLES.service),
    cacheAside(locationService, { service: "location-service", cache: "locations" }, { id: "locations-in-memory", title: "Driver locations kept in memory" }),
    queued(rideService, role("billing worker", ["worker", "service"], /bill|payment|receipt/i), { producer: "ride-service", queue: "trip-events" }, { title: "Billing runs off a queue of trip events" }),
    readReplicas(role("trips database", ["database"], /trip/i), "trips-db", { title: "Trip history read from replicas" }),
    wafAtEdge(ROLES.service),
    distributedCache("locations", { title: "Locations sharded over a cache cluster" }),
    autoscaled(locationService, "location-service"),
    redundant(rideService, configure("trips-db", { multiAz: false }), { title: "No single point of failure behind matching" }),
    observed(),
  ],
  hints: [
    { id: "geo", text: "Locations change every few seconds and are read by area: keep them in Redis (GEOADD/GEOSEARCH), not in the database.", cost: 3 },
    { id: "split", text: "Split location ingestion from ride matching: they scale very differently.", cost: 2 },
    { id: "double-booking", text: "Assign a driver in a database transaction so two riders cannot get the same driver.", cost: 3 },
  ],
  reference: webReference({
    name: "Ride sharing (reference answer)",
    description: "Location service on a Redis geo cluster, ride matching with trips in PostgreSQL, billing off a queue.",
    usersRps: 2800,
    // A 10× spike at 1M users sends ~20k requests/s past the CDN, twice 002's ~10k for one load balancer node ("Numbers Matter").
    loadBalancerCapacity: 40_000,
    front: ["ride-service", "location-service"],
    // At 500 requests/s per instance (003 "Performance Optimization") a 10× spike needs ~20 matching and ~40 location instances:
    // auto-scaling adds them (002 "Failure Scenarios").
    services: [
      {
        id: "ride-service",
        kind: "service",
        name: "Ride matching service",
        config: { routes: [{ method: "POST", path: "/api/rides" }], autoscaling: { maxReplicas: 30 } },
      },
      {
        id: "location-service",
        kind: "service",
        name: "Location service",
        config: { routes: [{ method: "PUT", path: "/api/drivers/{id}/location" }], autoscaling: { maxReplicas: 60 } },
      },
    ],
    // Billing consumers scale independently to drain a 10× spike (002 "Async Processing").
    workers: [{ id: "billing-worker", kind: "worker", name: "Billing worker", config: { autoscaling: { maxReplicas: 60 } } }],
    data: [
      // Trip writes reach ~10k QPS in a 10× spike, beyond one primary's ~1k-5k (002 "Numbers Matter"). At 1M users trips are
      // sharded by city (002 "How do you scale from 1K to 10M users": database sharding): this database stands for three
      // PostgreSQL primaries of 4,000 QPS each, every one with its Multi-AZ standby and two read replicas.
      { id: "trips-db", kind: "database", name: "Trips database (3 city shards)", config: { readReplicas: 2, instanceClass: "db.r5.2xlarge", capacityPerInstance: 12_000 } },
      { id: "locations", kind: "cache", name: "Driver locations (Redis geo)", config: { shards: 4, ttlSeconds: 30 } },
      { id: "trip-events", kind: "queue", name: "Trip events" },
    ],
    connections: [
      { source: "ride-service", target: "trips-db" },
      { source: "ride-service", target: "location-service", label: "Nearby drivers" },
      { source: "location-service", target: "locations" },
      { source: "ride-service", target: "trip-events", protocol: "async" },
      { source: "trip-events", target: "billing-worker", protocol: "async" },
    ],
  }),
  referenceNotes:
    "Drivers stream locations to a location service that writes a sharded Redis geo index with a short TTL. Matching asks it for nearby drivers and assigns one " +
    "inside a PostgreSQL transaction on the trips shard of the rider's city. Completed trips publish events; billing happens off the request path.",
};
