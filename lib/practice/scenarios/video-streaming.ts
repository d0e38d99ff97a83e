import { calls, role } from "../checks";
import { configure, disconnect } from "../mutations";
import { standardQuestions } from "../questions";
import { webReference } from "../reference";
import { autoscaled, cacheAside, cdnInFront, loadBalanced, observed, queued, rateLimited, redundant, ROLES, servesFrom, sharded } from "../rubric-items";
import { DEFAULT_STAGES } from "../stages";
import { cite } from "../../model";
import type { Requirements, Scenario } from "../types";

const requirements: Requirements = {
  functional: ["Creators upload videos.", "Videos are transcoded into several resolutions.", "Viewers stream with adaptive bitrate and see view counts."],
  users: "1M daily viewers watching 5 videos each; 1 in 1000 uploads.",
  readWriteRatio: "Overwhelmingly reads: 1000 views per upload.",
  latency: "Playback starts within 2 s; metadata under 200 ms.",
  consistency: "Eventual for view counts and recommendations.",
  availability: "99.95 % for playback.",
  scope: "Global viewers.",
};

const videoService = role("video service", ["service"], /video|playback|watch/i);
const uploadService = role("upload service", ["service"], /upload/i);

export const videoStreaming: Scenario = {
  id: "video-streaming",
  title: "Video streaming",
  difficulty: "hard",
  summary: "Upload, transcode and stream video worldwide: segments from a CDN, transcoding through a queue, metadata at scale.",
  requirements,
  questions: [
    ...standardQuestions(requirements),
    { id: "formats", question: "Which resolutions?", answer: "240p to 1080p, HLS segments of 4 s." },
    { id: "size", question: "How long are videos?", answer: "Average 10 minutes, about 500 MB uploaded." },
  ],
  capacity: { requestsPerUserPerDay: 60, readShare: 0.99, peakFactor: 3, responseKb: 1024, storedPerWriteKb: 512_000, retentionYears: 5, cacheHitRate: 0.9 },
  stages: DEFAULT_STAGES,
  rubric: [
    servesFrom(videoService, ROLES.anyDatabase, { service: "video-service", store: "video-metadata" }, { title: "Video metadata in a database" }),
    {
      id: "uploads-in-object-storage",
      title: "Uploads land in object storage",
      points: 10,
      category: "reliability",
      stage: "1k",
      explanation: "Raw and transcoded video is blob data: object storage holds it durably and cheaply, and the CDN pulls from it.",
      reference: "The upload service writes the original to S3; transcoders write segments back.",
      check: calls(uploadService, ROLES.objectStorage),
      breaks: disconnect("upload-service", "videos"),
      citation: cite("000", "S3"),
    },
    cdnInFront(videoService, { stage: "10k", points: 10, title: "Video segments streamed from a CDN" }),
    loadBalanced(ROLES.service),
    queued(uploadService, role("transcoder", ["worker", "service"], /transcod|encod/i), { producer: "upload-service", queue: "transcode-jobs" }, { title: "Transcoding through a job queue" }),
    cacheAside(videoService, { service: "video-service", cache: "metadata-cache" }, { title: "Hot metadata cached" }),
    rateLimited(ROLES.service),
    sharded(role("metadata store", ["nosql-database"], /metadata|video/i), "video-metadata"),
    autoscaled(videoService, "video-service"),
    redundant(videoService, configure("metadata-cache", { automaticFailover: false })),
    observed(),
  ],
  hints: [
    { id: "cdn", text: "Viewers never stream from your servers: the CDN serves HLS segments pulled from object storage.", cost: 3 },
    { id: "transcode", text: "Transcoding takes minutes: the upload service queues a job per video; workers scale on queue depth.", cost: 3 },
    { id: "naming", text: "Name the services Video service and Upload service, and the worker Transcoder.", cost: 1 },
  ],
  reference: webReference({
    name: "Video streaming (reference answer)",
    description: "Uploads to S3, transcoding workers fed by a queue, playback metadata in DynamoDB behind Redis, segments from the CDN.",
    usersRps: 2100,
    front: ["video-service", "upload-service"],
    services: [
      { id: "video-service", kind: "service", name: "Video service", config: { routes: [{ method: "GET", path: "/api/videos/{id}" }] } },
      { id: "upload-service", kind: "service", name: "Upload service", config: { routes: [{ method: "POST", path: "/api/uploads" }] } },
    ],
    workers: [{ id: "transcoder", kind: "worker", name: "Transcoder", config: { replicas: 4 } }],
    data: [
      { id: "video-metadata", kind: "nosql-database", name: "Video metadata (DynamoDB)", config: { shards: 6 } },
      { id: "metadata-cache", kind: "cache", name: "Metadata cache" },
      { id: "videos", kind: "object-storage", name: "Videos and segments (S3)" },
      { id: "transcode-jobs", kind: "queue", name: "Transcode jobs" },
    ],
    connections: [
      { source: "video-service", target: "metadata-cache" },
      { source: "video-service", target: "video-metadata" },
      { source: "upload-service", target: "videos" },
      { source: "upload-service", target: "video-metadata" },
      { source: "upload-service", target: "transcode-jobs", protocol: "async" },
      { source: "transcode-jobs", target: "transcoder", protocol: "async" },
      { source: "transcoder", target: "videos" },
    ],
  }),
  referenceNotes:
    "Uploads go straight to S3 and queue a transcode job; transcoders write HLS renditions back to S3. Players fetch a manifest from the video service " +
    "(metadata in a sharded DynamoDB table behind Redis) and stream segments from the CDN, which pulls from S3.",
};
