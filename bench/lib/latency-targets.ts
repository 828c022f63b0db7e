// The console latency benchmark's figures read as ratios, which do not depend on the
// machine as milliseconds do: each sample against the sign-in page floor of the same run
// at the same connections, a larger account's against the same page at 10,000
// certificates, and the targets of issue 20 on those ratios.

export type LatencySample = {
  target: string;
  /** A floor to read the others against, not a page with a target of its own. */
  floor: boolean;
  /** Certificates on the account the run measured. */
  certificates: number;
  path: string;
  connections: number;
  requests: number;
  non2xx: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** The sample's figure (latencyFigure) over the sign-in floor's, same run and connections. */
  ratioToFloor?: number;
  /** At a larger account: the figure over the same target's at the smallest size measured. */
  ratioToSmallest?: number;
};

export const SIGN_IN_FLOOR = "floor: sign-in page, signed out (no session, no query)";

/** What a target is read by: the median at one connection, the 95th percentile under load. */
export function latencyFigure(sample: Pick<LatencySample, "connections" | "p50Ms" | "p95Ms">): {
  name: "p50" | "p95";
  ms: number;
} {
  return sample.connections === 1 ? { name: "p50", ms: sample.p50Ms } : { name: "p95", ms: sample.p95Ms };
}

function find(samples: readonly LatencySample[], target: string, certificates: number, connections: number) {
  return samples.find(
    (sample) => sample.target === target && sample.certificates === certificates && sample.connections === connections,
  );
}

const ratio = (sample: LatencySample, base: LatencySample | undefined) =>
  base && latencyFigure(base).ms > 0 ? latencyFigure(sample).ms / latencyFigure(base).ms : undefined;

/** The samples with their ratios to the floor and to the smallest account. */
export function withRatios(samples: readonly LatencySample[]): LatencySample[] {
  const smallest = Math.min(...samples.map((sample) => sample.certificates));
  return samples.map((sample) => ({
    ...sample,
    ratioToFloor: sample.floor
      ? undefined
      : ratio(sample, find(samples, SIGN_IN_FLOOR, sample.certificates, sample.connections)),
    ratioToSmallest:
      sample.certificates === smallest
        ? undefined
        : ratio(sample, find(samples, sample.target, smallest, sample.connections)),
  }));
}

type Target =
  /** The page over the sign-in floor, at the smallest account. */
  | { kind: "floor"; target: string; max: number }
  /** One target over another (the search over the unfiltered list), at the smallest account. */
  | { kind: "versus"; target: string; versus: string; max: number }
  /** The larger account over the smallest, for the same target. */
  | { kind: "growth"; target: string; max: number };

export const ISSUE_20_TARGETS: Target[] = [
  { kind: "floor", target: "My Certificates page", max: 2 },
  { kind: "floor", target: "certificate detail page", max: 2 },
  { kind: "floor", target: "Billing page", max: 2.5 },
  { kind: "versus", target: "My Certificates data route, search", versus: "My Certificates data route", max: 2 },
  { kind: "versus", target: "My Certificates page, search", versus: "My Certificates page", max: 2 },
  { kind: "growth", target: "My Certificates data route", max: 1.5 },
  { kind: "growth", target: "My Certificates data route, search", max: 1.5 },
  { kind: "growth", target: "My Certificates page", max: 1.5 },
  { kind: "growth", target: "My Certificates page, search", max: 1.5 },
  { kind: "growth", target: "certificate detail page", max: 1.5 },
];

export type Verdict = { benchmark: string; figure: string; holds: boolean };

const count = (certificates: number) =>
  certificates >= 1000 && certificates % 1000 === 0 ? `${certificates / 1000}k` : String(certificates);

/** Each target of issue 20 the samples can answer, at each number of connections measured. */
export function issue20Verdicts(samples: readonly LatencySample[]): Verdict[] {
  if (samples.length === 0) return [];
  const sizes = [...new Set(samples.map((sample) => sample.certificates))].sort((a, b) => a - b);
  const smallest = sizes[0] ?? 0;
  const connections = [...new Set(samples.map((sample) => sample.connections))].sort((a, b) => a - b);
  const verdicts: Verdict[] = [];
  for (const goal of ISSUE_20_TARGETS) {
    for (const c of connections) {
      const pairs: { label: string; sample?: LatencySample; base?: LatencySample }[] =
        goal.kind === "floor"
          ? [
              {
                label: `${goal.target} / sign-in floor, ${count(smallest)}`,
                sample: find(samples, goal.target, smallest, c),
                base: find(samples, SIGN_IN_FLOOR, smallest, c),
              },
            ]
          : goal.kind === "versus"
            ? [
                {
                  label: `${goal.target} / ${goal.versus.replace(/^My Certificates /, "")}, ${count(smallest)}`,
                  sample: find(samples, goal.target, smallest, c),
                  base: find(samples, goal.versus, smallest, c),
                },
              ]
            : sizes.slice(1).map((size) => ({
                label: `${goal.target}, ${count(size)} / ${count(smallest)}`,
                sample: find(samples, goal.target, size, c),
                base: find(samples, goal.target, smallest, c),
              }));
      for (const { label, sample, base } of pairs) {
        if (!sample || !base) continue;
        const value = ratio(sample, base) ?? Number.POSITIVE_INFINITY;
        const figure = latencyFigure(sample);
        verdicts.push({
          benchmark: `${label} @${c}`,
          figure: `${figure.name} ${value.toFixed(2)}× (${figure.ms.toFixed(1)} / ${latencyFigure(base).ms.toFixed(1)} ms); target ≤ ${goal.max}×`,
          holds: value <= goal.max,
        });
      }
    }
  }
  return verdicts;
}
