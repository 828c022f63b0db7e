// `npm run test:page-weight`: first-load JavaScript of every page in a production build,
// gzipped, against the console budget (bench/lib/page-weight.ts). Reads the folder given
// as the first argument, else NEXT_DIST_DIR, else .next; exits 1 naming the pages over.
import {
  CONSOLE_PAGE_BUDGET_BYTES,
  formatPageWeightTable,
  measurePageWeights,
  pagesOverBudget,
} from "../bench/lib/page-weight";

const distDir = process.argv[2] ?? (process.env.NEXT_DIST_DIR?.trim() || ".next");
let weights: ReturnType<typeof measurePageWeights>;
try {
  weights = measurePageWeights(distDir);
} catch (error) {
  console.error(`Cannot check page weight: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`First-load JavaScript per page (${distDir}):\n`);
console.log(formatPageWeightTable(weights));
const over = pagesOverBudget(weights);
if (over.length > 0) {
  const budget = (CONSOLE_PAGE_BUDGET_BYTES / 1024).toFixed(0);
  console.error(
    `\nOver the ${budget} kB gzip budget for console pages: ${over
      .map((weight) => `${weight.route} (${(weight.gzipBytes / 1024).toFixed(1)} kB)`)
      .join(", ")}. Load what first paint does not need lazily (next/dynamic, React.lazy).`,
  );
  process.exit(1);
}
console.log(`\nEvery console page is within ${(CONSOLE_PAGE_BUDGET_BYTES / 1024).toFixed(0)} kB gzip.`);
