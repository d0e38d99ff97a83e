import { describe, expect, it } from "vitest";
import { buildFileTree, folderPaths, type TreeFolder, type TreeNode } from "@/components/outputs/file-tree";
import { searchFiles, type FileMatch, type SearchableFile } from "@/components/outputs/search-files";
import { clampSideWidth, readSideWidth, SIDE_PANEL_WIDTH, writeSideWidth } from "@/lib/designer/side-panel-preferences";

const names = (folder: TreeFolder): string[] => folder.children.map((child: TreeNode) => (child.type === "folder" ? `${child.name}/` : child.name));

function runToEnd(files: SearchableFile[], query: string, budget?: number): { matches: FileMatch[]; pauses: number } {
  const search = searchFiles(files, query, budget);
  let pauses = 0;
  for (let step = search.next(); ; step = search.next()) {
    if (step.done) return { matches: step.value, pauses };
    pauses += 1;
  }
}

describe("the outputs file tree", () => {
  it("puts folders first, sorts each level and folds single-folder chains", () => {
    const tree = buildFileTree(["README.md", "deploy/k8s/base/api.yaml", "deploy/k8s/base/db.yaml", "services/api/src/index.ts", "services/api/package.json", "services/web/Dockerfile", ".env.example"]);
    expect(names(tree)).toEqual(["deploy/k8s/base/", "services/", ".env.example", "README.md"]);
    const services = tree.children[1] as TreeFolder;
    expect(names(services)).toEqual(["api/", "web/"]);
    expect(names(services.children[0] as TreeFolder)).toEqual(["src/", "package.json"]);
    expect(folderPaths(tree)).toEqual(["deploy/k8s/base", "services", "services/api", "services/api/src", "services/web"]);
  });
});

describe("searching the outputs", () => {
  const files = [
    { path: "main.tf", contents: "resource \"aws_db\" \"orders\" {\n  name = \"Orders\"\n}\n# orders again: ORDERS\n" },
    { path: "orders/README.md", contents: "nothing here" },
    { path: "other.tf", contents: "no match" },
  ];

  it("counts case-insensitive matches per file, lists their lines, and matches paths", () => {
    const { matches } = runToEnd(files, "Orders");
    expect(matches.map((match) => [match.path, match.count, match.pathMatches])).toEqual([
      ["main.tf", 4, false],
      ["orders/README.md", 0, true],
    ]);
    expect(matches[0].lines.map((line) => line.line)).toEqual([1, 2, 4]);
    expect(matches[0].lines[1].text).toBe('  name = "Orders"');
  });

  it("gives the same answer in small slices, pausing between them, matches across slice ends counted once", () => {
    const big = { path: "big.txt", contents: "abcabc\n".repeat(20_000) };
    const whole = runToEnd([big], "cab");
    const sliced = runToEnd([big], "cab", 97);
    expect(sliced.matches).toEqual(whole.matches);
    expect(whole.matches[0].count).toBe(40_000 - 20_000);
    expect(sliced.pauses).toBeGreaterThan(1000);
    expect(runToEnd([{ path: "a", contents: "aaaa" }], "aa", 1).matches[0].count).toBe(2);
  });

  it("finds nothing for an empty query", () => {
    expect(runToEnd(files, "  ").matches).toEqual([]);
  });
});

describe("the side panel width", () => {
  it("is remembered within bounds, and junk or missing storage reads as the default", () => {
    const values = new Map<string, string>();
    const storage = { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) } as Storage;
    expect(readSideWidth(storage)).toBe(SIDE_PANEL_WIDTH.default);
    writeSideWidth(storage, 612.4);
    expect(readSideWidth(storage)).toBe(612);
    writeSideWidth(storage, 10_000);
    expect(readSideWidth(storage)).toBe(SIDE_PANEL_WIDTH.max);
    values.set("archway:side-panel-width", "wide");
    expect(readSideWidth(storage)).toBe(SIDE_PANEL_WIDTH.default);
    expect(readSideWidth(undefined)).toBe(SIDE_PANEL_WIDTH.default);
    expect(clampSideWidth(0)).toBe(SIDE_PANEL_WIDTH.min);
  });
});
