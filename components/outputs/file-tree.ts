/** A folder tree built from generated file paths, for the Outputs file browser. Pure, so it is tested without a DOM. */

export interface TreeFile {
  type: "file";
  name: string;
  path: string;
}

export interface TreeFolder {
  type: "folder";
  name: string;
  /** Folder path without a trailing slash; "" for the root. */
  path: string;
  children: TreeNode[];
}

export type TreeNode = TreeFile | TreeFolder;

const byFoldersThenName = (a: TreeNode, b: TreeNode) => (a.type === b.type ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.type === "folder" ? -1 : 1);

/**
 * The folders and files of `paths`, folders first, each level sorted by name. A chain of folders holding
 * only one folder is shown as one row ("deploy/k8s"), as code hosts do, so deep trees stay short.
 */
export function buildFileTree(paths: readonly string[]): TreeFolder {
  const root: TreeFolder = { type: "folder", name: "", path: "", children: [] };
  const folders = new Map<string, TreeFolder>([["", root]]);
  for (const path of paths) {
    const parts = path.split("/");
    let parent = root;
    for (let depth = 0; depth < parts.length - 1; depth += 1) {
      const folderPath = parts.slice(0, depth + 1).join("/");
      let folder = folders.get(folderPath);
      if (!folder) {
        folder = { type: "folder", name: parts[depth], path: folderPath, children: [] };
        folders.set(folderPath, folder);
        parent.children.push(folder);
      }
      parent = folder;
    }
    parent.children.push({ type: "file", name: parts[parts.length - 1], path });
  }
  const settle = (folder: TreeFolder): TreeFolder => {
    let current = folder;
    let name = folder.name;
    while (current !== root && current.children.length === 1 && current.children[0].type === "folder") {
      current = current.children[0];
      name = `${name}/${current.name}`;
    }
    const children = current.children.map((child) => (child.type === "folder" ? settle(child) : child)).sort(byFoldersThenName);
    return { ...current, name, children };
  };
  return settle(root);
}

/** Every folder path in the tree, for "expand all". */
export function folderPaths(folder: TreeFolder): string[] {
  return folder.children.flatMap((child) => (child.type === "folder" ? [child.path, ...folderPaths(child)] : []));
}
