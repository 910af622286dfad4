# Production image: a standalone Next.js build on Node 20, served by the SalesMix server (src/serve).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
ENV NEXT_OUTPUT=standalone NEXT_TELEMETRY_DISABLED=1 SKIP_ENV_VALIDATION=true
RUN npx next build && node scripts/build-server.mjs

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/.next/salesmix-server ./.next/salesmix-server
# The server starts Next.js with `next()`, which reads the app's config from next.config.js, as `next start` does
# (and next.config.js loads next-intl's plugin).
COPY --from=build /app/next.config.js ./next.config.js
COPY --from=build /app/node_modules/next-intl ./node_modules/next-intl
COPY --from=build /app/public ./public
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/node_modules/@electric-sql ./node_modules/@electric-sql
COPY --from=build /app/scripts/cluster.mjs ./cluster.mjs
USER node
EXPOSE 3000
# One server process per core with DATABASE_URL (WEB_CONCURRENCY overrides; set it to the container's CPU limit).
CMD ["node", "cluster.mjs", ".next/salesmix-server/main.mjs"]
