import { calls, role } from "../checks";
import { configure, disconnect } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { cdnInFront, loadBalanced, observed, queued, readReplicas, redundant, ROLES, servesFrom, wafAtEdge } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import { cite } from "../../model";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["Upload files up to 5 GB.", "Download and share files by link.", "Scan uploads for malware and make thumbnails."],
  users: "1M daily active users, 10 uploads and 50 downloads each per week.",
  readWriteRatio: "5 downloads per upload.",
  latency: "Metadata calls under 200 ms; downloads start within 1 s.",
  consistency: "Strong for metadata (a file is either there or not); thumbnails may lag.",
  availability: "99.9 %, and 11 nines of durability for file contents.",
  scope: "Global downloads, one region for storage.",
};

const fileService = role("file service", ["service"], /file|upload|storage/i);

export const fileStorage: Scenario = {
  id: "file-storage",
  title: "File storage",
  difficulty: "medium",
  summary: "Dropbox-like storage: metadata in a database, contents in object storage, processing off the upload path.",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "size", question: "How large are files?", answer: "Average 2 MB, up to 5 GB." },
    { id: "sharing", question: "Are shared links public?", answer: "Anyone with the link may download; links can expire." },
  ],
  capacity: { requestsPerUserPerDay: 9, readShare: 0.83, peakFactor: 3, responseKb: 2048, storedPerWriteKb: 2048, retentionYears: 3, cacheHitRate: 0.8 },
  stages: DEFAULT_STAGES,
  rubric: [
    servesFrom(fileService, ROLES.database, { service: "file-service", store: "metadata-db" }, { title: "File metadata in a database" }),
    {
      id: "contents-in-object-storage",
      title: "File contents in object storage",
      points: 10,
      category: "reliability",
      stage: "1k",
      explanation: "Blobs do not belong in a database: object storage is cheap, durable and serves large files well.",
      reference: "The file service stores contents in S3 and keeps only metadata in PostgreSQL.",
      check: calls(fileService, ROLES.objectStorage),
      breaks: disconnect("file-service", "blobs"),
      citation: cite("000", "S3"),
    },
    loadBalanced(fileService),
    cdnInFront(fileService, { title: "Downloads served from a CDN" }),
    queued(fileService, role("scan and thumbnail worker", ["worker", "service"], /scan|thumb|process/i), { producer: "file-service", queue: "upload-events" }, { title: "Scanning and thumbnails off the upload path" }),
    readReplicas(ROLES.database, "metadata-db"),
    wafAtEdge(fileService),
    redundant(fileService, configure("metadata-db", { multiAz: false })),
    observed(),
  ],
  hints: [
    { id: "blobs", text: "Put file contents in object storage; the database holds names, owners and object keys.", cost: 3 },
    { id: "processing", text: "Malware scans and thumbnails take seconds: queue them after the upload completes.", cost: 2 },
    { id: "downloads", text: "Downloads are large and repeated: a CDN in front saves bandwidth and latency.", cost: 2 },
  ],
  reference: webReference({
    name: "File storage (reference answer)",
    description: "Metadata in PostgreSQL, contents in S3 behind a CDN, scanning and thumbnails through a queue.",
    usersRps: 320,
    front: ["file-service"],
    services: [{ id: "file-service", kind: "service", name: "File service", config: { routes: [{ method: "POST", path: "/api/files" }, { method: "GET", path: "/api/files/{id}" }] } }],
    workers: [{ id: "scan-worker", kind: "worker", name: "Scan and thumbnail worker" }],
    data: [
      { id: "metadata-db", kind: "database", name: "Metadata database", config: { readReplicas: 1 } },
      { id: "blobs", kind: "object-storage", name: "File contents (S3)" },
      { id: "upload-events", kind: "queue", name: "Upload events" },
    ],
    connections: [
      { source: "file-service", target: "metadata-db" },
      { source: "file-service", target: "blobs" },
      { source: "file-service", target: "upload-events", protocol: "async" },
      { source: "upload-events", target: "scan-worker", protocol: "async" },
      { source: "scan-worker", target: "blobs" },
    ],
  }),
  referenceNotes:
    "The file service records metadata in PostgreSQL and stores contents in S3 (large uploads go in parts). An upload event queues scanning and thumbnails. " +
    "Downloads go through the CDN; metadata reads use a replica.",
};
