import type { ClarifyingQuestion, Requirements } from "./types";

/** The five questions of 002 "Start with Requirements", answered from a scenario's requirements. */
export function standardQuestions(requirements: Requirements): ClarifyingQuestion[] {
  return [
    { id: "users", question: "Expected users?", answer: requirements.users },
    { id: "read-write", question: "Read/write ratio?", answer: requirements.readWriteRatio },
    { id: "latency", question: "Latency requirements?", answer: requirements.latency },
    { id: "consistency", question: "Consistency needs? (eventual OK? or strong?)", answer: requirements.consistency },
    { id: "scope", question: "Global or regional?", answer: requirements.scope },
    { id: "availability", question: "How available must it be?", answer: requirements.availability },
  ];
}
