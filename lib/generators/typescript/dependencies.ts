/**
 * Exact versions for the generated packages, so two exports of the same design install the same code.
 * Node 20 is the runtime (node:20-alpine); cockatiel stays on 3.x because 4.x requires Node 22.
 */
export const RUNTIME_DEPENDENCIES = {
  cockatiel: "3.2.1",
  ioredis: "6.0.0",
  pg: "8.23.1",
  pino: "10.4.0",
  "prom-client": "15.1.3",
  zod: "4.6.7",
} as const;

export const DEVELOPMENT_DEPENDENCIES = {
  "@types/node": "20.19.43",
  "@types/pg": "8.23.1",
  typescript: "5.9.3",
} as const;

export const NODE_IMAGE = "node:20-alpine";
export const NODE_ENGINE = ">=20.9";
