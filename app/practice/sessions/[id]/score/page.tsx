import type { Metadata } from "next";
import { ScoreReport } from "@/components/practice/ScoreReport";

export const metadata: Metadata = { title: "Practice score · Archway" };

export default async function PracticeScorePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ScoreReport sessionId={id} />;
}
