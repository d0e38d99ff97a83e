import { worthSending, type ChosenFile } from "@/lib/designer/persistence/import-client";

/**
 * The files of a drop or a folder pick, each with its path inside what was chosen. Dropped folders are walked through
 * the browser's file-system entries; only files importers read are kept (worthSending).
 */

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, into: ChosenFile[]): Promise<void> {
  const path = entry.fullPath.replace(/^\//, "");
  if (entry.isFile) {
    if (worthSending(path)) into.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
    return;
  }
  if (!entry.isDirectory || !worthSending(`${path}/x.json`)) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches until it answers an empty one.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, into);
  }
}

export async function filesFromDrop(transfer: DataTransfer): Promise<ChosenFile[]> {
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return Array.from(transfer.files).map((file) => ({ path: file.name, file }));
  const files: ChosenFile[] = [];
  for (const entry of entries) await walk(entry, files);
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Files from an <input type=file>, with the folder-relative path a folder pick gives. */
export function filesFromInput(list: FileList): ChosenFile[] {
  return Array.from(list)
    .map((file) => ({ path: file.webkitRelativePath || file.name, file }))
    .filter((chosen) => worthSending(chosen.path));
}
