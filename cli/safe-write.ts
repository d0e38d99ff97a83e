import { randomBytes } from "node:crypto";
import { constants, type Stats } from "node:fs";
import { lstat, mkdir, open, realpath, rename, stat, statfs, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { isSafeRelativePath } from "@/lib/generators/naming";

/**
 * Every file the CLI writes goes through here, so no command can write through a symbolic link, outside its
 * output folder, or into a special file. Node has no openat(), so each step checks what it is about to use:
 * folders are created one level at a time and checked with lstat, a file is written to a new temporary file
 * (O_CREAT | O_EXCL | O_NOFOLLOW, so a link planted in its place is refused) and renamed over the target,
 * which replaces a directory entry and never follows it. Before the rename the folder is checked again to
 * still be the one that was checked. The folders above --out are taken as the person gave them.
 */

/** The output location cannot be used (a link, a special file, a folder that cannot be written): exit code 2. */
export class OutputRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputRefused";
  }
}

/** Errors that say the place is unusable rather than that writing broke part way (a full disk, an I/O error). */
const REFUSALS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOENT: "no such file or folder",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder",
  ELOOP: "a symbolic link is in the way",
  EEXIST: "something else appeared there",
  ENAMETOOLONG: "the name is too long",
  ENXIO: "no such device",
};

function systemError(action: string, path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  if (code in REFUSALS) return new OutputRefused(`cannot ${action} ${path}: ${REFUSALS[code]}`);
  return new Error(`cannot ${action} ${path}: ${(error as Error).message}`);
}

/**
 * File systems the kernel serves rather than a disk (statfs magic numbers from linux/magic.h): /proc, /sys and
 * their kin. Their entries look like files and folders but writing there changes the running system, or fails in
 * ways that make a writer loop.
 */
const KERNEL_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, "/proc"],
  [0x62656572, "/sys"],
  [0x27e0eb, "cgroup"],
  [0x63677270, "cgroup2"],
  [0x64626720, "debugfs"],
  [0x74726163, "tracefs"],
  [0x73636673, "securityfs"],
  [0x62656570, "configfs"],
  [0xcafe4a11, "bpf"],
  [0x6165676c, "pstore"],
  [0xde5e81e4, "efivarfs"],
]);

/** Refuses `requested` when the existing folder `real` it would be created in (or is) belongs to a kernel file system. */
async function refuseKernelFileSystem(requested: string, real: string): Promise<void> {
  let type: number;
  try {
    type = (await statfs(real)).type;
  } catch (error) {
    throw systemError("inspect", real, error);
  }
  const name = KERNEL_FILE_SYSTEMS.get(type);
  if (name) throw new OutputRefused(`refusing to write into ${requested}: ${real} is on ${name}, a kernel file system, not a disk`);
}

function kindOf(stats: Stats): string {
  if (stats.isSymbolicLink()) return "a symbolic link";
  if (stats.isDirectory()) return "a folder";
  if (stats.isFile()) return "a file";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "a special file";
}

/**
 * lstat, with "nothing there" as undefined and every other failure as a refusal naming the path. With
 * `missingThroughFile`, a path under a file also counts as nothing there, so the walk up finds that file.
 */
async function entryAt(path: string, missingThroughFile = false): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || (missingThroughFile && code === "ENOTDIR")) return undefined;
    throw systemError("inspect", path, error);
  }
}

function refuseUnlessFolder(path: string, stats: Stats): void {
  if (stats.isSymbolicLink()) throw new OutputRefused(`refusing to write through the symbolic link ${path}`);
  if (!stats.isDirectory()) throw new OutputRefused(`refusing to use ${path}: it is ${kindOf(stats)}, not a folder`);
}

/**
 * The folder `name` inside the checked folder `parent`, created if missing; a link or anything but a folder is
 * refused, and so is an existing folder where a kernel file system is mounted.
 */
