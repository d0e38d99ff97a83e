/** Template of Dockerfile: multi-stage build on node:20-alpine, running as the unprivileged "node" user. */
export default String.raw`# syntax=docker/dockerfile:1
# Build stage: install every dependency, compile TypeScript, then drop the development dependencies.
FROM {{nodeImage}} AS build
WORKDIR /app
COPY package.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: compiled code and production dependencies only, owned by root and read-only to the app.
FROM {{nodeImage}}
ENV NODE_ENV=production PORT={{service.port}}
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE {{service.port}}
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD wget -q -O /dev/null "http://127.0.0.1:$PORT/health" || exit 1
# Exec form: node runs as PID 1 and receives SIGTERM itself, which starts the graceful shutdown.
CMD ["node", "dist/index.js"]
`;
