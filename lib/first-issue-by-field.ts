// A form's schema failure as one problem per field, the way the dialogs show it: the first
// issue at each top-level field ("_" for the form as a whole). Pure and client-safe.

export function firstIssueByField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): {
  [field: string]: string | undefined;
} {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "_";
    byField[field] ??= issue.message;
  }
  return byField;
}
