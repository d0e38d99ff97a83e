import type { Metadata } from "next";
import { PracticeSessionRoute } from "@/components/practice/PracticeSessionRoute";

export const metadata: Metadata = { title: "Practice interview · Archway" };

export default async function PracticeSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PracticeSessionRoute sessionId={id} />;
}
