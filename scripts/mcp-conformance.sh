#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance) against
# `confluence mcp --transport http` serving the emulator. The suite needs Node.js 22, fetched
# like the version matrix does, from the npm registry's `node` package into a scratch folder;
# our server runs on the current Node. Not part of `npm test`.
#
# Scenarios that apply to a tools-only server: initialization, ping, tools/list and DNS
# rebinding protection. The suite's other server scenarios call the reference server's own test
# tools (tools-call-image, ...) or features this server does not offer (resources, prompts,
# completion, logging, sampling, elicitation).
set -euo pipefail
cd "$(dirname "$0")/.."
scenarios=(server-initialize ping tools-list dns-rebinding-protection)
scratch=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
npm install --prefix "$scratch" --no-save --silent node@22 @modelcontextprotocol/conformance@0.1.16 >/dev/null
node22="$scratch/node_modules/.bin/node"
suite="$scratch/node_modules/@modelcontextprotocol/conformance/dist/index.js"

node --import tsx scripts/mcp-serve.ts >"$scratch/url" 2>"$scratch/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
  [ -s "$scratch/url" ] && break
  sleep 0.1
done
url=$(head -n 1 "$scratch/url")
[ -n "$url" ] || { cat "$scratch/server.log"; echo "the MCP server did not start" >&2; exit 1; }
echo "MCP server: $url (conformance suite on Node.js $("$node22" --version))"
status=0
for scenario in "${scenarios[@]}"; do
  if output=$("$node22" "$suite" server --url "$url" --scenario "$scenario" 2>&1); then
    echo "$scenario: $(grep -E '^Passed:' <<<"$output" || echo passed)"
  else
    echo "$scenario: FAILED"
    echo "$output" | tail -n 30
    status=1
  fi
done
exit "$status"
