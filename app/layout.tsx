import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "@xyflow/react/dist/style.css";
import "./globals.css";

export const metadata: Metadata = {
  title: "Archway",
  description: "Draw a system, check it against best practice, generate Mermaid, Terraform, Kubernetes and TypeScript services.",
};

export const viewport: Viewport = { themeColor: "#ffffff" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render every page per request: Next can put the Content-Security-Policy nonce (proxy.ts) on its inline scripts
  // only while rendering, so a page prerendered at build time would have every script blocked.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
