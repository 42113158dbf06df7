import { MAX_LOG_LINE_LENGTH } from '../common/line-splitter';

/**
 * The Node.js spawn helper's program, run as `node -e <source>` so that it needs no compiled file (it
 * works the same from lib/ and under ts-jest). Plain JavaScript, kept small; it speaks the protocol of
 * spawn-helper-protocol.ts, as the Perl helper does. Used where no usable Perl is installed.
 *
 * Each job process gets its own process group; when its main process exits the rest of the group is
 * killed (as at the end of a container); when the runtime goes away (stdin closes) every job is killed.
 * The line splitting mirrors line-splitter.ts, long lines cut at MAX_LOG_LINE_LENGTH as there: a
 * helper may run under its jobs' memory limit (RlimitHelperPools), so what it holds per job is bounded.
 */
export const SPAWN_HELPER_SOURCE = String.raw`
'use strict';
const MAX_LINE = ${MAX_LOG_LINE_LENGTH};
const { spawn } = require('child_process');
const fs = require('fs');
const PIPE_DRAIN_MS = 2000;
const jobs = new Map();
// Backpressure: while the runtime has not read what was sent, the jobs' output is not read either (their
// pipes fill and they wait, as under a blocking log driver), so the helper's memory stays bounded.
const streams = new Set();
let blocked = false;
const send = (message) => {
  if (process.stdout.write(message + '\n') || blocked) return;
  blocked = true;
  for (const stream of streams) stream.pause();
  process.stdout.once('drain', () => { blocked = false; for (const stream of streams) stream.resume(); });
};
const killGroup = (pid, signal) => { try { process.kill(-pid, signal); } catch (e) { /* group gone */ } };

function lines(stream, id, s) {
  stream.setEncoding('utf8');
  streams.add(stream);
  stream.on('close', () => streams.delete(stream));
  let pending = '';
  const piece = (l) => send('L\t' + id + '\t' + s + '\t' + l);
  const emit = (terminated) => {
    const l = terminated.endsWith('\r') ? terminated.slice(0, -1) : terminated;
    let start = 0;
    while (l.length - start > MAX_LINE) { piece(l.slice(start, start + MAX_LINE)); start += MAX_LINE; }
    piece(start === 0 ? l : l.slice(start));
  };
  stream.on('data', (chunk) => {
    const text = pending + chunk;
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) { emit(text.slice(start, newline)); start = newline + 1; newline = text.indexOf('\n', start); }
    pending = text.slice(start);
    while (pending.length > MAX_LINE) { piece(pending.slice(0, MAX_LINE)); pending = pending.slice(MAX_LINE); }
  });
  stream.on('end', () => { if (pending !== '') emit(pending); pending = ''; });
  if (blocked) stream.pause();
}

function fail(id, code, stage, message) { send('E\t' + id + '\t' + code + '\t' + stage + '\t' + message); }

// Two rmdir calls for the usual empty directories; what a job left in them goes in the background.
function removeDirectories(request) {
  if (!request.remove || request.directories.length === 0) return;
  for (const directory of [...request.directories].reverse()) {
    try { fs.rmdirSync(directory); } catch (error) {
      if (error.code !== 'ENOENT') { fs.rm(request.directories[0], { recursive: true, force: true }, () => undefined); return; }
    }
  }
}

function startJob(request) {
  for (const directory of request.directories) {
    try {
      fs.mkdirSync(directory, { recursive: true });
      if (request.uid !== undefined) fs.chownSync(directory, request.uid, request.gid === undefined ? -1 : request.gid);
    } catch (error) {
      fail(request.id, error.code, 'setup', 'cannot create its directory: ' + error.message);
      return;
    }
  }
  let child;
  try {
    child = spawn(request.file, request.args, {
      env: request.env, cwd: request.cwd, uid: request.uid, gid: request.gid,
      stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
  } catch (error) {
    fail(request.id, error.code, 'exec', error.message);
    removeDirectories(request);
    return;
  }
  const job = { child, done: false, drain: undefined };
  jobs.set(request.id, job);
  const finish = (message) => {
    if (job.done) return;
    job.done = true;
    clearTimeout(job.drain);
    jobs.delete(request.id);
    if (message.error) fail(request.id, message.error.code, message.error.stage, message.error.message);
    else send('X\t' + request.id + '\t' + (message.signal ? '' : message.code) + '\t' + (message.signal || ''));
    removeDirectories(request);
  };
  if (request.cgroupProcs !== undefined && child.pid !== undefined) {
    try { fs.writeFileSync(request.cgroupProcs, String(child.pid)); } catch (error) {
      killGroup(child.pid, 'SIGKILL');
      finish({ error: { code: error.code, stage: 'setup', message: 'cannot join its cgroup: ' + error.message } });
      return;
    }
  }
  lines(child.stdout, request.id, 0);
  lines(child.stderr, request.id, 1);
  child.on('error', (error) => { if (child.pid === undefined) finish({ error: { code: error.code, stage: 'exec', message: error.message } }); });
  child.on('exit', () => {
    killGroup(child.pid, 'SIGKILL');
    // Time to drain counts only while output is read: a slow runtime must not cut a job's last lines.
    const drainLater = () => { job.drain = setTimeout(() => { if (blocked) drainLater(); else { child.stdout.destroy(); child.stderr.destroy(); } }, PIPE_DRAIN_MS); };
    drainLater();
  });
  child.on('close', (code, signal) => finish({ code, signal }));
}

// Requests: <byte length>\n<fields joined by NUL>; read as bytes, since the length counts bytes.
let input = Buffer.alloc(0);
function request(fields) {
  const id = Number(fields[1]);
  if (fields[0] === 'K') { const job = jobs.get(id); if (job && !job.done) killGroup(job.child.pid, fields[2]); return; }
  const directoryCount = Number(fields[8]);
  const directories = fields.slice(9, 9 + directoryCount);
  const argc = Number(fields[9 + directoryCount]);
  const first = 10 + directoryCount;
  const env = {};
  for (const entry of fields.slice(first + argc)) { const eq = entry.indexOf('='); env[entry.slice(0, eq)] = entry.slice(eq + 1); }
  const number = (text) => (text === '' ? undefined : Number(text));
  startJob({ id, file: fields[2], cwd: fields[3] || undefined, uid: number(fields[4]), gid: number(fields[5]),
    cgroupProcs: fields[6] || undefined, remove: fields[7] === '1', directories, args: fields.slice(first, first + argc), env });
}
process.stdin.on('data', (chunk) => {
  input = input.length === 0 ? chunk : Buffer.concat([input, chunk]);
  for (;;) {
    const newline = input.indexOf(10);
    if (newline === -1) break;
    const length = Number(input.toString('latin1', 0, newline));
    if (input.length < newline + 1 + length) break;
    request(input.toString('utf8', newline + 1, newline + 1 + length).split('\0'));
    input = input.subarray(newline + 1 + length);
  }
});
// Ctrl-C at a terminal signals the whole foreground process group, this helper included. The
// runtime decides what a Ctrl-C means (batch-local run terminates its job and waits for it); if the
// runtime itself goes away, stdin ends and every job is killed below.
process.on('SIGINT', () => undefined);
process.stdin.on('end', () => {
  for (const job of jobs.values()) killGroup(job.child.pid, 'SIGKILL');
  process.exit(0);
});
`;
