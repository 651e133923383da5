# Olievlek: the API and the built client in one image (README, "Operations"). Untested here: the
# machine this was written on has no Docker. Build: docker compose build (see compose.yaml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Native modules (better-sqlite3, argon2) fall back to compiling when no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# `npm install` against the lockfile: `npm ci` trips over optional platform binaries it lists.
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api web --outputStyle=static

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
# The built API loads its packages (native drivers included) from the workspace's node_modules.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/apps/api/main.js"]
