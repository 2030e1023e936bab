# One image for every OneGo service: the workspace, with its dependencies; each container runs
# one service's src/main.ts (Node 24 strips the TypeScript types). The workspace is copied as
# is (not `pnpm deploy`) because Node does not strip types of files under node_modules.
FROM node:24-slim
RUN npm install --global pnpm@10.34.8
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY packages packages
COPY services services
COPY infra infra
COPY tests tests
RUN pnpm install --frozen-lockfile
# A small young generation and a 384 MB old one (see infra/platform/supervisor.ts): each
# service under 200 MB resident instead of 400.
ENV NODE_ENV=production HOST=0.0.0.0 NODE_OPTIONS="--max-semi-space-size=4 --max-old-space-size=384"
USER node
