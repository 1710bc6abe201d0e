#!/usr/bin/env bash
# Runs the demo and the test suites on other Node.js versions (default: the oldest we support,
# 20.18.1, and the 22 and 24 majors), fetching each
# from the npm registry's `node` package into a scratch folder. Not part of `npm test`.
# Usage: scripts/node-matrix.sh [version ...]
set -euo pipefail
cd "$(dirname "$0")/.."
majors=("${@:-20.18.1 22 24}")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for major in ${majors[@]}; do
  mkdir -p "$scratch/$major"
  npm install --prefix "$scratch/$major" --no-save --silent "node@$major" >/dev/null
  bin="$scratch/$major/node_modules/.bin"
  echo "== Node.js $("$bin/node" --version)"
  PATH="$bin:$PATH" node dist/lib/demo.js | tail -n 1 || status=1
  PATH="$bin:$PATH" npx vitest run --reporter=dot || status=1
done
exit "$status"
