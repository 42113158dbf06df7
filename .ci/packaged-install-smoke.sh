#!/usr/bin/env bash
# Packaged-install smoke test: what a user gets from `npm install cdk-batch-kit`, not what the checkout
# has. Packs the compiled package (run `npx projen compile` first), installs the tarball into an empty
# app outside the checkout, and there runs the README's jest snippets and the batch-local CLI (run, plan).
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
# The README's install-from-a-clone lines name the tarball `npm pack` writes.
grep -q "npm install \.\./cdk-batch-kit/$(basename "$TARBALL") " "$ROOT/README.md" \
  || { echo "ERROR: README.md's install section does not install $(basename "$TARBALL"), the file npm pack writes"; exit 1; }
# Issue #25: the package stays small (vega and vega-lite ship as single files in lib/vendor).
unpacked="$(tar -xzOf "$TARBALL" | wc -c)"
files="$(tar -tzf "$TARBALL" | wc -l)"
echo "tarball $(wc -c < "$TARBALL") bytes, unpacked $unpacked bytes in $files files"
[ "$unpacked" -le 15000000 ] || { echo "ERROR: the package unpacks to $unpacked bytes, over 15 MB"; exit 1; }

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
# As the README says: the tarball is a file: dependency of the app.
node -e "const d = require('./package.json').dependencies['cdk-batch-kit']; if (!d.startsWith('file:')) { console.error('ERROR: cdk-batch-kit is ' + d + ', not a file: dependency'); process.exit(1); }"
# Every file the README links to is in the installed package.
missing=""
for target in $(grep -o '](\(docs/[^)#]*\|API.md\)' "$ROOT/README.md" | sed 's/^](//' | sort -u); do
  [ -f "node_modules/cdk-batch-kit/$target" ] || missing="$missing $target"
done
[ -z "$missing" ] || { echo "ERROR: README links to files the package does not have:$missing"; exit 1; }

cat > jest.config.js <<'JS'
module.exports = { preset: 'ts-jest', testEnvironment: 'node', testTimeout: 120000 };
JS
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "strict": true, "esModuleInterop": true, "skipLibCheck": true, "types": ["jest", "node"] } }
JSON

echo "== the README's jest snippets (sections 'Test it locally, in jest' and 'Events')"
# The first ```ts block after each heading, verbatim: the snippet users copy is the one that runs.
snippet() {
  awk -v heading="$1" '$0 == heading { section = 1 } section && /^```ts/ { inside = 1; next } inside && /^```/ { exit } inside { print }' \
    "$ROOT/README.md" > "$2"
  [ -s "$2" ] || { echo "ERROR: no \`\`\`ts block under '$1' in README.md"; exit 1; }
}
snippet '## Test it locally, in jest' test/readme.test.ts
snippet '### Events' test/readme-events.test.ts
# A bound, so that a process the snippet leaves running fails the check instead of blocking CI.
timeout 900 npx jest --ci test/readme.test.ts test/readme-events.test.ts
echo "(jest finished after ${SECONDS} s of this script)"

echo "== the batch-local CLI of the package"
expected_version="$(node -p "require('$ROOT/package.json').version")"
actual_version="$(npx --no-install batch-local --version)"
[ "$actual_version" = "$expected_version" ] || { echo "ERROR: batch-local --version printed '$actual_version', expected '$expected_version'"; exit 1; }
output="$(npx --no-install batch-local run --template "$ROOT/test/cli/fixtures/small-stack.template.json" --queue Queue --definition Hello --param who=package 2>/dev/null)"
[ "$output" = "hello package from child none" ] || { echo "ERROR: batch-local run printed '$output'"; exit 1; }
echo "batch-local $actual_version ran the hello job from the package"

# plan with an HTML report: the vendored chart libraries (lib/vendor) render without the vega packages.
npx --no-install batch-local plan --template "$ROOT/test/cli/fixtures/small-stack.template.json" \
  --workload "$ROOT/test/cli/fixtures/plan-workload.json" --out report.html >/dev/null 2>&1 \
  || { echo "ERROR: batch-local plan --out failed"; exit 1; }
grep -q '<svg' report.html || { echo "ERROR: the plan report has no chart"; exit 1; }
[ ! -e node_modules/vega ] || { echo "ERROR: the app has a vega package: the vendored build was not what rendered"; exit 1; }
echo "batch-local plan wrote an HTML report with charts ($(wc -c < report.html) bytes)"

# Nothing of the checkout may leak in: the installed package must not resolve modules from $ROOT.
node -e "const p = require.resolve('cdk-batch-kit'); if (p.startsWith('$ROOT/')) { console.error('ERROR: cdk-batch-kit resolved to the checkout: ' + p); process.exit(1); }"
echo "packaged-install smoke test passed"
