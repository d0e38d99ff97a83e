import type { Metadata } from "next";
import { DesignsPage } from "@/components/designs/DesignsPage";

export const metadata: Metadata = { title: "Designs · Archway" };

export default function Home() {
  return <DesignsPage />;
}
