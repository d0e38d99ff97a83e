import { apiGatewayEcs } from "./api-gateway-ecs";
import { distributedSystem } from "./distributed-system";
import { eksFullStack } from "./eks-full-stack";
import { eventDrivenOrders } from "./event-driven-orders";
import { fastapiPostgresKubernetes } from "./fastapi-postgres-kubernetes";
import { httpsRequestJourney } from "./https-request-journey";
import { readHeavyApi } from "./read-heavy-api";
import { threeTierWebApp } from "./three-tier-web-app";
import { urlShortener } from "./url-shortener";
import { websocketChat } from "./websocket-chat";
import { ruleById } from "../rules";
import type { Template, TemplateSummary } from "./support/types";

/** Every template, sorted by id. Adding one: lib/templates/<id>.ts and a line here. */
export const TEMPLATES: readonly Template[] = [
  apiGatewayEcs,
  distributedSystem,
  eksFullStack,
  eventDrivenOrders,
  fastapiPostgresKubernetes,
  httpsRequestJourney,
  readHeavyApi,
  threeTierWebApp,
  urlShortener,
  websocketChat,
];

const byId = new Map(TEMPLATES.map((template) => [template.id, template]));

export function findTemplate(id: string): Template | undefined {
  return byId.get(id);
}

export function templateSummary(template: Template): TemplateSummary {
  return {
    id: template.id,
    title: template.title,
    description: template.description,
    source: template.source,
    componentCount: template.design.components.length,
    connectionCount: template.design.connections.length,
    openFindings: template.openFindings.map((ruleId) => ({ ruleId, title: ruleById(ruleId)?.title ?? ruleId })),
  };
}

export function templateSummaries(): TemplateSummary[] {
  return TEMPLATES.map(templateSummary);
}

export type { OpenFindingSummary, Template, TemplateSource, TemplateSummary } from "./support/types";
