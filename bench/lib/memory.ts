// Peak resident memory of this process: sampled while a measured step runs, and
// the kernel's high-water mark (VmHWM) for the whole process lifetime.
import { readFileSync } from "node:fs";

export function vmHwmBytes(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export type RssSampler = { stop: () => { peakRssBytes: number; startRssBytes: number; samples: number } };

export function sampleRss(intervalMs = 10): RssSampler {
  const startRssBytes = process.memoryUsage.rss();
  let peak = startRssBytes;
  let samples = 0;
  const timer = setInterval(() => {
    samples += 1;
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return { peakRssBytes: peak, startRssBytes, samples };
    },
  };
}

export const mib = (bytes: number | null) => (bytes === null ? null : Math.round((bytes / 1024 / 1024) * 10) / 10);
