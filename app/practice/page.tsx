import type { Metadata } from "next";
import { ScenarioBank } from "@/components/practice/ScenarioBank";

export const metadata: Metadata = { title: "Interview practice · Archway" };

export default function PracticePage() {
  return <ScenarioBank />;
}
