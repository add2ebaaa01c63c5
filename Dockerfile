# The service against an external PostgreSQL (docker-compose.yml provides one). Node 22 (LTS);
# the code also runs on Node 20 (package.json `engines`).
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
COPY web ./web
# The image always has DATABASE_URL, so the embedded PostgreSQL (an optional dependency, about
# 60 MB of programs) is pruned with the development tools.
RUN npm run build && npm prune --omit=dev --omit=optional

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3000
CMD ["node", "--max-semi-space-size=4", "dist/src/main.js"]
