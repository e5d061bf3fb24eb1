# syntax=docker/dockerfile:1
# Build: install the workspace, build the SPA and the API bundle, then cut a production-only copy.
FROM node:20-bookworm-slim AS build
WORKDIR /repo
RUN npm install -g pnpm@10.34.9 --no-fund --no-audit
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm build \
 && pnpm --filter @saa/api deploy --prod --legacy /app

# Run: the API bundle with its production dependencies, the migrations, the bank and the SPA.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 SERVE_WEB=true
WORKDIR /app
COPY --from=build --chown=node:node /app ./
COPY --from=build --chown=node:node /repo/apps/api/dist ./dist
COPY --from=build --chown=node:node /repo/prisma ./prisma
COPY --from=build --chown=node:node /repo/packages/question-bank/data ./packages/question-bank/data
COPY --from=build --chown=node:node /repo/apps/web/dist ./apps/web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/server.js"]
