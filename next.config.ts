import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several dev servers (or a test build) share one checkout without clobbering each other's output.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Says nothing a client needs and tells an attacker which framework to aim at.
  poweredByHeader: false,
  // piscina starts its worker threads from its own dist/worker.js by path, so it must stay a real package.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "piscina"],
};

export default nextConfig;
