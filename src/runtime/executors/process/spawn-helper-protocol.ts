/**
 * The protocol between the runtime and a spawn helper, the same for every helper program (Perl or
 * Node.js). It needs no JSON, because perl-base (Debian's essential Perl, the one always there) has no JSON
 * module, and it cannot be ambiguous, because execve takes no NUL byte in an argument or variable:
 *
 *   runtime -> helper   `<payload byte length>\n<payload>`, the payload's fields joined by NUL:
 *     S  id  file  cwd  uid  gid  cgroupProcs  remove  n  dir...  argc  arg...  NAME=value...
 *        start a job ('' = not given): create the n directories first (each owned by uid/gid), and
 *        with remove = '1' remove them, with anything left in them, once it ended
 *     K  id  SIGNAL                                          signal the job's process group
 *   helper -> runtime   one UTF-8 line per event, fields separated by tabs (the last one may hold tabs):
 *     L  id  stream(0 stdout, 1 stderr)  text                one line of the job's output
 *     X  id  code  signal                                    it ended (code '' when a signal ended it)
 *     E  id  errno-code  stage  message                      it could not be started; stage: exec (the
 *                                                            command) or setup (directories, cgroup, user)
 */

/** A request to start one job process. */
export interface SpawnRequest {
  readonly id: number;
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd?: string;
  readonly uid?: number;
  readonly gid?: number;
  /** A cgroup's `cgroup.procs` file the process joins before it execs. */
  readonly cgroupProcs?: string;
  /** Directories to create, in order, before the process starts (owned by uid/gid when given). */
  readonly directories?: readonly string[];
  /** Remove `directories`, and what the process left in them, once it ended. */
  readonly removeDirectories?: boolean;
}

/** What a helper reports about one job. */
export type HelperEvent =
  | { readonly kind: 'line'; readonly id: number; readonly stream: 'stdout' | 'stderr'; readonly text: string }
  | { readonly kind: 'exit'; readonly id: number; readonly code?: number; readonly signal?: NodeJS.Signals }
  | { readonly kind: 'error'; readonly id: number; readonly code: string; readonly stage: 'exec' | 'setup'; readonly message: string };

/** The message that starts `request`'s process. Throws, naming the field, if a value holds a NUL byte. */
export function encodeSpawn(request: SpawnRequest): string {
  const environment = Object.entries(request.env).map(([name, value]) => {
    if (name.includes('=')) throw new Error(`environment variable name ${JSON.stringify(name)} contains '='`);
    return `${name}=${value}`;
  });
  const directories = request.directories ?? [];
  const fields = [
    'S', String(request.id), request.file, request.cwd ?? '', optionalNumber(request.uid), optionalNumber(request.gid),
    request.cgroupProcs ?? '', request.removeDirectories ? '1' : '', String(directories.length), ...directories,
    String(request.args.length), ...request.args, ...environment,
  ];
  const nul = fields.findIndex((field) => field.includes('\0'));
  if (nul !== -1) throw new Error(`${describeField(nul, request)} contains a NUL byte, which a process cannot be given`);
  return frame(fields);
}

/** The message that sends `signal` to the process group of job `id`. */
export function encodeSignal(id: number, signal: NodeJS.Signals): string {
  return frame(['K', String(id), signal]);
}

/** One helper output line as an event; undefined for a line that is not one (it is ignored). */
export function parseHelperEvent(line: string): HelperEvent | undefined {
  const first = line.indexOf('\t');
  const second = line.indexOf('\t', first + 1);
  if (first !== 1 || second === -1) return undefined;
  const id = Number(line.slice(2, second));
  const third = line.indexOf('\t', second + 1);
  const field = third === -1 ? line.slice(second + 1) : line.slice(second + 1, third);
  const rest = third === -1 ? '' : line.slice(third + 1);
  switch (line[0]) {
    case 'L':
      return { kind: 'line', id, stream: field === '1' ? 'stderr' : 'stdout', text: rest };
    case 'X':
      return field === '' ? { kind: 'exit', id, signal: rest as NodeJS.Signals } : { kind: 'exit', id, code: Number(field) };
    case 'E': {
      const tab = rest.indexOf('\t');
      return { kind: 'error', id, code: field, stage: rest.startsWith('setup\t') ? 'setup' : 'exec', message: rest.slice(tab + 1) };
    }
    default:
      return undefined;
  }
}

function frame(fields: string[]): string {
  const payload = fields.join('\0');
  return `${Buffer.byteLength(payload, 'utf8')}\n${payload}`;
}

function optionalNumber(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function describeField(index: number, request: SpawnRequest): string {
  if (index === 2) return 'the command';
  if (index === 3) return 'the working directory';
  if (index === 6) return 'the cgroup path';
  const firstArgument = 10 + (request.directories?.length ?? 0);
  if (index < firstArgument) return `directory ${JSON.stringify(request.directories![index - 9])}`;
  if (index < firstArgument + request.args.length) return `argument ${index - firstArgument + 1} (${JSON.stringify(request.args[index - firstArgument])})`;
  return `environment variable ${Object.keys(request.env)[index - firstArgument - request.args.length]}`;
}
