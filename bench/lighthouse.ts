// Benchmark 3b: Lighthouse 12 on My Certificates, signed in, with the app's production
// build; mobile (Lighthouse's default: simulated slow 4G and a 4× slower CPU) and
// desktop. The categories run are performance only. Each form factor is measured
// LIGHTHOUSE_RUNS times and the median run (by score) reported, as Lighthouse's own
// guidance on variability recommends: on this shared 2-core machine single mobile runs
// of one build ranged from 82 to 99.
import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { medianBy } from "./lib/percentile";

export type LighthouseScore = {
  formFactor: "mobile" | "desktop";
  performance: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  speedIndexMs: number;
  /** Every run's score, in the order measured; the figures above are the median run's. */
  runScores: number[];
};

const LIGHTHOUSE_RUNS = 3;

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
      const runs: Omit<LighthouseScore, "runScores">[] = [];
      for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
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
        runs.push({
          formFactor,
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          firstContentfulPaintMs: metric("first-contentful-paint"),
          largestContentfulPaintMs: metric("largest-contentful-paint"),
          totalBlockingTimeMs: metric("total-blocking-time"),
          cumulativeLayoutShift: metric("cumulative-layout-shift"),
          speedIndexMs: metric("speed-index"),
        });
      }
      scores.push({ ...medianBy(runs, (run) => run.performance), runScores: runs.map((run) => run.performance) });
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
