// Runs before the first paint (inline in <head>) so the page never flashes the wrong
// theme. Kept in a server component: React does not run scripts rendered by client ones.
// The page's Content-Security-Policy runs it only with the response's nonce (proxy.ts).
export const THEME_STORAGE_KEY = "certdesk-theme";

const script = `(() => {
  try {
    const stored = localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});
    const theme = stored === "light" || stored === "dark" ? stored : "system";
    const dark = theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
  } catch {}
})();`;

export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no user input
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
