/**
 * Endpoint fuzz (#21 §3): N requests (default 10,000) against an in-process virtual-clock endpoint,
 * drawn from the botocore models' input shapes (valid by shape, and mutated: huge strings, deep
 * JSON, bad UTF-8, odd JSON) and from the hand-written malformed requests of the test suite, with a
 * seed that changes every run (printed: rerun with it to reproduce). Checks each answer: never a
 * 5xx, a refusal (4xx) changes no observable state, and the server answers health at the end.
 * Prints the counts and every failing request; exits non-zero on any.
 *
 *   npm run bench -- endpoint-fuzz
 *   npx ts-node -T --project bench/tsconfig.json bench/endpoint-fuzz.ts [cases] [seed]
 */
import { rawRequest } from '../test/runtime/api/endpoint-fixture';
import { FuzzTally, fuzzOnce, observableState, sampleFuzzRequests, startFuzzEndpoint } from '../test/runtime/api/fuzz-check';

export async function main(): Promise<void> {
  const direct = require.main === module;
  const cases = Number((direct ? process.argv[2] : undefined) ?? process.env.FUZZ_BENCH_CASES ?? 10_000);
  const seed = Number((direct ? process.argv[3] : undefined) ?? process.env.FUZZ_BENCH_SEED ?? Date.now() % 2 ** 31);
  const endpoint = await startFuzzEndpoint();
  const tally = new FuzzTally();
  const started = Date.now();
  try {
    const state = { current: observableState(endpoint) };
    for (const request of sampleFuzzRequests(cases, seed)) await fuzzOnce(endpoint, request, tally, state);
    const health = await rawRequest(endpoint.url, 'GET', '/_local/health');
    const kinds = [...tally.byKind].sort((a, b) => b[1] - a[1]).map(([kind, count]) => `${kind} ${count}`).join(', ');
    const elapsed = ((Date.now() - started) / 1000).toFixed(0);
    console.log(`  seed ${seed}: ${tally.summary()}; health after: HTTP ${health.status}; ${elapsed} s`);
    console.log(`  kinds: ${kinds}; jobs in the backend at the end: ${[...endpoint.host.backend.allJobs()].length}`);
    const failures = [...tally.serverErrors, ...tally.changedOnRefusal, ...tally.badRefusals, ...endpoint.serverErrors];
    for (const failure of failures.slice(0, 20)) console.log(`  FAIL ${failure.slice(0, 500)}`);
    if (failures.length > 0 || health.status !== 200) process.exitCode = 1;
  } finally {
    await endpoint.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
