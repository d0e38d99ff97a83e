/**
 * The Content-Security-Policy of Archway's pages. Scripts run only from this origin or with the per-request nonce
 * Next puts on its own inline scripts ('strict-dynamic' lets those load the page's chunks). What the app needs
 * beyond that, and why:
 * - style-src 'unsafe-inline': React Flow positions every node with a style attribute and mermaid writes <style>
 *   into its SVG; no nonce is listed there, because a nonce would make browsers ignore 'unsafe-inline'.
 * - img-src and font-src data: blob:: template thumbnails and canvas pictures are data: and blob: URLs.
 * - connect-src blob:: the export reads back the blobs it builds.
 * - worker-src 'self' blob:: Web Workers are created from bundled module URLs.
 * - 'unsafe-eval' only in development, where React rebuilds server error stacks with eval.
 * upgrade-insecure-requests is left out on purpose: Archway is served over plain HTTP on loopback and LAN
 * addresses, where upgrading its own requests to https would break every page.
 */

export interface ContentSecurityPolicyOptions {
  nonce: string;
  development: boolean;
}

export function contentSecurityPolicy({ nonce, development }: ContentSecurityPolicyOptions): string {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(nonce)) throw new Error("A CSP nonce must be base64");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", "blob:"],
    ["worker-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every page. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
