import type { Metadata } from "next";
import { DesignWorkspace } from "@/components/designer/DesignWorkspace";

export const metadata: Metadata = { title: "Design · Archway" };

export default async function DesignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DesignWorkspace designId={id} />;
}
