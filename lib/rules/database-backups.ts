import { cite } from "../model";
import { defineRule } from "./support/define-rule";
import { updateConfig } from "./support/edits";
import { listNames } from "./support/format";

/** 003 "Backup Strategy": Retention 7 days, point-in-time recovery. */
const MIN_RETENTION_DAYS = 7;

export const databaseBackups = defineRule({
  id: "database-backups",
  title: "Databases keep backups with point-in-time recovery",
  severity: "error",
  category: "reliability",
  rationale:
    "Replicas copy mistakes as faithfully as data: a bad migration or an accidental DELETE reaches the standby within milliseconds. Only backups kept for days, with point-in-time recovery, let you restore the state from just before the mistake.",
  citations: [cite("003", "Backup Strategy:"), cite("003", "Disaster Recovery")],
  remediation: `Keep automated backups for at least ${MIN_RETENTION_DAYS} days and turn on point-in-time recovery.`,
  detect(design) {
    return design.components.flatMap((component) => {
      const problems: string[] = [];
      if (component.kind === "database") {
        if (component.config.backupRetentionDays < MIN_RETENTION_DAYS) {
          problems.push(component.config.backupRetentionDays === 0 ? "keeps no backups" : `keeps backups only ${component.config.backupRetentionDays} days`);
        }
        if (!component.config.pointInTimeRecovery) problems.push("cannot restore to a point in time");
      } else if (component.kind === "nosql-database" && !component.config.pointInTimeRecovery) {
        problems.push("cannot restore to a point in time");
      }
      if (problems.length === 0) return [];
      return [{ targetId: component.id, message: `${component.name} ${listNames(problems)}.`, componentIds: [component.id] }];
    });
  },
  fix(design, finding) {
    const component = design.components.find((candidate) => candidate.id === finding.targetId);
    if (component?.kind === "nosql-database") return updateConfig(design, component.id, "nosql-database", (config) => ({ ...config, pointInTimeRecovery: true }));
    return updateConfig(design, finding.targetId, "database", (config) => ({
      ...config,
      backupRetentionDays: Math.max(MIN_RETENTION_DAYS, config.backupRetentionDays),
      pointInTimeRecovery: true,
    }));
  },
});
