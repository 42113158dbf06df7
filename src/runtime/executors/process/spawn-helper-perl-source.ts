import { constants } from 'os';
import { MAX_LOG_LINE_LENGTH } from '../common/line-splitter';

/**
 * The Perl spawn helper's program, run as `perl -e <source>`: it does what the Node.js helper
 * (spawn-helper-source.ts) does, over the same protocol (spawn-helper-protocol.ts), at about a third of
 * its cost per job. Why Perl, and by hand:
 * - a short job's cost is mostly its fork: a Perl process maps about 5 MiB, a Node.js one about 40 MiB
 *   plus its JavaScript per spawn. Measured on 2 cores, 1,000 jobs of `true` at concurrency 2 with pipes,
 *   setsid and a user switch: a Perl loop 0.60 s, a Node.js loop 0.93–1.05 s, `xargs -P2` 0.50–0.55 s;
 * - perl-base is essential on Debian and Ubuntu (it is always installed); no Node.js package forks more
 *   cheaply without a native addon to build.
 * - it is lean on purpose: a fork write-protects every private page of the forking process, so each page
 *   it later writes costs a fault. It loads no module but POSIX's compiled part (setsid, setuid, _exit:
 *   1.2 MiB of private memory, against 3.5 MiB with POSIX.pm, Config and Errno); errno and signal
 *   numbers come from Node.js's os.constants, which describe the same kernel.
 *
 * Per job: three pipes (stdout, stderr, and one closed on exec that reports a failed start), fork; the
 * child joins its cgroup, creates the attempt's directories (so that the runtime's thread spends no
 * time on them: on this project's ext4 disk they cost 0.15-0.5 ms per job), starts a new session (its
 * own process group), sets its directory, group and user, environment, and execs. After the exit, when
 * nothing else is ready, the helper removes the directories (a child of its own removes what a job
 * left in them). One select loop reads every job's output and the runtime's requests;
 * SIGCHLD wakes it through a self-pipe (and a short poll covers a signal that comes just before select). When a job's main process exits the rest of its group is
 * killed and its pipes get 2 s to drain; when stdin closes every job is killed and the helper exits.
 * Lines longer than MAX_LOG_LINE_LENGTH bytes are cut at a character boundary (the Node.js helper cuts
 * at that many characters; both give pieces within CloudWatch's limit). Output is written with blocking
 * writes: while the runtime does not read, neither does the helper, and the jobs wait on full pipes.
 */
