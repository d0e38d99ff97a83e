import type { Design, SeedDocument } from "../../model";

/** Where a template comes from: one of the seed write-ups in docs/seeds/, or a well-known pattern. */
export interface TemplateSource {
  doc?: SeedDocument;
  /** Human-readable origin, e.g. the seed document's title. */
  label: string;
}

export interface Template {
  /** Equals the template's file name in lib/templates/. */
  id: string;
  title: string;
  /** One paragraph; names every finding the source itself leaves open. */
  description: string;
  source: TemplateSource;
  /**
   * Ids of rules whose findings the source document leaves open on purpose (it deviates from best
   * practice there). The description explains each one, so the gallery never hides them.
   */
  openFindings: readonly string[];
  design: Design;
}

/** A finding the source leaves open, as the gallery lists it. */
export interface OpenFindingSummary {
  ruleId: string;
  title: string;
}

/** What the gallery and the template list show before a template is opened. */
export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
  source: TemplateSource;
  componentCount: number;
  connectionCount: number;
  openFindings: OpenFindingSummary[];
}
