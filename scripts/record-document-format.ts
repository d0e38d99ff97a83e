// Records the fingerprints of the current document format and freezes its every-kind fixture. Run it after raising
// SCHEMA_VERSION (and a kind's settingsVersion) for a format change: `npm run document-format:record`. It only ever adds:
// an already recorded version keeps its fingerprint and fixture, so a change that needs a new version cannot be
// recorded over the old one.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { SCHEMA_VERSION } from "@/lib/model";
import { currentFingerprints, everyKindDocument, everyKindFixtureFile, FINGERPRINTS_FILE, type RecordedFingerprints } from "../tests/helpers/document-format";

const recorded: RecordedFingerprints = existsSync(FINGERPRINTS_FILE) ? JSON.parse(readFileSync(FINGERPRINTS_FILE, "utf8")) : { documents: {}, kinds: {} };
const current = currentFingerprints();
const refusals: string[] = [];

function record(table: Record<string, string>, version: number, value: string, what: string): void {
  const existing = table[String(version)];
  if (existing === undefined) table[String(version)] = value;
  else if (existing !== value) refusals.push(`${what} version ${version} is already recorded with another shape: raise its version and add a migration.`);
}

record(recorded.documents, SCHEMA_VERSION, current.document, "The document format");
for (const [kind, { version, fingerprint }] of Object.entries(current.kinds)) {
  recorded.kinds[kind] ??= {};
  record(recorded.kinds[kind], version, fingerprint, `The ${kind} settings`);
}
if (refusals.length > 0) {
  console.error(refusals.join("\n"));
  process.exit(1);
}
writeFileSync(FINGERPRINTS_FILE, `${JSON.stringify(recorded, null, 2)}\n`);
const fixture = everyKindFixtureFile(SCHEMA_VERSION);
if (!existsSync(fixture)) writeFileSync(fixture, `${JSON.stringify(everyKindDocument(), null, 2)}\n`);
console.log(`Recorded format version ${SCHEMA_VERSION}.`);
