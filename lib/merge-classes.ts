// Resolves conflicting Tailwind classes in one class list, the last one winning: what cn()
// needs when a component's className overrides its base classes ("h-9 px-4" + "h-8" →
// "px-4 h-8"). tailwind-merge does this for every Tailwind utility at about 8 kB gzip on
// every page; this knows the utility groups our components use (merge-classes.test.ts
// checks every class list the source can build gives tailwind-merge's result). A class it
// does not know is kept as it is, like any non-Tailwind class.

// Ordered: the first pattern that matches a utility (variants, "!" and a "/…" modifier
// removed) names its group; "$1" takes the pattern's first capture.
const GROUPS: [RegExp, string][] = [
  [
    /^(block|inline|inline-block|flex|inline-flex|grid|inline-grid|contents|flow-root|list-item|hidden|table|inline-table|table-(caption|cell|column|column-group|footer-group|header-group|row-group|row))$/,
    "display",
  ],
  [/^(static|fixed|absolute|relative|sticky)$/, "position"],
  [/^(visible|invisible|collapse)$/, "visibility"],
  [/^(not-)?sr-only$/, "sr"],
  [/^flex-(row|col)(-reverse)?$/, "flex-direction"],
  [/^flex-(wrap|wrap-reverse|nowrap)$/, "flex-wrap"],
  [/^(flex|basis|grow|shrink|order)(-|$)/, "$1"],
  [/^grid-(cols|rows|flow)-/, "grid-$1"],
  [/^(col|row)-(span|start|end)-/, "$1-$2"],
  [/^(gap(-[xy])?)-/, "$1"],
  [/^justify-(items|self)-/, "justify-$1"],
  [/^justify-/, "justify-content"],
  [/^(content|items|self|place-content|place-items|place-self)-/, "$1"],
  [/^([pm][xytrblse]?)-/, "$1"],
  [/^space-([xy])-/, "space-$1"],
  [/^(size|w|h|min-w|max-w|min-h|max-h)-/, "$1"],
  [/^(inset(-[xy])?|top|right|bottom|left|start|end|z)-/, "$1"],
  [/^text-((xs|sm|base|lg|[2-9]?xl)|\[(length:|\d).*\])$/, "font-size"],
  [/^text-(left|center|right|justify|start|end)$/, "text-align"],
  [/^(truncate|text-ellipsis|text-clip)$/, "text-overflow"],
  [/^text-(wrap|nowrap|balance|pretty)$/, "text-wrap"],
  [/^text-/, "text-color"],
  [/^font-(thin|extralight|light|normal|medium|semibold|bold|extrabold|black)$/, "font-weight"],
  [/^font-/, "font-family"],
  [
    /^(leading|tracking|whitespace|align|opacity|cursor|select|pointer-events|animate|duration|ease|delay|outline-offset|underline-offset|caption)-/,
    "$1",
  ],
  [/^break-(normal|words|all|keep)$/, "break"],
  [/^(underline|overline|line-through|no-underline)$/, "text-decoration"],
  [/^(uppercase|lowercase|capitalize|normal-case)$/, "text-transform"],
  [/^(italic|not-italic)$/, "font-style"],
  [/^(tabular|proportional)-nums$/, "fvn-spacing"],
  [/^transition(-|$)/, "transition"],
  [/^overflow(-[xy])?-/, "overflow$1"],
  [/^rounded(-(s|e|t|r|b|l|ss|se|ee|es|tl|tr|br|bl))?(-|$)/, "rounded$1"],
  [/^border(-[xytrblse])?(-(\d+|\[length:.*\]))?$/, "border-w$1"],
  [/^border-(solid|dashed|dotted|double|hidden|none)$/, "border-style"],
  [/^border(-[xytrblse])?-/, "border-color$1"],
  [/^shadow(-(2?xs|sm|md|lg|2?xl|none|inner))?$/, "shadow"],
  [/^shadow-/, "shadow-color"],
  [/^ring(-\d+|-inset)?$/, "ring-w"],
  [/^ring-offset-\d+$/, "ring-offset-w"],
  [/^ring-offset-/, "ring-offset-color"],
  [/^ring-/, "ring-color"],
  [/^outline(-(none|hidden|solid|dashed|dotted|double))?$/, "outline-style"],
  [/^outline-\d+$/, "outline-w"],
  [/^outline-/, "outline-color"],
  [/^bg-(none|linear-|radial-|conic-|gradient-)/, "bg-image"],
  [/^bg-(auto|cover|contain)$/, "bg-size"],
  [/^bg-(repeat|no-repeat)/, "bg-repeat"],
  [/^bg-(bottom|center|left|right|top)/, "bg-position"],
  [/^bg-/, "bg-color"],
  [/^(translate-[xyz]|scale-[xy]?|rotate|backdrop-blur|blur|fill|stroke)(-|$)/, "$1"],
];

