/**
 * A small tmpfs of a test's own, to make storage fail for real: fill it (ENOSPC) or remount it
 * read-only (EROFS). Needs root and a kernel that lets it mount (this project's machines and CI
 * do); elsewhere `mountTmpfs` says why not, and the test skips with that reason.
 *
 * Linux refuses `mount -o remount,ro` while any process has a file on the mount open for
 * writing ("mount point is busy"), so a read-only remount only succeeds while nothing has the
 * database open read-write.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Tmpfs {
  dir: string;
  /** Writes a ballast file until the disk is full; returns its path. */
  fill(): string;
  /** Deletes the ballast again. */
  drain(): void;
  remount(mode: "ro" | "rw"): void;
  unmount(): void;
}

export type TmpfsResult = { ok: true; tmpfs: Tmpfs } | { ok: false; reason: string };

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
}

export function mountTmpfs(sizeMb: number, prefix = "hourbook-tmpfs-"): TmpfsResult {
  if (process.platform !== "linux") return { ok: false, reason: "mounting a tmpfs needs Linux" };
  if (process.getuid?.() !== 0) return { ok: false, reason: "mounting a tmpfs needs root" };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    run("mount", ["-t", "tmpfs", "-o", `size=${sizeMb}m,mode=0755`, "tmpfs", dir]);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return { ok: false, reason: `mounting a tmpfs is not permitted here (${stderr || (error as Error).message})` };
  }
  const ballast = path.join(dir, "ballast");
  const tmpfs: Tmpfs = {
    dir,
    fill() {
      const fd = fs.openSync(ballast, "a");
      try {
        // Big chunks, then ever smaller ones, until not even one byte fits.
        for (const size of [1 << 20, 64 << 10, 4 << 10, 512, 1]) {
          const chunk = Buffer.alloc(size, 0x61);
          try {
            for (;;) fs.writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
          }
        }
      } finally {
        fs.closeSync(fd);
      }
      return ballast;
    },
    drain() {
      fs.rmSync(ballast, { force: true });
    },
    remount(mode) {
      run("mount", ["-o", `remount,${mode}`, dir]);
    },
    unmount() {
      try {
        run("umount", [dir]);
      } catch {
        // Something still has a file open: detach now, the kernel frees it when they close.
        run("umount", ["-l", dir]);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return { ok: true, tmpfs };
}
