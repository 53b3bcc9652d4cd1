# One image for the three services; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production LOG_FORMAT=json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/libs/shared/reference ./libs/shared/reference
COPY --from=build /app/apps/api/static ./apps/api/static
COPY --from=build /app/scripts/run-service.sh ./scripts/run-service.sh
COPY package.json ./
USER node
CMD ["bash", "scripts/run-service.sh", "api"]
