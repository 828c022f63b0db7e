// URLs for checking that a browser-side list reader and its server-side zod schema read
// the same thing: every field alone with each candidate value, then a fixed pseudo-random
// sample of combinations (deterministic, so a failure is reproducible).
export const COMMON_BAD_VALUES = ["", " ", "0", "-1", "2.5", "1e3", "0x10", "NaN", "Infinity", "abc", "  7  "];

export function urlVariants(candidates: Record<string, readonly string[]>, samples = 300): URLSearchParams[] {
  const fields = Object.entries(candidates);
  const urls: URLSearchParams[] = [new URLSearchParams()];
  for (const [field, values] of fields) {
    for (const value of values) urls.push(new URLSearchParams([[field, value]]));
  }
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  for (let sample = 0; sample < samples; sample += 1) {
    const url = new URLSearchParams();
    for (const [field, values] of fields) {
      const pick = next() % (values.length + 1);
      if (pick < values.length) url.append(field, values[pick] as string);
    }
    // A repeated parameter: both readers take the first.
    if (sample % 10 === 0 && fields[0]) url.append(fields[0][0], "repeated");
    urls.push(url);
  }
  return urls;
}
