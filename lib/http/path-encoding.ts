/**
 * Whether every segment of a URL path decodes as percent-encoded UTF-8. Next decodes dynamic segments itself and
 * answers 500 when that fails (`%C0%AE`, an overlong dot; a lone `%`), so such paths are refused before routing.
 */
export function hasMalformedPercentEncoding(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}
