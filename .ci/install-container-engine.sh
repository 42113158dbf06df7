#!/usr/bin/env bash
# Installs and configures a real container engine (rootful Podman 4.3.1 from Debian, runc) so the
# docker executor's real-engine tests run in CI. Idempotent: a warm run only checks and returns.
# Facts behind each setting: the shared guide ../shared/guides/container-engine.md (hybrid cgroups, no
# CAP_SYS_RESOURCE, no systemd/journald, no registry).
set -euo pipefail
start=$(date +%s.%N)

if ! command -v podman >/dev/null 2>&1 || ! command -v runc >/dev/null 2>&1 || [ ! -x /bin/busybox ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends podman runc busybox-static >/dev/null
fi

# crun fails on hybrid cgroups; podman asks for more rlimits than we may set; no systemd.
nofile=$(ulimit -Hn)
nproc=$(ulimit -Hu)
if [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; then nproc=32768; fi
if [ "$nofile" = unlimited ]; then nofile=1048576; fi
mkdir -p /etc/containers
conf=/etc/containers/containers.conf
want=$(cat <<CONF
# written by .ci/install-container-engine.sh
[containers]
default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
)
if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$want" ]; then
  printf '%s\n' "$want" > "$conf"
fi
touch /etc/containers/nodocker

# Images from a local rootfs (no registry reachable).
if ! podman image exists localhost/busybox:local; then
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/tmp" "$root/proc" "$root/sys" "$root/dev" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for tool in sh echo sleep true false env cat id ls mkdir touch kill head dd printf grep nproc wc rm; do
    ln -sf busybox "$root/bin/$tool"
  done
  echo 'root:x:0:0:root:/:/bin/sh' > "$root/etc/passwd"
  echo 'root:x:0:' > "$root/etc/group"
  chmod 1777 "$root/tmp"
  tar -C "$root" -c . | podman import --quiet - localhost/busybox:local >/dev/null
  rm -rf "$root"
fi
# An image whose ENTRYPOINT is a shell script and CMD a default argument (ENTRYPOINT/CMD vs job command).
if ! podman image exists localhost/entrypoint:local; then
  ctx=$(mktemp -d)
  printf '#!/bin/sh\necho "entrypoint args: $*"\n' > "$ctx/entrypoint.sh"
  chmod 755 "$ctx/entrypoint.sh"
  printf 'FROM localhost/busybox:local\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["default-cmd"]\n' > "$ctx/Containerfile"
  podman build --quiet -t localhost/entrypoint:local -f "$ctx/Containerfile" "$ctx" >/dev/null
  rm -rf "$ctx"
fi

podman run --rm --network none localhost/busybox:local true
end=$(date +%s.%N)
echo "container engine ready: $(podman --version), images localhost/busybox:local localhost/entrypoint:local ($(echo "$end - $start" | bc 2>/dev/null || awk "BEGIN{print $end-$start}") s)"
