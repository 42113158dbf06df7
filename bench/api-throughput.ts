/**
 * AWS API throughput: SubmitJob and DescribeJobs requests per second against `batch-local serve`
 * (simulated executor) and against `moto_server` (moto 5.2.1, no-Docker mode), driven by the same
 * client in the same run: N concurrent workers, each with one keep-alive HTTP/1.1 connection written
 * and parsed by hand (like wrk: a load generator should cost the servers' shared CPUs as little as
 * possible), and a SigV4-looking Authorization header (moto routes by its credential scope).
 * A server that closes the connection (moto does, after every response) gets a new one.
 * Prints both figures and their ratio (the goal is batch-local >= 10x moto).
 *
 *   npm run bench -- api-throughput
 *   npx ts-node -T --project bench/tsconfig.json bench/api-throughput.ts [seconds-per-phase] [concurrency]
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

interface Target {
  readonly name: string;
  readonly url: string;
  readonly process: ChildProcess;
}

interface Reply {
  readonly status: number;
  readonly body: string;
}

const ROOT = path.join(__dirname, '..');
const DATE = '20260101';

/** moto routes a request to a service by the credential scope of its Authorization header. */
function authorization(service: string): string {
  return `AWS4-HMAC-SHA256 Credential=AKIDBENCH/${DATE}/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
}

function send(agent: http.Agent, url: string, method: string, urlPath: string, body: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}${urlPath}`, {
      method, agent, headers: { 'Content-Length': String(Buffer.byteLength(body)), 'X-Amz-Date': `${DATE}T000000Z`, ...headers },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Setup calls (node:http); the measured calls go through LoadClient. */
function batchCall(agent: http.Agent, target: Target, operation: string, input: unknown): Promise<Reply> {
  return send(agent, target.url, 'POST', `/v1/${operation.toLowerCase()}`, JSON.stringify(input), {
    'Content-Type': 'application/json', 'Authorization': authorization('batch'),
  });
}

/**
 * The measured client: one persistent connection, requests written as raw HTTP/1.1, responses parsed
 * by Content-Length (both servers send it). Reconnects when the server says `Connection: close`.
 */
class LoadClient {
  private socket?: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting?: { resolve: (reply: Reply) => void; reject: (error: Error) => void };
  private closeAfterReply = false;

  constructor(private readonly port: number) {}

  post(urlPath: string, body: string): Promise<Reply> {
    const socket = this.connection();
    const payload = Buffer.from(body, 'utf8');
    const head = `POST ${urlPath} HTTP/1.1\r\nHost: 127.0.0.1:${this.port}\r\nContent-Type: application/json\r\nX-Amz-Date: ${DATE}T000000Z\r\n`
      + `Authorization: ${authorization('batch')}\r\nContent-Length: ${payload.length}\r\n\r\n`;
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(Buffer.concat([Buffer.from(head, 'latin1'), payload]));
    });
  }

  close(): void {
    this.socket?.destroy();
  }

  private connection(): net.Socket {
    if (this.socket && !this.closeAfterReply) return this.socket;
    this.socket?.destroy();
    this.closeAfterReply = false;
    this.buffer = Buffer.alloc(0);
    const socket = net.connect(this.port, '127.0.0.1');
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.waiting?.reject(error));
    this.socket = socket;
    return socket;
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const head = this.buffer.subarray(0, headerEnd).toString('latin1');
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
    if (Number.isNaN(length)) throw new Error(`response without Content-Length: ${head}`);
    if (this.buffer.length < headerEnd + 4 + length) return;
    const status = Number(head.slice(9, 12));
    const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    this.buffer = this.buffer.subarray(headerEnd + 4 + length);
    this.closeAfterReply = /\r\nconnection: *close/i.test(head);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve({ status, body });
  }
}