async function enterFolder(parent: string, name: string): Promise<string> {
  const path = join(parent, name);
  const existing = await entryAt(path);
  if (existing) {
    refuseUnlessFolder(path, existing);
    await refuseKernelFileSystem(path, path);
    return path;
  }
  try {
    await mkdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw systemError("create the folder", path, error);
  }
  const created = await entryAt(path);
  if (!created) throw new OutputRefused(`cannot create the folder ${path}: it disappeared`);
  refuseUnlessFolder(path, created);
  return path;
}

/**
 * The folder `folder` as a real path, created one level at a time below its deepest existing ancestor. That
 * ancestor is resolved as given (the person chose it). With `isOut`, `folder` is the --out folder itself and,
 * when it exists, must not be a link; the folder of an --out file is an ancestor like any other.
 */
async function prepareFolder(folder: string, isOut: boolean): Promise<string> {
  const missing: string[] = [];
  let existing = folder;
  let stats = await entryAt(existing, true);
  while (!stats) {
    missing.unshift(basename(existing));
    existing = dirname(existing);
    stats = await entryAt(existing, true);
  }
  if (missing.length === 0 && isOut) refuseUnlessFolder(folder, stats);
  else {
    try {
      stats = await stat(existing);
    } catch (error) {
      throw systemError("use the folder", existing, error);
    }
    if (!stats.isDirectory()) throw new OutputRefused(`refusing to use ${existing}: it is ${kindOf(stats)}, not a folder`);
  }
  let real: string;
  try {
    real = await realpath(existing);
  } catch (error) {
    throw systemError("use the folder", existing, error);
  }
  await refuseKernelFileSystem(folder, real);
  for (const name of missing) real = await enterFolder(real, name);
  return real;
}

/**
 * Writes `contents` as the file `name` in `folder` (a real path from prepareFolder or enterFolder). An existing
 * regular file is replaced by renaming a new file over it, so its other hard links keep their contents; a link,
 * folder or special file in its place is refused.
 */
async function writeFileIn(folder: string, name: string, contents: string | Uint8Array): Promise<void> {
  const path = join(folder, name);
  const existing = await entryAt(path);
  if (existing?.isSymbolicLink()) throw new OutputRefused(`refusing to write through the symbolic link ${path}`);
  if (existing && !existing.isFile()) throw new OutputRefused(`refusing to replace ${path}: it is ${kindOf(existing)}, not a file`);
  const temporary = join(folder, `.archway-${randomBytes(6).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
  } catch (error) {
    throw systemError("create a file in", folder, error);
  }
  try {
    await handle.writeFile(contents).finally(() => handle.close());
    if ((await realpath(folder)) !== folder) throw new OutputRefused(`refusing to write ${path}: its folder was replaced while writing`);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error instanceof OutputRefused ? error : systemError("write", path, error);
  }
}

/** Writes one file at `path` (absolute, the --out of a command that writes a single file), creating its folder. */
export async function writeOutputFile(path: string, contents: string | Uint8Array): Promise<void> {
  const folder = await prepareFolder(dirname(path), false);
  await writeFileIn(folder, basename(path), contents);
}

/**
 * Writes files under `root` (absolute). Every relative path is checked before anything is written: a path
 * that is absolute or climbs with `..` is refused. Each folder below the root is entered with enterFolder.
 */
export async function writeFilesUnder(root: string, files: readonly { path: string; contents: string | Uint8Array }[]): Promise<void> {
  const unsafe = files.find((file) => !isSafeRelativePath(file.path));
  if (unsafe) throw new OutputRefused(`refusing to write outside ${root}: ${JSON.stringify(unsafe.path)}`);
  const realRoot = await prepareFolder(root, true);
  const entered = new Map<string, string>([["", realRoot]]);
  for (const file of files) {
    const segments = file.path.split("/");
    const name = segments.pop() as string;
    let folder = realRoot;
    let relativeFolder = "";
    for (const segment of segments) {
      relativeFolder = relativeFolder ? `${relativeFolder}/${segment}` : segment;
      folder = entered.get(relativeFolder) ?? (await enterFolder(folder, segment));
      entered.set(relativeFolder, folder);
    }
    await writeFileIn(folder, name, file.contents);
  }
}
