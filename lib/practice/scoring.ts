import { graphOf } from "../graph";
import { formatCitation, type Design } from "../model";
import { CATEGORIES, type Category } from "../rules";
import { runRules, type CategoryScore } from "../rules/run-rules";
import { stageIndex } from "./stages";
import type { RubricItem, Scenario } from "./types";

export interface ItemScore {
  id: string;
  title: string;
  category: Category;
  stage: string;
  points: number;
  earned: number;
  passed: boolean;
  /** Why the item matters. */
  explanation: string;
  /** How the reference answer satisfies it. */
  reference: string;
  /** What the check saw in this design. */
  detail: string;
  source?: string;
}

export interface RubricScore {
  items: ItemScore[];
  earned: number;
  max: number;
}

export interface CategoryResult {
  category: Category;
  /** Rubric points in this category. */
  earned: number;
  max: number;
  /** The best-practice rules' score of the design in this category (lib/rules); null when nothing is drawn to judge. */
  rules: CategoryScore | null;
  explanation: string;
}

/** Rubric items that count at a stage: those of that stage and every stage before it. */
export function rubricAt(scenario: Scenario, stageId: string): RubricItem[] {
  const reached = stageIndex(scenario.stages, stageId);
  return scenario.rubric.filter((item) => {
    const index = stageIndex(scenario.stages, item.stage);
    return index >= 0 && index <= reached;
  });
}

export function finalStage(scenario: Scenario): string {
  return scenario.stages[scenario.stages.length - 1].id;
}

export function scoreRubric(scenario: Scenario, design: Design, stageId = finalStage(scenario)): RubricScore {
  const graph = graphOf(design);
  const items = rubricAt(scenario, stageId).map((item): ItemScore => {
    const result = item.check(graph);
    return {
      id: item.id,
      title: item.title,
      category: item.category,
      stage: item.stage,
      points: item.points,
      earned: result.passed ? item.points : 0,
      passed: result.passed,
      explanation: item.explanation,
      reference: item.reference,
      detail: result.detail,
      ...(item.citation ? { source: formatCitation(item.citation) } : {}),
    };
  });
  return { items, earned: items.reduce((sum, item) => sum + item.earned, 0), max: items.reduce((sum, item) => sum + item.points, 0) };
}

/** Rubric points per rule category, beside the rules engine's own score of the design in that category. */
export function scoreCategories(rubric: RubricScore, design: Design): CategoryResult[] {
  // An empty canvas breaks no rule, but it has not earned a best-practice score either.
  const rules = design.components.length > 0 ? runRules(design).scores.categories : null;
  return CATEGORIES.map((category) => {
    const items = rubric.items.filter((item) => item.category === category);
    const earned = items.reduce((sum, item) => sum + item.earned, 0);
    const max = items.reduce((sum, item) => sum + item.points, 0);
    const rubricText =
      max === 0 ? "The rubric has no items in this category." : `Rubric: ${earned} of ${max} points from ${items.filter((item) => item.passed).length} of ${items.length} items.`;
    const rulesText = rules ? rules[category].explanation : "nothing drawn to check.";
    return { category, earned, max, rules: rules?.[category] ?? null, explanation: `${rubricText} Best-practice rules: ${rulesText}` };
  });
}
