import type { Metadata } from "next";
import { PracticeHistory } from "@/components/practice/PracticeHistory";

export const metadata: Metadata = { title: "Practice history · Archway" };

export default function PracticeHistoryPage() {
  return <PracticeHistory />;
}
