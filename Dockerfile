# syntax=docker/dockerfile:1
# The app as a container, in the shape of Next's standalone example
# (https://github.com/vercel/next.js/tree/canary/examples/with-docker):
# install, build with `output: 'standalone'`, then a small non-root image that
# holds only .next/standalone and the static files.
#
# Not built in CI: these machines cannot pull base images (README "Self-hosting").
#
#   docker build --build-arg SITE_URL=https://papers.example.com -t papers-review .
#   docker compose up        # with PostgreSQL, see compose.yaml

# Debian, not Alpine: argon2's prebuilt binary and PGlite are tested on glibc.
FROM node:20-bookworm-slim AS base

# 1. Dependencies (the postinstall generates the Prisma client from prisma/schema.prisma).
FROM base AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/
RUN npm ci

# 2. The build. It also runs `npm run db:migrate` in compose.yaml's migrate service.
FROM base AS builder
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/lib/generated ./lib/generated
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# Feeds, the sitemap and Open Graph tags are prerendered with the public origin.
ARG SITE_URL
ENV SITE_URL=${SITE_URL}
# The production checks want a secret and a database choice at build time; the
# build never opens a database and the secret is not kept (the server gets its own).
RUN test -n "$SITE_URL" || (echo "Build with --build-arg SITE_URL=https://your.site" && exit 1) \
 && NEXTAUTH_SECRET=build-time-placeholder-not-used-at-runtime ALLOW_EMBEDDED_DATABASE=1 npm run build

# 3. The server: .next/standalone plus the static files, as a non-root user.
FROM base AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
RUN groupadd --system --gid 1001 nodejs \
 && useradd --system --uid 1001 --gid nodejs nextjs \
 && mkdir -p /data \
 && chown nextjs:nodejs /data
# (Copy public/ here too if the app ever gets one: COPY --from=builder /app/public ./public)
COPY --from=builder --chown=nextjs:nodejs /app/.next/standalone ./
COPY --from=builder --chown=nextjs:nodejs /app/.next/static ./.next/static
USER nextjs
# The embedded database, when used (ALLOW_EMBEDDED_DATABASE=1, PGLITE_DIR=/data/pglite): one container per volume.
VOLUME ["/data"]
EXPOSE 3000
# /api/health: 200 when the database answers and has every migration; 503 otherwise.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# A 1 GB cap on V8's heap: the server's live heap is about 80 MB, and without a
# cap V8 on a large machine lets garbage reach several times that before it
# collects (README, "Self-hosting"). Containers with a memory limit get a cap from it anyway.
CMD ["node", "--max-old-space-size=1024", "server.js"]
