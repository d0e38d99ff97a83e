import { json, route } from "@/lib/http/api";
import { SCENARIOS } from "@/lib/practice";

export const runtime = "nodejs";

/** The scenario bank: what each scenario asks, without rubrics or reference answers. */
export const GET = route(async () =>
  json({
    scenarios: SCENARIOS.map((scenario) => ({
      id: scenario.id,
      title: scenario.title,
      difficulty: scenario.difficulty,
      summary: scenario.summary,
      requirements: scenario.requirements,
      stages: scenario.stages,
    })),
  }),
);