async function expectOk(reply: Promise<Reply>, what: string): Promise<any> {
  const { status, body } = await reply;
  if (status < 200 || status > 299) throw new Error(`${what}: HTTP ${status}: ${body.slice(0, 300)}`);
  return body.startsWith('{') ? JSON.parse(body) : body;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitUntilUp(url: string, child: ChildProcess, name: string): Promise<void> {
  const agent = new http.Agent();
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      await send(agent, url, 'GET', '/', '', {});
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${name} did not start at ${url}`);
}

const TEMPLATE = {
  Resources: {
    ComputeEnvironment: {
      Type: 'AWS::Batch::ComputeEnvironment',
      Properties: { ComputeEnvironmentName: 'bench-ce', Type: 'MANAGED', ComputeResources: { Type: 'EC2', MaxvCpus: 100_000, InstanceTypes: ['optimal'], Subnets: ['subnet-1'] } },
    },
    Queue: {
      Type: 'AWS::Batch::JobQueue',
      Properties: { JobQueueName: 'bench-queue', Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: { Ref: 'ComputeEnvironment' } }] },
    },
    Definition: {
      Type: 'AWS::Batch::JobDefinition',
      Properties: { JobDefinitionName: 'bench-jd', Type: 'container', ContainerProperties: { Image: 'busybox', Vcpus: 1, Memory: 128, Command: ['true'] } },
    },
  },
};

/** `batch-local serve` in its own process (compiled CLI when built, else through ts-node). */
async function startBatchLocal(): Promise<Target> {
  const templateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-api-')), 'bench.template.json');
  fs.writeFileSync(templateFile, JSON.stringify(TEMPLATE));
  const port = await freePort();
  const compiled = path.join(ROOT, 'lib', 'cli', 'batch-local.js');
  const cli = fs.existsSync(compiled) ? [compiled] : ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src', 'cli', 'batch-local.ts')];
  const child = spawn(process.execPath, [...cli, 'serve', '--template', templateFile, '--executor', 'simulated', '--port', String(port)], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, 'batch-local serve');
  return { name: 'batch-local', url, process: child };
}

/** `moto_server` without Docker, with an IAM role, an unmanaged CE, a queue and a job definition like batch-local's. */
async function startMoto(): Promise<Target> {
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'ignore'] });
  const target = { name: 'moto_server', url: `http://127.0.0.1:${port}`, process: child };
  await waitUntilUp(target.url, child, 'moto_server');
  const agent = new http.Agent();
  await expectOk(send(agent, target.url, 'POST', '/moto-api/config', JSON.stringify({ batch: { use_docker: false } }), { 'Content-Type': 'application/json' }), 'moto config');
  const iam = await expectOk(send(agent, target.url, 'POST', '/', 'Action=CreateRole&Version=2010-05-08&RoleName=bench-service-role&AssumeRolePolicyDocument=%7B%7D', {
    'Content-Type': 'application/x-www-form-urlencoded', 'Authorization': authorization('iam'),
  }), 'moto CreateRole');
  const roleArn = /<Arn>([^<]+)<\/Arn>/.exec(iam)![1];
  await expectOk(batchCall(agent, target, 'CreateComputeEnvironment', { computeEnvironmentName: 'bench-ce', type: 'UNMANAGED', state: 'ENABLED', serviceRole: roleArn }), 'moto CE');
  await expectOk(batchCall(agent, target, 'CreateJobQueue', {
    jobQueueName: 'bench-queue', state: 'ENABLED', priority: 1, computeEnvironmentOrder: [{ order: 1, computeEnvironment: 'bench-ce' }],
  }), 'moto queue');
  await expectOk(batchCall(agent, target, 'RegisterJobDefinition', {
    jobDefinitionName: 'bench-jd', type: 'container', containerProperties: { image: 'busybox', vcpus: 1, memory: 128, command: ['true'] },
  }), 'moto job definition');
  return target;
}

/** Runs `call` from `concurrency` workers for `seconds`; returns successful requests per second. */
async function measure(
  seconds: number, concurrency: number, call: (worker: number, n: number) => Promise<Reply>,
): Promise<{ rps: number; failures: number }> {
  let ok = 0;
  let failures = 0;
  const deadline = performanceNow() + seconds * 1000;
  const started = performanceNow();
  await Promise.all(Array.from({ length: concurrency }, async (_, worker) => {
    for (let n = 0; performanceNow() < deadline; n++) {
      const reply = await call(worker, n);
      if (reply.status === 200) ok++;
      else failures++;
    }
  }));
  return { rps: ok / ((performanceNow() - started) / 1000), failures };
}

function performanceNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

interface Figures {
  readonly submit: number;
  readonly describe: number;
  readonly failures: number;
}

async function benchmark(target: Target, seconds: number, concurrency: number): Promise<Figures> {
  const clients = Array.from({ length: concurrency }, () => new LoadClient(Number(new URL(target.url).port)));
  const ids: string[] = [];
  const submit = (worker: number, n: number): Promise<Reply> => clients[worker]
    .post('/v1/submitjob', JSON.stringify({ jobName: `bench-${n}`, jobQueue: 'bench-queue', jobDefinition: 'bench-jd' }))
    .then((reply) => {
      if (reply.status === 200 && ids.length < 10_000) ids.push(JSON.parse(reply.body).jobId);
      return reply;
    });
  // A poll of 5 jobs, as a client following its recent submissions does.
  const describe = (worker: number, n: number): Promise<Reply> => {
    const start = ((worker * 7919 + n * 5) % Math.max(1, ids.length - 5));
    return clients[worker].post('/v1/describejobs', JSON.stringify({ jobs: ids.slice(start, start + 5) }));
  };
  await measure(1, concurrency, submit); // warm-up
  const submitted = await measure(seconds, concurrency, submit);
  const described = await measure(seconds, concurrency, describe);
  clients.forEach((client) => client.close());
  return { submit: submitted.rps, describe: described.rps, failures: submitted.failures + described.failures };
}

export async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 8) || 8;
  const concurrency = Number(process.argv[3] ?? 32) || 32;
  console.log(`SubmitJob and DescribeJobs (5 ids) for ${seconds} s each, ${concurrency} concurrent workers (one keep-alive connection each), on ${os.cpus().length} CPUs`);
  const results: Array<[string, Figures]> = [];
  for (const start of [startBatchLocal, startMoto]) {
    const target = await start();
    try {
      results.push([target.name, await benchmark(target, seconds, concurrency)]);
    } finally {
      target.process.kill('SIGTERM');
    }
  }
  const row = (name: string, f: Figures): string => `${name.padEnd(14)} ${f.submit.toFixed(0).padStart(10)} ${f.describe.toFixed(0).padStart(12)}   ${f.failures}`;
  console.log(`${'target'.padEnd(14)} ${'SubmitJob/s'.padStart(10)} ${'DescribeJobs/s'.padStart(12)}   failed`);
  for (const [name, figures] of results) console.log(row(name, figures));
  const [[, local], [, moto]] = results;
  console.log(`ratio batch-local / moto: SubmitJob ${(local.submit / moto.submit).toFixed(1)}x, DescribeJobs ${(local.describe / moto.describe).toFixed(1)}x (goal >= 10x)`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
