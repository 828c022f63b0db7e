// Benchmark 3b: Lighthouse 12 on My Certificates, signed in, with the app's production
// build; mobile (Lighthouse's default: simulated slow 4G and a 4× slower CPU) and
// desktop. The categories run are performance only.
import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";

export type LighthouseScore = {
  formFactor: "mobile" | "desktop";
  performance: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  speedIndexMs: number;
};

function chromiumPath(): string | undefined {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH?.trim();
  if (configured) return configured;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export async function runLighthouse(url: string, cookie: string): Promise<LighthouseScore[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const scores: LighthouseScore[] = [];
    for (const formFactor of ["mobile", "desktop"] as const) {
      const result = await lighthouse(
        url,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance"],
          extraHeaders: { cookie },
        },
        formFactor === "desktop" ? desktopConfig : undefined,
      );
      if (!result) throw new Error("Lighthouse returned no result");
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      scores.push({
        formFactor,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        firstContentfulPaintMs: metric("first-contentful-paint"),
        largestContentfulPaintMs: metric("largest-contentful-paint"),
        totalBlockingTimeMs: metric("total-blocking-time"),
        cumulativeLayoutShift: metric("cumulative-layout-shift"),
        speedIndexMs: metric("speed-index"),
      });
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
