/**
 * Safe names shared by every generator. Component ids already match ID_PATTERN, but generators combine
 * them with prefixes and suffixes, cut them to a provider's length limit and sometimes derive names from
 * free text, so every derived name goes through one of these helpers: each returns a non-empty string in a
 * fixed alphabet, whatever the input, and distinct inputs keep distinct names.
 */

/**
 * Unicode bidirectional controls: the embeddings and overrides U+202A-U+202E, the isolates U+2066-U+2069 and
 * the marks U+200E, U+200F and U+061C. They are invisible and reorder how the text around them is displayed,
 * so a name holding one can make generated code or a diagram read differently from what it does (Trojan
 * Source, CVE-2021-42574).
 */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, "g");

export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** Each bidirectional control replaced by a visible marker naming it, "⟨U+202E⟩": shown, never obeyed. */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (control) => `⟨U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}

/** Words of `text` in lowercase ASCII letters and digits; accents are stripped, everything else separates words. */
function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** Cut to `maxLength` without leaving a hyphen at the end. */
function truncate(text: string, maxLength: number): string {
  return text.slice(0, maxLength).replace(/-+$/, "");
}

/** FNV-1a of the text as 6 base-36 characters: a short, stable disambiguator. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0").slice(-6);
}

/**
 * Lowercase words joined by single hyphens: `a-z`, `0-9` and `-`, never starting or ending with a hyphen,
 * at most `maxLength` characters, `fallback` when nothing is left. For display-derived file and folder names.
 */
export function slug(text: string, maxLength = 63, fallback = "item"): string {
  const joined = truncate(words(text).join("-"), maxLength);
  return joined.length > 0 ? joined : fallback;
}

/**
 * The name a design's starter repository goes by: its zip's top-level folder, its root package, and the zip's
 * download name, so `My Shop` downloads as `my-shop-starter.zip` and unzips into `my-shop/`.
 */
export function projectSlug(designName: string): string {
  return slug(designName, 60, "archway-design");
}

/**
 * A short slug for prefixes: the text's first words, cut at a word boundary, at most `maxLength`
 * characters, starting with a letter. "Shared API gateway on ECS (004)" → "shared-api-gateway-on".
 */
export function shortName(text: string, maxLength: number, fallback = "archway"): string {
  const [first, ...rest] = slug(text, Number.MAX_SAFE_INTEGER, fallback).split("-");
  let name = first.slice(0, maxLength);
  for (const word of rest) {
    if (name.length + 1 + word.length > maxLength) break;
    name = `${name}-${word}`;
  }
  return /^[a-z]/.test(name) ? name : truncate(`a-${name}`, maxLength);
}

/**
 * A name that starts with a letter, uses `a-z`, `0-9` and single hyphens, does not end with a hyphen and
 * fits `maxLength` (at least 8). This satisfies Kubernetes DNS-1035 labels (maxLength 63) and the strictest
 * AWS naming rules (RDS identifiers, ElastiCache group ids, ALB and target-group names of at most 32).
 * A text that already fits is kept as is; any other gets a hash of the original text, so two different
 * inputs never end up with the same name after cleaning or cutting.
 */
export function boundedName(text: string, maxLength = 63): string {
  const cleaned = slug(text, Number.MAX_SAFE_INTEGER, "");
  if (cleaned === text && cleaned.length <= maxLength && /^[a-z]/.test(cleaned)) return cleaned;
  const hash = shortHash(text);
  const head = truncate(/^[a-z]/.test(cleaned) ? cleaned : `x-${cleaned}`, maxLength - hash.length - 1);
  return `${head}-${hash}`;
}

/** A Kubernetes object name (DNS-1035 label) built from parts, e.g. `dnsLabel(id, "headless")`. */
export function dnsLabel(...parts: string[]): string {
  return boundedName(parts.join("-"), 63);
}

/**
 * An identifier `[A-Za-z_][A-Za-z0-9_]*` for an id: hyphens become underscores and a leading digit gets an
 * underscore, which no id can start with, so distinct ids keep distinct identifiers (ids contain no `_`).
 * Any other character is spelled out as `_xHH_`. Used for Mermaid node ids, which stay internal.
 */
export function identifierFromId(id: string): string {
  const body = Array.from(id)
    .map((character) => {
      if (/[a-z0-9]/.test(character)) return character;
      if (character === "-") return "_";
      return `_x${character.codePointAt(0)?.toString(16)}_`;
    })
    .join("");
  return /^[a-z]/.test(body) ? body : `_${body}`;
}

/** An environment variable name `[A-Z][A-Z0-9_]*`, e.g. `ORDERS_DB_URL`. */
export function constantName(text: string, fallback = "item"): string {
  const joined = (words(text).length > 0 ? words(text) : words(fallback)).join("_").toUpperCase();
  return /^[A-Z]/.test(joined) ? joined : `N_${joined}`;
}

/**
 * Whether a generated path stays inside its folder: relative, forward slashes only, no empty, `.` or `..`
 * segments, no control or bidirectional control characters. Writers refuse any path that fails this.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path.length === 0 || path.length > 1024) return false;
  if (path.startsWith("/") || path.includes("\\") || /^[A-Za-z]:/.test(path)) return false;
  if (/[\u0000-\u001f\u007f]/.test(path) || hasBidiControls(path)) return false;
  return path.split("/").every((segment) => segment.length > 0 && segment !== "." && segment !== "..");
}

/**
 * Environment variable names for one workload: `<NAME>_<SUFFIX>` from a component's name slug
 * (component-names.ts), made unique when a name is reserved (PORT, DATABASE_URL...) or already taken.
 */
export function environmentNamer(reserved: readonly string[]): (componentSlug: string, suffix: string) => string {
  const taken = new Set(reserved);
  return (componentSlug, suffix) => {
    const base = constantName(componentSlug);
    let name = `${base}${suffix}`;
    for (let attempt = 1; taken.has(name); attempt += 1) name = `${base}_${shortHash(`${componentSlug}#${attempt}`).toUpperCase()}${suffix}`;
    taken.add(name);
    return name;
  };
}
