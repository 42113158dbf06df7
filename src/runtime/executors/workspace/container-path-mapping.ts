import { HostMount } from './container-mounts';

/**
 * Rewrites container paths to the host directories that stand for them, in argv elements and
 * environment values. A container path is replaced where it starts a path: at the start of the text
 * or after white space, `=`, `:`, `,` or a quote, and followed by `/`, the end, white space, `:`, `,`
 * or a quote. So `/data`, `/data/in.csv`, `--input=/data/x` and `sh -c "cat /data/x"` are mapped;
 * `/database` and `/srv/data` are not. The longest container path wins when mounts nest.
 */
export class ContainerPathMapping {
  private readonly pattern?: RegExp;
  private readonly hostPaths = new Map<string, string>();

  constructor(mounts: readonly HostMount[]) {
    const paths = [...new Set(mounts.map((m) => m.containerPath))].filter((p) => p !== '/').sort((a, b) => b.length - a.length);
    for (const mount of mounts) this.hostPaths.set(mount.containerPath, mount.hostPath);
    if (paths.length > 0) {
      const alternatives = paths.map(escapeRegExp).join('|');
      this.pattern = new RegExp(`(^|[\\s=:,'"])(${alternatives})(?=$|[/\\s:,'"])`, 'g');
    }
  }

  /** The text with every container path replaced by its host path. */
  map(text: string): string {
    if (!this.pattern) return text;
    return text.replace(this.pattern, (_match, before: string, containerPath: string) => before + this.hostPaths.get(containerPath)!);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
