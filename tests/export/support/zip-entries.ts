/** One entry of a zip's central directory, read straight from the bytes (fflate's unzip does not expose attributes). */
export interface CentralDirectoryEntry {
  name: string;
  /** Operating system of origin: 3 is Unix. */
  madeBy: number;
  /** Unix mode from the upper 16 bits of the external attributes, e.g. 0o100644. */
  unixMode: number;
  dosTime: number;
  dosDate: number;
}

const CENTRAL_DIRECTORY_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;

export function centralDirectory(zip: Uint8Array): CentralDirectoryEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY_SIGNATURE) end -= 1;
  if (end < 0) throw new Error("No end of central directory record");
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: CentralDirectoryEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (view.getUint32(offset, true) !== CENTRAL_DIRECTORY_SIGNATURE) throw new Error(`Bad central directory entry at ${offset}`);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength)),
      madeBy: view.getUint8(offset + 5),
      unixMode: view.getUint32(offset + 38, true) >>> 16,
      dosTime: view.getUint16(offset + 12, true),
      dosDate: view.getUint16(offset + 14, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
