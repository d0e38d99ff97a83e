/**
 * A pointer into one of the reference write-ups kept in docs/seeds/.
 * `section` is a heading (or a labelled block) that appears verbatim in that document,
 * so a test can prove every citation resolves.
 */
export const SEED_DOCUMENTS = {
  "000": "000_33f1ccf5109f6a60.txt",
  "001": "001_ee5388b4f921a5c8.txt",
  "002": "002_0c452e842049c40b.txt",
  "003": "003_128cb4f6ba0cafeb.txt",
  "004": "004_78c126b905b9d3a9.txt",
} as const;

export type SeedDocument = keyof typeof SEED_DOCUMENTS;

export interface Citation {
  doc: SeedDocument;
  section: string;
}

export function cite(doc: SeedDocument, section: string): Citation {
  return { doc, section };
}

export function formatCitation(citation: Citation): string {
  return `seed ${citation.doc}, "${citation.section}"`;
}
