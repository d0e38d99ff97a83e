import type { ComponentKind } from "../../catalog";
import { enclosingZone, internetExposure, unprotectedTraffic, type DesignGraph } from "../../graph";
import type { Component } from "../../model";
import { defineRule } from "../support/define-rule";
import { listNames } from "../support/format";
import type { Rule } from "../support/types";
import type { CustomCondition, CustomRule } from "./schema";

function settingAt(component: Component, path: string): unknown {
  let value: unknown = component.config;
  for (const key of path.split(".")) value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** Why a component fails a condition, or undefined when it holds. */
function failure(condition: CustomCondition, component: Component, graph: DesignGraph, frontedBy: (kinds: readonly ComponentKind[]) => ReadonlySet<string>): string | undefined {
  if ("setting" in condition) {
    const value = settingAt(component, condition.setting);
    const shown = value === undefined ? "not set" : JSON.stringify(value);
    if (condition.atLeast !== undefined && !(typeof value === "number" && value >= condition.atLeast)) return `${condition.setting} is ${shown}, not at least ${condition.atLeast}`;
    if (condition.atMost !== undefined && !(typeof value === "number" && value <= condition.atMost)) return `${condition.setting} is ${shown}, not at most ${condition.atMost}`;
    if (condition.equals !== undefined && value !== condition.equals) return `${condition.setting} is ${shown}, not ${JSON.stringify(condition.equals)}`;
    if (condition.oneOf !== undefined && !condition.oneOf.some((option) => option === value)) return `${condition.setting} is ${shown}, not one of ${condition.oneOf.map((option) => JSON.stringify(option)).join(", ")}`;
    return undefined;
  }
  if ("frontedBy" in condition) return frontedBy(condition.frontedBy).has(component.id) ? `internet traffic reaches it without passing ${listNames(condition.frontedBy)}` : undefined;
  if ("calls" in condition) {
    const calls = graph.outgoing(component.id).some((connection) => (condition.calls as readonly string[]).includes(graph.component(connection.target).kind));
    return calls ? undefined : `it calls no ${listNames(condition.calls)}`;
  }
  if ("calledOnlyBy" in condition) {
    const others = graph.incoming(component.id).filter((connection) => !(condition.calledOnlyBy as readonly string[]).includes(graph.component(connection.source).kind));
    return others.length === 0 ? undefined : `it is called by ${listNames(others.map((connection) => graph.name(connection.source)))}`;
  }
  if ("reachableFromInternet" in condition) {
    const reached = internetExposure(graph).reached.has(component.id);
    return reached === condition.reachableFromInternet ? undefined : reached ? "internet traffic reaches it" : "internet traffic does not reach it";
  }
  return enclosingZone(graph, component.id, condition.inZoneKind) ? undefined : `it is not inside a ${condition.inZoneKind}`;
}

/** A rule written as data, checked like a built-in one: one finding per matching component that fails a condition. */
export function ruleFromData(definition: CustomRule): Rule {
  const nameMatches = definition.when.nameMatches === undefined ? undefined : new RegExp(definition.when.nameMatches);
  const kinds = new Set<string>(definition.when.kinds);
  return defineRule({
    id: definition.id,
    title: definition.title,
    severity: definition.severity,
    category: definition.category,
    rationale: definition.source ? `${definition.rationale} (${definition.source})` : definition.rationale,
    remediation: definition.remediation,
    citations: [],
    detect(design, { graph }) {
      const exposedBy = new Map<string, ReadonlySet<string>>();
      const frontedBy = (by: readonly ComponentKind[]) => {
        const key = [...by].sort().join(",");
        let exposed = exposedBy.get(key);
        if (!exposed) {
          exposed = new Set(unprotectedTraffic(graph, { kinds: definition.when.kinds, by }).exposed.map((entry) => entry.component.id));
          exposedBy.set(key, exposed);
        }
        return exposed;
      };
      return design.components.flatMap((component) => {
        if (!kinds.has(component.kind) || (nameMatches && !nameMatches.test(component.name))) return [];
        const reasons = definition.require.map((condition) => failure(condition, component, graph, frontedBy)).filter((reason): reason is string => reason !== undefined);
        return reasons.length === 0 ? [] : [{ targetId: component.id, message: `${component.name}: ${listNames(reasons)}.`, componentIds: [component.id] }];
      });
    },
  });
}
