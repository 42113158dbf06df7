import { MAX_LOG_LINE_LENGTH } from '../common/line-splitter';

/**
 * The spawn helper's program, run as `node -e <source>` so that it needs no compiled file (it works
 * the same from lib/ and under ts-jest). Plain JavaScript, kept small; it speaks newline-delimited JSON:
 *
 *   stdin  {"t":"spawn","id":1,"file":"true","args":[],"env":{},"cwd":"/w","uid":65534,"gid":65534,"cgroupProcs":"/sys/fs/cgroup/x/cgroup.procs"}
 *          {"t":"signal","id":1,"signal":"SIGTERM"}
 *   stdout {"t":"line","id":1,"s":0,"l":"text"}        (s: 0 stdout, 1 stderr; one per line, as written)
 *          {"t":"exit","id":1,"code":0,"signal":null}  (after the last line)
 *          {"t":"exit","id":1,"error":{"code":"ENOENT","message":"..."}}  (could not start)
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
  if (process.stdout.write(JSON.stringify(message) + '\n') || blocked) return;
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
  const piece = (l) => send({ t: 'line', id, s, l });
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

function startJob(request) {
  let child;
  try {
    child = spawn(request.file, request.args, {
      env: request.env, cwd: request.cwd, uid: request.uid, gid: request.gid,
      stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
  } catch (error) {
    send({ t: 'exit', id: request.id, error: { code: error.code, message: error.message } });
    return;
  }
  const job = { child, done: false, drain: undefined };
  jobs.set(request.id, job);
  const finish = (message) => {
    if (job.done) return;
    job.done = true;
    clearTimeout(job.drain);
    jobs.delete(request.id);
    send(Object.assign({ t: 'exit', id: request.id }, message));
  };
  if (request.cgroupProcs !== undefined && child.pid !== undefined) {
    try { fs.writeFileSync(request.cgroupProcs, String(child.pid)); } catch (error) {
      killGroup(child.pid, 'SIGKILL');
      finish({ error: { code: error.code, message: 'cannot join its cgroup: ' + error.message } });
      return;
    }
  }
  lines(child.stdout, request.id, 0);
  lines(child.stderr, request.id, 1);
  child.on('error', (error) => { if (child.pid === undefined) finish({ error: { code: error.code, message: error.message } }); });
  child.on('exit', () => {
    killGroup(child.pid, 'SIGKILL');
    // Time to drain counts only while output is read: a slow runtime must not cut a job's last lines.
    const drainLater = () => { job.drain = setTimeout(() => { if (blocked) drainLater(); else { child.stdout.destroy(); child.stderr.destroy(); } }, PIPE_DRAIN_MS); };
    drainLater();
  });
  child.on('close', (code, signal) => finish({ code, signal }));
}

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const text = pending + chunk;
  let start = 0;
  let newline = text.indexOf('\n');
  while (newline !== -1) {
    const request = JSON.parse(text.slice(start, newline));
    if (request.t === 'spawn') startJob(request);
    else if (request.t === 'signal') { const job = jobs.get(request.id); if (job && !job.done) killGroup(job.child.pid, request.signal); }
    start = newline + 1;
    newline = text.indexOf('\n', start);
  }
  pending = text.slice(start);
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
