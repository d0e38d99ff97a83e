import { describe, expect, it } from "vitest";
import { parseDesign, type Design } from "@/lib/model";
import { applyFix } from "@/lib/rules/run-rules";
import { findTemplate } from "@/lib/templates";
import { diffDesigns } from "./diff";
import { diffAsMarkdown, diffAsText } from "./format-diff";

function template(): Design {
  return structuredClone(findTemplate("three-tier-web-app")!.design);
}

function edited(design: Design, edit: (draft: Design) => void): Design {
  const draft = structuredClone(design);
  edit(draft);
  const parsed = parseDesign(draft);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return parsed.design;
}

describe("diffDesigns", () => {
  it("finds nothing between a design and itself, and nothing when defaults are merely written out", () => {
    const design = template();
    const diff = diffDesigns(design, structuredClone(design));
    expect(diff.design).toEqual([]);
    for (const collection of [diff.components, diff.connections, diff.zones]) expect(collection).toEqual({ added: [], removed: [], changed: [], movedOnly: 0 });
    expect(diff.findings).toEqual({ appeared: [], disappeared: [] });
    expect(diff.simulation.utilisation).toEqual([]);
  });

  it("names added, removed, renamed and changed components with each setting's old and new value", () => {
    const before = template();
    const after = edited(before, (draft) => {
      const app = draft.components.find((component) => component.id === "app")!;
      app.name = "Orders API";
      if (app.kind === "service") app.config.replicas += 2;
      draft.components = draft.components.filter((component) => component.id !== "session-cache");
      draft.connections = draft.connections.filter((connection) => connection.source !== "session-cache" && connection.target !== "session-cache");
      draft.components.push({ ...structuredClone(app), id: "billing", name: "Billing", position: { x: 10, y: 10 } });
      draft.components.find((component) => component.id === "web")!.position.x += 40;
    });
    const diff = diffDesigns(before, after);
    expect(diff.components.added).toEqual([{ id: "billing", name: "Billing", kind: "service" }]);
    expect(diff.components.removed).toEqual([{ id: "session-cache", name: "Session cache (Redis)", kind: "cache" }]);
    const replicas = before.components.find((component) => component.id === "app")!;
    expect(diff.components.changed).toEqual([
      {
        id: "app",
        name: "Orders API",
        kind: "service",
        renamedFrom: "Application tier",
        settings: [{ path: "config.replicas", from: replicas.kind === "service" && replicas.config.replicas, to: replicas.kind === "service" && replicas.config.replicas + 2 }],
      },
    ]);
    expect(diff.components.movedOnly).toBe(1);
    expect(diff.connections.removed.map((connection) => connection.name)).toContain("Application tier → Session cache (Redis)");
  });

  it("lists the findings a change brings and the ones a fix resolves", () => {
    const before = template();
    const after = edited(before, (draft) => {
      const database = draft.components.find((component) => component.id === "app-db")!;
      if (database.kind === "database") database.config.backupRetentionDays = 0;
    });
    const appeared = diffDesigns(before, after).findings.appeared;
    expect(appeared.map((finding) => finding.id)).toContain("database-backups:app-db");
    const fixed = applyFix(after, "database-backups:app-db");
    expect(diffDesigns(after, fixed).findings.disappeared.map((finding) => finding.id)).toContain("database-backups:app-db");
  });

  it("compares the simulation at the same load: fewer instances run hotter", () => {
    const before = template();
    const after = edited(before, (draft) => {
      const app = draft.components.find((component) => component.id === "app")!;
      if (app.kind === "service") {
        app.config.replicas = 1;
        app.config.autoscaling.enabled = false;
      }
    });
    const diff = diffDesigns(before, after, { loadMultiplier: 3 });
    const app = diff.simulation.utilisation.find((change) => change.id === "app");
    expect(diff.simulation.loadMultiplier).toBe(3);
    expect(app && app.to > app.from).toBe(true);
  });
});

describe("diff reports", () => {
  it("say the same in text and Markdown, with names escaped and bidi controls shown", () => {
    const before = template();
    const after = edited(before, (draft) => {
      draft.components.find((component) => component.id === "app")!.name = "*Orders* | API \u202e";
    });
    const diff = diffDesigns(before, after);
    const text = diffAsText(diff);
    expect(text).toContain('~ *Orders* | API ⟨U+202E⟩ (service), renamed from "Application tier"');
    expect(text).toContain("Components: 0 added, 0 removed, 1 changed");
    const markdown = diffAsMarkdown(diff);
    expect(markdown).toContain("### Components");
    expect(markdown).toContain("- **Changed** \\*Orders\\* \\| API ⟨U+202E⟩ (service), renamed from \"Application tier\"");
    expect(markdown).not.toContain("\u202e");
  });
});