// A group that also overrides narrower ones ("p-2" replaces an earlier "px-4").
const OVERRIDES: Record<string, string[]> = {
  p: ["px", "py", "ps", "pe", "pt", "pr", "pb", "pl"],
  px: ["ps", "pe", "pr", "pl"],
  py: ["pt", "pb"],
  m: ["mx", "my", "ms", "me", "mt", "mr", "mb", "ml"],
  mx: ["ms", "me", "mr", "ml"],
  my: ["mt", "mb"],
  size: ["w", "h"],
  gap: ["gap-x", "gap-y"],
  inset: ["inset-x", "inset-y", "start", "end", "top", "right", "bottom", "left"],
  "inset-x": ["start", "end", "right", "left"],
  "inset-y": ["top", "bottom"],
  flex: ["basis", "grow", "shrink"],
  overflow: ["overflow-x", "overflow-y"],
  "font-size": ["leading"],
  rounded: ["s", "e", "t", "r", "b", "l", "ss", "se", "ee", "es", "tl", "tr", "br", "bl"].map((c) => `rounded-${c}`),
  "rounded-s": ["rounded-ss", "rounded-es"],
  "rounded-e": ["rounded-se", "rounded-ee"],
  "rounded-t": ["rounded-tl", "rounded-tr"],
  "rounded-r": ["rounded-tr", "rounded-br"],
  "rounded-b": ["rounded-br", "rounded-bl"],
  "rounded-l": ["rounded-tl", "rounded-bl"],
};
for (const side of ["w", "color"]) {
  const sides = ["x", "y", "s", "e", "t", "r", "b", "l"].map((s) => `border-${side}-${s}`);
  OVERRIDES[`border-${side}`] = sides;
  OVERRIDES[`border-${side}-x`] = sides.filter((s) => /[serl]$/.test(s));
  OVERRIDES[`border-${side}-y`] = sides.filter((s) => /[tb]$/.test(s));
}

/** The group of a utility without variants ("px-4" → "px", "text-sm" → "font-size"), or null. */
export function utilityGroup(utility: string): string | null {
  const plain = utility.replace(/^-/, "");
  for (const [pattern, group] of GROUPS) {
    const match = pattern.exec(plain);
    if (match) return group.replace("$1", match[1] ?? "");
  }
  return null;
}

/** Splits "md:hover:!px-4/50" into its variants, importance and utility (outside brackets). */
function parseClass(className: string): { variants: string[]; important: boolean; utility: string } {
  const variants: string[] = [];
  let depth = 0;
  let start = 0;
  let slash = -1;
  for (let index = 0; index < className.length; index++) {
    const character = className[index];
    if (character === "[" || character === "(") depth++;
    else if (character === "]" || character === ")") depth--;
    else if (depth === 0 && character === ":") {
      variants.push(className.slice(start, index));
      start = index + 1;
    } else if (depth === 0 && character === "/") slash = index;
  }
  let utility = className.slice(start, slash > start ? slash : undefined);
  const important = utility.startsWith("!") || utility.endsWith("!");
  if (important) utility = utility.replace(/^!|!$/g, "");
  return { variants, important, utility };
}

/** Variants whose order does not matter are compared sorted; arbitrary ones keep their place. */
function variantKey(variants: string[]): string {
  const key: string[] = [];
  let run: string[] = [];
  for (const variant of variants) {
    if (variant.startsWith("[")) {
      key.push(...run.sort(), variant);
      run = [];
    } else run.push(variant);
  }
  return [...key, ...run.sort()].join(":");
}

// A page renders the same few hundred class lists over and over (every row of a table):
// merging each list once per process keeps cn() off the server's render profile, where it
// was a tenth of the CPU time. Bounded, since class lists could be built from data.
const MERGED = new Map<string, string>();
const MERGED_LIMIT = 2_000;

/** The class list with every class that a later class overrides removed; order otherwise kept. */
export function mergeClasses(classList: string): string {
  const cached = MERGED.get(classList);
  if (cached !== undefined) return cached;
  const merged = mergeUncached(classList);
  if (MERGED.size >= MERGED_LIMIT) MERGED.clear();
  MERGED.set(classList, merged);
  return merged;
}

function mergeUncached(classList: string): string {
  const classes = classList.trim().split(/\s+/);
  const taken = new Set<string>();
  const kept: string[] = [];
  for (let index = classes.length - 1; index >= 0; index--) {
    const className = classes[index];
    if (!className) continue;
    const { variants, important, utility } = parseClass(className);
    const group = utilityGroup(utility);
    if (group === null) {
      kept.push(className);
      continue;
    }
    const prefix = `${important ? "!" : ""}${variantKey(variants)}:`;
    if (taken.has(prefix + group)) continue;
    taken.add(prefix + group);
    for (const narrower of OVERRIDES[group] ?? []) taken.add(prefix + narrower);
    kept.push(className);
  }
  return kept.reverse().join(" ");
}
