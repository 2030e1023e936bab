#!/usr/bin/env bash
# Makes Node 24 LTS and pnpm available on PATH, installing them from the npm registry into
# .toolchain/ when the machine does not already have them. Sourced by ./onego and .ci/run.
# Debian's /usr/bin/node cannot be replaced by `npm install -g node@24` (EEXIST), so the
# toolchain lives inside the checkout and nothing outside it is touched.
NODE_VERSION="24.21.0"
PNPM_VERSION="10.34.8"
ONEGO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLCHAIN="$ONEGO_ROOT/.toolchain"

onego_node_ok() {
  command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "24" ]
}

onego_toolchain() {
  if [ -x "$TOOLCHAIN/bin/node" ]; then export PATH="$TOOLCHAIN/bin:$PATH"; fi
  if ! onego_node_ok || ! command -v pnpm >/dev/null 2>&1; then
    echo "onego: installing Node $NODE_VERSION and pnpm $PNPM_VERSION into .toolchain/ (npm registry)" >&2
    npm install --global --prefix "$TOOLCHAIN" --no-audit --no-fund --loglevel=error \
      "node@$NODE_VERSION" "pnpm@$PNPM_VERSION" >&2 || return 1
    export PATH="$TOOLCHAIN/bin:$PATH"
  fi
  onego_node_ok || { echo "onego: Node 24 is not usable after install" >&2; return 1; }
  # The user's npm config points nodedir at Node 20's headers; a native build would target the
  # wrong Node. The npm node package ships Node 24's headers next to its binary.
  local headers
  for headers in "$TOOLCHAIN"/lib/node_modules/node/node_modules/node-*-*; do
    if [ -d "$headers/include/node" ]; then export npm_config_nodedir="$headers"; fi
  done
}

onego_dependencies() {
  local stamp="$ONEGO_ROOT/node_modules/.onego-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$ONEGO_ROOT/pnpm-lock.yaml" "$stamp"; then
    (cd "$ONEGO_ROOT" && pnpm install --frozen-lockfile --reporter=append-only) >&2 || return 1
    cp "$ONEGO_ROOT/pnpm-lock.yaml" "$stamp"
  fi
  onego_browser
}

# The browser tests drive Debian's Chromium (playwright-core cannot download a browser here);
# fonts-noto-cjk so that Chinese pages render in screenshots. Installed once, when missing.
# Without them (not root, no apt) only the browser tests fail, and they say why.
onego_browser() {
  if command -v chromium >/dev/null 2>&1 && [ -d /usr/share/fonts/opentype/noto ]; then return 0; fi
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "onego: Chromium or CJK fonts missing and cannot be installed here (apt-get install chromium fonts-noto-cjk)" >&2
    return 0
  fi
  echo "onego: installing Debian's chromium and fonts-noto-cjk for the browser tests" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      chromium fonts-noto-cjk; } >&2 || echo "onego: could not install chromium (the browser tests will fail)" >&2
}
