import { PracticeSessionConflictError, SessionFinishedError, UnknownScenarioError } from "@/lib/db/practice-sessions";
import { HttpError } from "@/lib/http/api";
import { PracticeEventError } from "@/lib/practice";

/** Turns the practice repository's refusals into HTTP errors the shared route wrapper knows how to send. */
export async function practiceErrors<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof UnknownScenarioError || error instanceof PracticeEventError) throw new HttpError(422, error.message);
    if (error instanceof SessionFinishedError || error instanceof PracticeSessionConflictError) throw new HttpError(409, error.message);
    throw error;
  }
}
