import type { ComponentStatus } from "./types";

/** 002 "Failure Scenarios": autoscaling triggers at CPU > 70 %; past it a component is busy, past 100 % overloaded. */
export const BUSY_UTILISATION = 0.7;

export function componentStatus(failed: boolean, offeredRps: number, utilisation: number): ComponentStatus {
  if (failed) return "failed";
  if (offeredRps <= 1e-9) return "idle";
  if (utilisation > 1 + 1e-9) return "overloaded";
  if (utilisation >= BUSY_UTILISATION) return "busy";
  return "ok";
}
