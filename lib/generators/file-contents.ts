import type { GeneratedFile } from "./types";

/** Base64 without Buffer, so the core runs the same in the browser; chunked to keep argument lists short. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The bytes a file holds on disk: UTF-8 text, or its base64 contents decoded. */
export function fileBytes(file: GeneratedFile): Uint8Array<ArrayBuffer> {
  return file.encoding === "base64" ? base64ToBytes(file.contents) : new TextEncoder().encode(file.contents);
}

/** Bytes that base64 `contents` decode to, without decoding them. */
export function base64ByteLength(contents: string): number {
  const padding = contents.endsWith("==") ? 2 : contents.endsWith("=") ? 1 : 0;
  return (contents.length / 4) * 3 - padding;
}
