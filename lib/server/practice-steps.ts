import type { PracticeSteps } from "@/lib/db/practice-sessions";
import { PracticeEventError } from "@/lib/practice";
import { jobPool } from "./job-pool";

/** Practice steps computed in the worker pool, so a drill or a final score never holds the request thread. */
export const POOLED_PRACTICE_STEPS: PracticeSteps = {
  async apply(scenarioId, state, event, at) {
    const answer = await jobPool().run("practice-event", { scenarioId, state, event, at });
    if (answer.status === "refused") throw new PracticeEventError(answer.message);
    return answer.result;
  },
  finish: (scenarioId, state, design, timing) => jobPool().run("practice-finish", { scenarioId, state, design, timing }),
};
