// What a deployment log may keep of a server's output or an error message: never a private
// key, password or passphrase (the server may echo them, an error may quote them), control
// characters removed, and no more than `limit` characters (the start and the end are what
// explain a failure). Pure.

export const STEP_OUTPUT_LIMIT = 4_000;

const PRIVATE_KEY_BLOCK = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
// Lines of a PEM body long enough that finding one in the output cannot be chance.
const MIN_SECRET_LINE = 16;
const ESCAPE = 0x1b;

export function redactStepOutput(text: string, secrets: readonly string[], limit = STEP_OUTPUT_LIMIT): string {
  let result = text.replace(/\r\n?/g, "\n").replace(PRIVATE_KEY_BLOCK, "[private key redacted]");
  for (const secret of secretFragments(secrets)) result = result.split(secret).join("[redacted]");
  result = withoutControlCharacters(result).trim();
  if (result.length <= limit) return result;
  const marker = `\n… ${result.length - limit} characters cut …\n`;
  const head = Math.ceil((limit - marker.length) / 2);
  const tail = Math.max(0, limit - marker.length - head);
  return `${result.slice(0, head)}${marker}${tail > 0 ? result.slice(-tail) : ""}`;
}

/** Each secret whole, and each line of a multi-line one (a key quoted line by line), longest first. */
function secretFragments(secrets: readonly string[]): string[] {
  const fragments = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    fragments.add(secret);
    if (secret.includes("\n")) {
      for (const line of secret.split(/\r?\n/)) {
        const trimmed = line.trim();
        if (trimmed.length >= MIN_SECRET_LINE) fragments.add(trimmed);
      }
    }
  }
  return [...fragments].sort((a, b) => b.length - a.length);
}

/** Keeps tabs and line ends; drops other control characters and terminal colour sequences ("ESC [ 31 m"). */
function withoutControlCharacters(text: string): string {
  let kept = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === ESCAPE && text[i + 1] === "[") {
      let end = i + 2;
      while (end < text.length && /[0-9;]/.test(text.charAt(end))) end++;
      i = end;
      continue;
    }
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f) continue;
    kept += text.charAt(i);
  }
  return kept;
}
