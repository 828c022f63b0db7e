// Prisma's `contains`, `startsWith` and `endsWith` put the text into a LIKE pattern as it is
// (`ILIKE '%' || $1 || '%'`), so a `%` or `_` typed into a search box would be a wildcard
// there. This escapes them (and LIKE's escape character, the backslash) so the text
// matches literally.
export function literalLikeText(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
