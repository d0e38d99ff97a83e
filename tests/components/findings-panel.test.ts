import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FindingsPanel, worstSeverityByTarget } from "@/components/findings/FindingsPanel";
import { runRules } from "@/lib/rules/run-rules";
import { compliantStack, designBuilder } from "@/tests/helpers/design-builder";
import type { Finding } from "@/lib/rules/support/types";

const noop = () => undefined;
const handlers = { onSelect: noop, onFix: noop, onAcknowledge: noop, onUnacknowledge: noop };

/** No WAF (error, security), no rate limit (warning, security), a lone cache (warning, operations), one acknowledged error. */
const design = designBuilder()
  .component("client", "web", { name: "Web client" })
  .component("load-balancer", "lb", { name: "Public LB" })
  .component("service", "orders", { name: "Orders" })
  .component("cache", "old-cache", { name: "Old cache" })
  .component("database", "db", { name: "Orders DB", config: { multiAz: false } })
  .component("secrets-manager", "secrets")
  .component("observability", "obs")
  .connect("web", "lb")
  .connect("lb", "orders")
  .connect("orders", "db")
  .connect("orders", "secrets")
  .connect("orders", "obs")
  .acknowledge("database-multi-az", "db", "Dev environment")
  .build();

function render(findings: readonly Finding[], scores = runRules(design).scores): string {
  return renderToStaticMarkup(createElement(FindingsPanel, { findings, scores, ...handlers }));
}

describe("FindingsPanel", () => {
  const { findings, scores } = runRules(design);
  const html = render(findings, scores);

  it("groups by severity, then category", () => {
    const order = ["Errors", "Warnings", "Security", "Operations"].map((text) => html.indexOf(`>${text}`));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(html.indexOf(">Errors")).toBeLessThan(html.indexOf(">Warnings"));
    const warnings = html.slice(html.indexOf(">Warnings"));
    expect(warnings.indexOf(">Security")).toBeLessThan(warnings.indexOf(">Operations"));
  });

  it("shows each finding's title, message, rationale and citation, with a Fix button when fixable", () => {
    const waf = html.slice(html.indexOf('data-finding-id="waf-before-public-entry:lb"'));
    const item = waf.slice(0, waf.indexOf("</li>"));
    expect(item).toContain("Internet traffic passes a WAF before the load balancer or gateway");
    expect(item).toContain("Requests reach Public LB from the internet without passing a WAF (Web client → Public LB).");
    expect(item).toContain("Why it matters");
    expect(item).toContain("Source: seed 002, &quot;Defense in Depth&quot;");
    expect(item).toContain(">Fix</button>");
    expect(item).toContain(">Acknowledge…</button>");
    const dangling = html.slice(html.indexOf('data-finding-id="dangling-component:old-cache"'));
    expect(dangling.slice(0, dangling.indexOf("</li>"))).not.toContain(">Fix</button>");
  });

  it("shows acknowledged findings with their reason and a way to reopen them", () => {
    const item = html.slice(html.indexOf('data-finding-id="database-multi-az:db"'));
    const body = item.slice(0, item.indexOf("</li>"));
    expect(body).toContain("Acknowledged:</strong> Dev environment");
    expect(body).toContain(">Reopen</button>");
    expect(body).not.toContain(">Fix</button>");
  });

  it("shows every score with its computation on hover", () => {
    expect(html).toContain(`title="${scores.explanation}"`);
    expect(html).toContain(`title="${scores.categories.security.explanation}"`);
    expect(html).toContain(`<strong>${scores.categories.security.score}</strong>`);
  });

  it("says so when there is nothing to report", () => {
    const clean = runRules(compliantStack().build());
    expect(render(clean.findings, clean.scores)).toContain("No findings: this design follows every rule.");
  });
});

describe("worstSeverityByTarget", () => {
  it("keeps the most severe open finding per target, ignoring acknowledged ones", () => {
    const finding = (targetId: string, severity: Finding["severity"], acknowledged = false) =>
      ({ targetId, severity, ...(acknowledged ? { acknowledgement: { reason: "ok" } } : {}) }) as Finding;
    const worst = worstSeverityByTarget([
      finding("lb", "info"),
      finding("lb", "error"),
      finding("lb", "warning"),
      finding("db", "error", true),
      finding("db", "warning"),
      finding("cache", "error", true),
    ]);
    expect(Object.fromEntries(worst)).toEqual({ lb: "error", db: "warning" });
  });
});
