#!/usr/bin/env bash
# Packaged-install smoke test: what a user gets from `npm install cdk-batch-kit`, not what the checkout
# has. Packs the compiled package (run `npx projen compile` first), installs the tarball into an empty
# app outside the checkout, and there runs the README's jest snippet and the batch-local CLI.
# aws-cdk-lib, constructs and cdk-nag (peer dependencies) and jest/ts-jest/typescript (the app's own
# tools) are linked from this checkout's node_modules, so nothing is downloaded; cdk-batch-kit itself
# resolves only what its tarball holds (its bundled dependencies) and what the app has.
# --ignore-scripts: npm would otherwise run the "prepare" build of every linked directory, in the checkout.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

[ -f lib/index.js ] && [ -f .jsii ] || { echo "ERROR: no compiled package (lib/, .jsii): run 'npx projen compile' first"; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cdk-batch-kit-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

echo "== npm pack"
TARBALL="$(npm pack --silent --pack-destination "$WORK")"
TARBALL="$WORK/$TARBALL"
echo "packed $(basename "$TARBALL")"

echo "== install the tarball into an empty app ($WORK/app)"
APP="$WORK/app"
mkdir -p "$APP/test"
cd "$APP"
cat > package.json <<'JSON'
{ "name": "smoke-app", "version": "1.0.0", "private": true }
JSON
links=()
for dep in aws-cdk-lib constructs cdk-nag jest ts-jest typescript @types/jest @types/node; do
  links+=("$dep@file:$ROOT/node_modules/$dep")
done
npm install --offline --ignore-scripts --no-audit --no-fund "$TARBALL" "${links[@]}" >/dev/null
echo "(installed after ${SECONDS} s)"

cat > jest.config.js <<'JS'
module.exports = { preset: 'ts-jest', testEnvironment: 'node', testTimeout: 120000 };
JS
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "strict": true, "esModuleInterop": true, "skipLibCheck": true, "types": ["jest", "node"] } }
JSON

echo "== the README's jest snippet (section 'Test it locally, in jest')"
# The first ```ts block after the heading, verbatim: the snippet users copy is the one that runs.
awk '/^## Test it locally, in jest/ { section = 1 } section && /^```ts/ { inside = 1; next } inside && /^```/ { exit } inside { print }' \
  "$ROOT/README.md" > test/readme.test.ts
[ -s test/readme.test.ts ] || { echo "ERROR: no \`\`\`ts block under '## Test it locally, in jest' in README.md"; exit 1; }
# A bound, so that a process the snippet leaves running fails the check instead of blocking CI.
timeout 900 npx jest --ci test/readme.test.ts
echo "(jest finished after ${SECONDS} s of this script)"

echo "== the batch-local CLI of the package"
expected_version="$(node -p "require('$ROOT/package.json').version")"
actual_version="$(npx --no-install batch-local --version)"
[ "$actual_version" = "$expected_version" ] || { echo "ERROR: batch-local --version printed '$actual_version', expected '$expected_version'"; exit 1; }
output="$(npx --no-install batch-local run --template "$ROOT/test/cli/fixtures/small-stack.template.json" --queue Queue --definition Hello --param who=package 2>/dev/null)"
[ "$output" = "hello package from child none" ] || { echo "ERROR: batch-local run printed '$output'"; exit 1; }
echo "batch-local $actual_version ran the hello job from the package"

# Nothing of the checkout may leak in: the installed package must not resolve modules from $ROOT.
node -e "const p = require.resolve('cdk-batch-kit'); if (p.startsWith('$ROOT/')) { console.error('ERROR: cdk-batch-kit resolved to the checkout: ' + p); process.exit(1); }"
echo "packaged-install smoke test passed"