export const SPAWN_HELPER_PERL_SOURCE = String.raw`
use strict;
require XSLoader; XSLoader::load('POSIX');
my $MAX = ${MAX_LOG_LINE_LENGTH};
my ($EINTR, $ENOENT, $EEXIST) = (${constants.errno.EINTR}, ${constants.errno.ENOENT}, ${constants.errno.EEXIST});
my %ERRNO = (${errnoTable()});
my %SIGNAL = (${signalTable()});
my $WNOHANG = 1; # Linux, every architecture
my $DRAIN = 2; # seconds the pipes of an ended job get to close
my (%jobs, %by_fd, %by_pid, @removals);
my ($in, $out) = ('', '');
pipe(my $wake_r, my $wake_w) or die "pipe: $!";
# A wake-up byte per SIGCHLD; the loop reads them all each time, so the pipe never fills.
$SIG{CHLD} = sub { syswrite($wake_w, 'c') };
# Ctrl-C at a terminal signals the whole foreground group, this helper too: the runtime decides.
$SIG{INT} = sub { };
$SIG{PIPE} = 'IGNORE';
sub errno_name { my $n = shift; $ERRNO{$n} // "E$n" }
sub flush_out {
  while (length $out) {
    my $n = syswrite(STDOUT, $out);
    if (!defined $n) { next if $! == $EINTR; kill_all(); exit 0; }
    substr($out, 0, $n, '');
  }
}
sub kill_all { kill 'KILL', -$_->{pid} for values %jobs; }
# Where to cut a text longer than $MAX bytes: at most $MAX, never inside a UTF-8 character.
sub cut_point {
  my $cut = $MAX;
  $cut-- while $cut > 0 && (ord(substr($_[0], $cut, 1)) & 0xC0) == 0x80;
  return $cut;
}
sub emit_line {
  my ($id, $s, $line) = @_;
  $line =~ s/\r\z//;
  $out .= "L\t$id\t$s\t" . substr($line, 0, cut_point($line), '') . "\n" while length($line) > $MAX;
  $out .= "L\t$id\t$s\t$line\n";
}
sub finish_if_done {
  my ($id) = @_;
  my $job = $jobs{$id};
  return unless defined $job->{status} && !$job->{fh}[0] && !$job->{fh}[1];
  delete $jobs{$id};
  my $status = $job->{status};
  my $signal = $status & 127;
  $out .= $signal ? "X\t$id\t\t" . ($SIGNAL{$signal} // "SIG$signal") . "\n" : "X\t$id\t" . ($status >> 8) . "\t\n";
  push @removals, $job->{dirs} if $job->{remove};
}
sub remove_tree {
  my ($path) = @_;
  if (-l $path || !-d _) { unlink $path; return; }
  if (opendir(my $dir, $path)) {
    my @entries = grep { $_ ne '.' && $_ ne '..' } readdir $dir;
    closedir $dir;
    remove_tree("$path/$_") for @entries;
  }
  rmdir $path;
}
# Removes one ended job's directories, when nothing else is ready: the next job's start, which the
# runtime sends as soon as it reads the exit, never waits behind it. What a job left in them goes in
# a child of its own, so that many files do not hold up every other job's output.
sub remove_one {
  my $dirs = shift @removals;
  for my $dir (reverse @$dirs) {
    next if rmdir($dir) || $! == $ENOENT;
    my $pid = fork();
    if (defined $pid && $pid == 0) { remove_tree($dirs->[0]); POSIX::_exit(0); }
    return;
  }
}
sub close_stream {
  my ($id, $s) = @_;
  my $job = $jobs{$id};
  my $fh = $job->{fh}[$s];
  emit_line($id, $s, $job->{pending}[$s]) if length $job->{pending}[$s];
  $job->{pending}[$s] = '';
  delete $by_fd{fileno $fh};
  close $fh;
  $job->{fh}[$s] = undef;
  finish_if_done($id);
}
sub read_stream {
  my ($id, $s) = @_;
  my $job = $jobs{$id};
  my $n = sysread($job->{fh}[$s], my $chunk, 65536);
  return if !defined $n && $! == $EINTR;
  if (!$n) { close_stream($id, $s); return; }
  my $text = $job->{pending}[$s] . $chunk;
  my $start = 0;
  while ((my $newline = index($text, "\n", $start)) >= 0) {
    emit_line($id, $s, substr($text, $start, $newline - $start));
    $start = $newline + 1;
  }
  $text = substr($text, $start);
  emit_line($id, $s, substr($text, 0, cut_point($text), '')) while length($text) > $MAX;
  $job->{pending}[$s] = $text;
}
sub reap {
  while ((my $pid = waitpid(-1, $WNOHANG)) > 0) {
    my $id = delete $by_pid{$pid};
    next unless defined $id; # a removal child
    kill 'KILL', -$pid; # what the main process left in its group goes, as at a container's end
    $jobs{$id}{status} = $?;
    $jobs{$id}{drain_until} = time + $DRAIN;
    finish_if_done($id);
  }
}
# In the child, before exec: tells the parent why the job cannot start (stage exec or setup), and exits.
sub child_fail {
  my ($w, $stage, $errno, $message, $suffix) = @_;
  my $code = errno_name($errno);
  my $text = do { local $! = $errno; lcfirst("$!") };
  syswrite($w, "$code\0$stage\0" . ($stage eq 'exec' ? '' : "$message: $code: $text" . ($suffix // '')));
  POSIX::_exit(127);
}
sub make_directory {
  my ($dir) = @_;
  return 1 if mkdir($dir) || $! == $EEXIST;
  return 0 unless $! == $ENOENT;
  (my $parent = $dir) =~ s{/+[^/]+/*\z}{};
  return 0 unless $parent ne '' && make_directory($parent);
  return mkdir($dir) || $! == $EEXIST;
}
sub start_job {
  my ($id, $file, $cwd, $uid, $gid, $cgroup, $remove, $ndirs, @rest) = @_;
  my @dirs = splice(@rest, 0, $ndirs);
  my $argc = shift @rest;
  my @args = splice(@rest, 0, $argc);
  my ($out_r, $out_w, $err_r, $err_w, $status_r, $status_w);
  my $pid;
  unless (pipe($out_r, $out_w) && pipe($err_r, $err_w) && pipe($status_r, $status_w) && defined($pid = fork())) {
    my $code = errno_name($! + 0);
    $out .= "E\t$id\t$code\texec\tspawn $file $code\n";
    return;
  }
  if ($pid == 0) {
    $SIG{$_} = 'DEFAULT' for qw(CHLD INT PIPE);
    close $status_r; close $out_r; close $err_r;
    if ($cgroup ne '') {
      my $procs;
      open($procs, '>', $cgroup) && syswrite($procs, "$$") && close($procs) or child_fail($status_w, 'setup', $! + 0, 'cannot join its cgroup', ", open '$cgroup'");
    }
    for my $dir (@dirs) {
      make_directory($dir) or child_fail($status_w, 'setup', $! + 0, 'cannot create its directory', ", mkdir '$dir'");
      if ($uid ne '') { chown($uid, $gid eq '' ? -1 : $gid, $dir) or child_fail($status_w, 'setup', $! + 0, "cannot give its directory to user $uid", ", chown '$dir'"); }
    }
    POSIX::setsid();
    open(STDIN, '<', '/dev/null') && open(STDOUT, '>&', $out_w) && open(STDERR, '>&', $err_w) or child_fail($status_w, 'setup', $! + 0, 'cannot set up its standard streams');
    if ($cwd ne '') { chdir($cwd) or child_fail($status_w, 'setup', $! + 0, 'cannot enter its working directory', ", chdir '$cwd'"); }
    if ($gid ne '') { $) = "$gid $gid"; $( = $gid; $( == $gid && $) == $gid or child_fail($status_w, 'setup', $! + 0, "cannot switch to group $gid"); }
    if ($uid ne '') { ($<, $>) = ($uid, $uid); $< == $uid && $> == $uid or child_fail($status_w, 'setup', $! + 0, "cannot switch to user $uid"); }
    %ENV = ();
    for my $entry (@rest) { my $eq = index($entry, '='); $ENV{substr($entry, 0, $eq)} = substr($entry, $eq + 1); }
    exec { $file } $file, @args;
    child_fail($status_w, 'exec', $! + 0);
  }
  close $status_w; close $out_w; close $err_w;
  my $report = '';
  while (1) {
    my $n = sysread($status_r, my $piece, 4096);
    if (!defined $n) { next if $! == $EINTR; last; }
    last if $n == 0;
    $report .= $piece;
  }
  close $status_r;
  if ($report ne '') {
    waitpid($pid, 0);
    close $out_r; close $err_r;
    my ($code, $stage, $message) = split /\0/, $report, 3;
    $out .= "E\t$id\t$code\t$stage\t" . ($stage eq 'exec' ? "spawn $file $code" : $message) . "\n";
    if ($remove) { rmdir($_) for reverse @dirs; }
    return;
  }
  $jobs{$id} = { pid => $pid, fh => [$out_r, $err_r], pending => ['', ''], dirs => \@dirs, remove => $remove };
  $by_pid{$pid} = $id;
  $by_fd{fileno $out_r} = [$id, 0];
  $by_fd{fileno $err_r} = [$id, 1];
}
sub request {
  my @fields = split /\0/, $_[0], -1;
  if ($fields[0] eq 'K') {
    my $job = $jobs{$fields[1]};
    (my $signal = $fields[2]) =~ s/\ASIG//;
    kill $signal, -$job->{pid} if $job;
    return;
  }
  start_job(@fields[1 .. $#fields]) if $fields[0] eq 'S';
}
sub read_requests {
  my $n = sysread(STDIN, $in, 65536, length $in);
  if (!defined $n) { return if $! == $EINTR; $n = 0; }
  if ($n == 0) { kill_all(); remove_one() while @removals; exit 0; }
  while ((my $newline = index($in, "\n")) >= 0) {
    my $length = substr($in, 0, $newline);
    last if length($in) < $newline + 1 + $length;
    my $payload = substr($in, $newline + 1, $length);
    substr($in, 0, $newline + 1 + $length, '');
    request($payload);
  }
}
while (1) {
  my $before = time;
  flush_out();
  my $blocked = time - $before;
  my $rin = '';
  vec($rin, fileno(STDIN), 1) = 1;
  vec($rin, fileno($wake_r), 1) = 1;
  vec($rin, $_, 1) = 1 for keys %by_fd;
  my $timeout;
  if (%jobs) {
    # Perl runs a signal handler between statements, so a SIGCHLD that comes right before select() is
    # handled only after it returns: a job that ended would wait for the next unrelated event. A job
    # whose output has ended has (nearly always) exited: poll for it every millisecond; otherwise wake
    # every 100 ms while jobs run.
    $timeout = (grep { !defined $_->{status} && !$_->{fh}[0] && !$_->{fh}[1] } values %jobs) ? 0.001 : 0.1;
    for my $job (values %jobs) {
      next unless defined $job->{drain_until};
      # Time to drain counts only while output is read: a slow runtime must not cut a job's last lines.
      $job->{drain_until} += $blocked;
      my $left = $job->{drain_until} - time;
      $timeout = $left < 0 ? 0 : $left if $left < $timeout;
    }
  }
  $timeout = 0 if @removals;
  my $ready = select(my $rout = $rin, undef, undef, $timeout);
  if ($ready < 0) { reap(); next; }
  if ($ready == 0 && @removals) { remove_one(); next; }
  sysread($wake_r, my $ignored, 4096) if vec($rout, fileno($wake_r), 1);
  for my $fd (keys %by_fd) {
    next unless vec($rout, $fd, 1) && $by_fd{$fd};
    read_stream(@{ $by_fd{$fd} });
  }
  reap();
  read_requests() if vec($rout, fileno(STDIN), 1);
  my $time = time;
  for my $id (keys %jobs) {
    my $job = $jobs{$id};
    next unless defined $job->{drain_until} && $job->{drain_until} <= $time;
    for my $s (0, 1) { close_stream($id, $s) if $job->{fh}[$s]; }
  }
}
`;

/** errno number => name pairs of this kernel, as Perl hash entries. */
function errnoTable(): string {
  return Object.entries(constants.errno).map(([name, value]) => `${value} => '${name}'`).join(', ');
}

/** signal number => name pairs of this kernel, as Perl hash entries (the first name of a number wins). */
function signalTable(): string {
  const byNumber = new Map<number, string>();
  for (const [name, value] of Object.entries(constants.signals)) if (!byNumber.has(value)) byNumber.set(value, name);
  return [...byNumber].map(([value, name]) => `${value} => '${name}'`).join(', ');
}
