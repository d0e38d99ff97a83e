/** Nesting of maps and lists in parsed input beyond which a document is refused; real manifests and plans stay well under 30. */
export const MAX_DEPTH = 64;

/** Whether a parsed value nests deeper than `limit`, walked with an explicit stack so hostile input cannot overflow the call stack. */
export function depthExceeds(value: unknown, limit = MAX_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** Whether brackets and braces in raw text nest deeper than `limit`, checked before a recursive parser sees the text. */
export function bracketDepthExceeds(text: string, limit = MAX_DEPTH): boolean {
  let depth = 0;
  for (const character of text) {
    if (character === "[" || character === "{") {
      depth += 1;
      if (depth > limit) return true;
    } else if ((character === "]" || character === "}") && depth > 0) depth -= 1;
  }
  return false;
}
