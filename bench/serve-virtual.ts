/**
 * The seed's pipeline (JobA -> JobB 10,000 -> JobC 10,000 N_TO_N -> JobD 10 SEQUENTIAL -> JobE)
 * submitted through boto3 to `batch-local serve --clock virtual`, finished by one
 * `POST /_local/clock/run-until-idle`: wall time of the submissions, of the run, and in all
 * (median of RUNS runs, each on a fresh server process).
 *
 *   npm run bench -- serve-virtual
 *   npx ts-node -T --project bench/tsconfig.json bench/serve-virtual.ts [array-size] [runs]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, startServe } from './support/serve-process';
import { PIPELINE_BEHAVIORS_FILE as BEHAVIORS, synthesizePipelineTemplate } from '../examples/pipeline';


const PIPELINE_PY = `
import json, sys, time, urllib.request, boto3
url, size = sys.argv[1], int(sys.argv[2])
batch = boto3.client('batch', endpoint_url=url, region_name='us-east-1', aws_access_key_id='a', aws_secret_access_key='b')
q = 'ProdQueue'
t0 = time.monotonic()
a = batch.submit_job(jobName='JobA', jobQueue=q, jobDefinition='JobA-list-and-validate:1')['jobId']
b = batch.submit_job(jobName='JobB', jobQueue=q, jobDefinition='JobB-CPU-Intensive-Processing:1', containerOverrides={'vcpus': 32, 'memory': 4096},
    arrayProperties={'size': size}, dependsOn=[{'jobId': a}])['jobId']
c = batch.submit_job(jobName='JobC', jobQueue=q, jobDefinition='JobC-Memory-Intensive-Processing:1', containerOverrides={'vcpus': 1, 'memory': 32768},
    arrayProperties={'size': size}, dependsOn=[{'jobId': b, 'type': 'N_TO_N'}])['jobId']
d = batch.submit_job(jobName='JobD', jobQueue=q, jobDefinition='JobD-Sequential-Validation:1', containerOverrides={'vcpus': 1, 'memory': 32768},
    arrayProperties={'size': 10}, dependsOn=[{'jobId': c}, {'type': 'SEQUENTIAL'}])['jobId']
e = batch.submit_job(jobName='JobE', jobQueue=q, jobDefinition='JobE-Cleanup-and-Notification:1', dependsOn=[{'jobId': d}])['jobId']
t1 = time.monotonic()
req = urllib.request.Request(url + '/_local/clock/run-until-idle', data=b'{}', method='POST', headers={'Content-Type': 'application/json'})
clock = json.load(urllib.request.urlopen(req, timeout=600))
t2 = time.monotonic()
jobs = batch.describe_jobs(jobs=[a, b, c, d, e])['jobs']
print(json.dumps({'submitMs': (t1 - t0) * 1000, 'runMs': (t2 - t1) * 1000, 'statuses': [j['status'] for j in jobs],
  'makespanSeconds': (jobs[-1]['stoppedAt'] - jobs[0]['createdAt']) / 1000 if jobs[-1].get('stoppedAt') else None}))
`;

export async function main(): Promise<void> {
  const arraySize = Number(process.argv[2] ?? 10_000) || 10_000;
  const runs = Number(process.argv[3] ?? 3) || 3;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-serve-virtual-'));
  try {
    fs.writeFileSync(path.join(dir, 'pipeline.json'), JSON.stringify(synthesizePipelineTemplate()));
    fs.writeFileSync(path.join(dir, 'behaviors.json'), JSON.stringify(BEHAVIORS));
    const figures: { submitMs: number; runMs: number; totalMs: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const server = await startServe(['--template', path.join(dir, 'pipeline.json'), '--clock', 'virtual', '--behaviors', path.join(dir, 'behaviors.json')]);
      try {
        const out = JSON.parse(execFileSync('python3', ['-c', PIPELINE_PY, server.url, String(arraySize)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }));
        if (out.statuses.some((s: string) => s !== 'SUCCEEDED')) throw new Error(`pipeline did not succeed: ${JSON.stringify(out)}`);
        figures.push({ submitMs: out.submitMs, runMs: out.runMs, totalMs: out.submitMs + out.runMs });
        console.log(`  run ${i + 1}: submit ${out.submitMs.toFixed(0)} ms, run-until-idle ${out.runMs.toFixed(0)} ms, virtual makespan ${out.makespanSeconds} s`);
      } finally {
        await server.stop();
      }
    }
    console.log(`serve --clock virtual, pipeline at ${arraySize}-child arrays via boto3 (median of ${runs}): `
      + `submit ${median(figures.map((f) => f.submitMs)).toFixed(0)} ms, run-until-idle ${median(figures.map((f) => f.runMs)).toFixed(0)} ms, `
      + `total ${median(figures.map((f) => f.totalMs)).toFixed(0)} ms wall`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
