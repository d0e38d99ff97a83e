import { buildDesign, type ComponentSpec, type ConnectionSpec } from "./support/build";
import type { Template } from "./support/types";

/** The six services of 004, each with its container port (= target group port) and route prefix. */
const SERVICES = [
  { id: "api1", name: "API1", port: 80, container: "nginx:alpine", route: "/api1" },
  { id: "auth", name: "Auth", port: 3000, container: "auth-app", route: "/auth" },
  { id: "profile", name: "Profile", port: 3001, container: "profile-app", route: "/profile" },
  { id: "messenger", name: "Messenger", port: 3002, container: "messenger-app", route: "/messenger" },
  { id: "finance", name: "Finance", port: 8080, container: "finance-app", route: "/finance/transactions" },
  { id: "share", name: "Share", port: 3004, container: "share-app", route: "/share" },
] as const;

/** HTTP APIs cut an integration off after 30 s, so the chain starts there and shrinks inwards. */
const CLIENT_TIMEOUT_MS = 30_000;
const VPC_LINK_TIMEOUT_MS = 29_000;
const TARGET_TIMEOUT_MS = 25_000;

const serviceComponents: ComponentSpec[] = SERVICES.flatMap((service, row): ComponentSpec[] => [
  {
    id: `${service.id}-alb`,
    kind: "load-balancer",
    name: `${service.name} ALB (internal :80)`,
    zoneId: "private-subnets",
    at: [2, row],
    config: { scheme: "internal", listenerPort: 80, tls: false, httpsRedirect: false },
  },
  {
    id: service.id,
    kind: "service",
    name: `${service.name} (${service.container} :${service.port})`,
    zoneId: "private-subnets",
    at: [3, row],
    config: {
      port: service.port,
      replicas: 2,
      autoscaling: { enabled: true, minReplicas: 2, maxReplicas: 10, cpuTargetPercent: 70, memoryTargetPercent: 70 },
      routes: [{ method: "GET", path: service.route }],
    },
  },
]);

const serviceConnections: ConnectionSpec[] = SERVICES.flatMap((service): ConnectionSpec[] => [
  {
    source: "api-gateway",
    target: `${service.id}-alb`,
    timeoutMs: VPC_LINK_TIMEOUT_MS,
    tls: false,
    pathPrefix: `/${service.id}/{proxy+}`,
    label: `ANY /${service.id}/{proxy+} via VPC Link`,
  },
  { source: `${service.id}-alb`, target: service.id, timeoutMs: TARGET_TIMEOUT_MS, tls: false, label: `Target group :${service.port}` },
  { source: service.id, target: "cloudwatch", protocol: "async", label: "Logs, Container Insights" },
]);

export const apiGatewayEcs: Template = {
  id: "api-gateway-ecs",
  title: "API Gateway with a VPC link to six ECS services",
  description:
    "One shared HTTP API routes by path prefix (/api1, /auth, /profile, /messenger, /finance, /share) through a VPC link to six " +
    "services, each behind its own internal ALB on :80 and running on ECS Fargate with 2-10 tasks that scale on CPU and memory " +
    "between 30 % and 70 % (004 \"Auto-scale: CPU/Memory 30%-70%\"); throttling 10000/sec with a 5000 burst, CORS on, " +
    "CloudWatch logs and Container Insights. Timeouts start at the 30 s an HTTP API allows an integration and shrink inwards. " +
    "Left open as in the source: no WAF in front of the public API and no authorizer on its routes; the internal ALBs listen " +
    "on plain HTTP :80, so the hops from the VPC link to the ALBs and on to the tasks are unencrypted; CloudWatch collects logs and Container Insights metrics but no traces. The public subnets hold only the " +
    "NAT gateway, which has no component kind.",
  source: { doc: "004", label: "AWS API Gateway (Shared - HTTP API) with VPC Link to ECS Fargate services" },
  openFindings: ["gateway-authentication", "internal-tls", "observability-reachable", "waf-before-public-entry"],
  design: buildDesign({
    name: "API Gateway with a VPC link to six ECS services",
    description: "Seed 004: a shared HTTP API, a VPC link, and six services each behind its own internal ALB on ECS Fargate.",
    settings: { cloudRegion: "us-east-1", computePlatform: "ecs-fargate" },
    zones: [
      { id: "us-east-1", kind: "region", name: "us-east-1", code: "us-east-1" },
      { id: "vpc", kind: "vpc", name: "VPC (10.0.0.0/16)", parentId: "us-east-1", cidr: "10.0.0.0/16" },
      { id: "private-subnets", kind: "private-subnet", name: "Private subnets (multiple AZs)", parentId: "vpc" },
      { id: "public-subnets", kind: "public-subnet", name: "Public subnets (NAT gateway)", parentId: "vpc", at: [2, 6.5] },
    ],
    components: [
      { id: "clients", kind: "client", name: "Internet / external clients", at: [0, 2.5] },
      {
        id: "api-gateway",
        kind: "api-gateway",
        name: "API Gateway (shared HTTP API)",
        zoneId: "us-east-1",
        at: [1, 2.5],
        config: { authentication: "none", throttleRatePerSecond: 10_000, throttleBurst: 5000, vpcLink: true, cors: true, tls: true },
      },
      ...serviceComponents,
      {
        id: "cloudwatch",
        kind: "observability",
        name: "CloudWatch (logs, Container Insights, alarms)",
        zoneId: "us-east-1",
        at: [4, 2.5],
        config: { metrics: true, logs: true, traces: false, alerts: true, cpuAlarmPercent: 70 },
      },
    ],
    connections: [
      { source: "clients", target: "api-gateway", timeoutMs: CLIENT_TIMEOUT_MS, label: "HTTPS" },
      ...serviceConnections,
      { source: "api-gateway", target: "cloudwatch", protocol: "async", label: "API Gateway access logs" },
    ],
  }),
};
