# syntax=docker/dockerfile:1
# coverage-estimator: multi-stage build on the Node.js 24 LTS slim image.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_PRETTY=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The contract and the data files the service validates at start-up.
COPY openapi.yaml ./
COPY schemas ./schemas
COPY fixtures/payers ./fixtures/payers
COPY fixtures/pricing ./fixtures/pricing
COPY fixtures/rules ./fixtures/rules
COPY fixtures/sandbox ./fixtures/sandbox
# The pages are static files read at start-up.
COPY src/http/pages ./src/http/pages
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]
