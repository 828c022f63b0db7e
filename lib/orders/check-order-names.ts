// The names of a certificate order, checked as a public CA checks them (CA/Browser Forum
// Baseline Requirements: host names in LDH form, no IP addresses, no underscores) and
// against the product: single = one name, wildcard = one `*.base`, multi = exactly the
// ordered count. Also the original's bonus names: `example.com` covers `www.example.com`
// and the reverse, and `*.example.com` covers `example.com`. Pure and free of server
// imports: the order form checks as the customer types, the server decides with the same code.
import type { DomainType } from "@/lib/generated/prisma/enums";

/** DNS's limit on a whole name (RFC 1035), and on one label. */
export const MAX_NAME_LENGTH = 253;
export const MAX_LABEL_LENGTH = 63;
/** `_dnsauth.` + the name must fit in DNS too, or the validation record cannot exist. */
export const VALIDATION_PREFIX_LENGTH = "_dnsauth.".length;
export const MAX_VALIDATABLE_NAME_LENGTH = MAX_NAME_LENGTH - VALIDATION_PREFIX_LENGTH;
export const MIN_MULTI_DOMAINS = 2;

export const NAME_PROBLEMS = [
  "EMPTY",
  "INVALID_CHARACTER",
  "UNDERSCORE",
  "TRAILING_DOT",
  "EMPTY_LABEL",
  "LABEL_TOO_LONG",
  "HYPHEN_AT_LABEL_EDGE",
  "TOO_LONG",
  "TOO_LONG_TO_VALIDATE",
  "SINGLE_LABEL",
  "IP_ADDRESS",
  "NUMERIC_TOP_LEVEL",
  "WILDCARD_POSITION",
  "WILDCARD_TOO_BROAD",
  "WILDCARD_NOT_ALLOWED",
  "WILDCARD_REQUIRED",
  "DUPLICATE",
  "ALREADY_COVERED",
] as const;
export type NameProblemCode = (typeof NAME_PROBLEMS)[number];

export const NAME_LIST_PROBLEMS = ["WRONG_COUNT", "COUNT_OUT_OF_RANGE"] as const;
export type NameListProblemCode = (typeof NAME_LIST_PROBLEMS)[number];

export type NameProblem = {
  /** Which of the entered names (0-based). */
  index: number;
  code: NameProblemCode;
  /** Message values: the name as entered, and what the rule needs to say (label, limit, other name). */
  params: Record<string, string | number>;
};

export type NameListProblem = { code: NameListProblemCode; params: Record<string, number> };

/** The product's rule for the names: what the order form asks and the server re-checks. */
export type OrderNameRule = {
  domainType: DomainType;
  /** MULTI: how many names were ordered (and paid for); 1 otherwise. */
  domainCount: number;
  /** MULTI: the most names the product allows. */
  maxDomains: number;
};

export type CheckedOrderNames = {
  /** Each entered name in the CA's spelling (lower-case, IDN as punycode), or null when it is invalid. */
  names: (string | null)[];
  problems: NameProblem[];
  listProblems: NameListProblem[];
  /** Every name the certificate will cover, bound names each followed by its bonus names; once each. */
  covered: string[];
};

// Letters, digits, hyphens and dots; any other ASCII is refused before the IDN conversion,
// which would otherwise drop or decode it ("a/b" → "a", "%41" → "A"). `*` only as a whole label.
const ALLOWED_ASCII = /^[a-z0-9.*-]$/;
const LDH_LABEL = /^[a-z0-9-]+$/;

export type NormalizedName =
  | { ok: true; name: string }
  | { ok: false; code: NameProblemCode; params?: Record<string, string | number> };

/**
 * One name as a CA would accept it: trimmed, lower-case, Unicode labels converted to
 * punycode (the WHATWG URL host parser does the IDNA conversion in the browser and in
 * Node alike), or why it cannot be.
 */
export function normalizeOrderName(input: string): NormalizedName {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === "") return { ok: false, code: "EMPTY" };
  for (const character of trimmed) {
    if (character === "_") return { ok: false, code: "UNDERSCORE" };
    // Invisible format characters (zero-width space, joiners, direction marks) the IDN
    // conversion would silently drop or refuse: a name must be what it looks like.
    if (/[\p{Cf}\p{Zs}\p{Cc}]/u.test(character)) {
      return {
        ok: false,
        code: "INVALID_CHARACTER",
        params: { character: `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}` },
      };
    }
    if (character.charCodeAt(0) < 0x80 && !ALLOWED_ASCII.test(character)) {
      return { ok: false, code: "INVALID_CHARACTER", params: { character } };
    }
  }
  if (trimmed.endsWith(".")) return { ok: false, code: "TRAILING_DOT" };
  const wildcard = trimmed.startsWith("*.");
  const rest = wildcard ? trimmed.slice(2) : trimmed;
  if (rest.includes("*")) return { ok: false, code: "WILDCARD_POSITION" };
  if (rest.split(".").some((label) => label === "")) return { ok: false, code: "EMPTY_LABEL" };
  let ascii: string;
  try {
    ascii = new URL(`http://${rest}`).hostname;
  } catch {
    // The URL parser refuses a name whose last label is a number (it would be an IPv4 address).
    if (/^[0-9]+$/.test(rest.split(".").at(-1) ?? "")) return { ok: false, code: "NUMERIC_TOP_LEVEL" };
    return { ok: false, code: "INVALID_CHARACTER", params: { character: "" } };
  }
  const labels = ascii.split(".");
  // The URL parser reads "1.2.3.4", and "0x7f.1" too, as an IPv4 address (and so does a resolver).
  if (/^[0-9.]+$/.test(ascii)) return { ok: false, code: "IP_ADDRESS" };
  for (const label of labels) {
    if (label === "") return { ok: false, code: "EMPTY_LABEL" };
    if (!LDH_LABEL.test(label)) return { ok: false, code: "INVALID_CHARACTER", params: { character: label } };
    if (label.length > MAX_LABEL_LENGTH) {
      return { ok: false, code: "LABEL_TOO_LONG", params: { label, max: MAX_LABEL_LENGTH } };
    }
    if (label.startsWith("-") || label.endsWith("-"))
      return { ok: false, code: "HYPHEN_AT_LABEL_EDGE", params: { label } };
  }
  if (labels.length < 2) return { ok: false, code: wildcard ? "WILDCARD_TOO_BROAD" : "SINGLE_LABEL" };
  if (/^[0-9]+$/.test(labels.at(-1) ?? "")) return { ok: false, code: "NUMERIC_TOP_LEVEL" };
  const name = wildcard ? `*.${ascii}` : ascii;
  if (name.length > MAX_NAME_LENGTH) return { ok: false, code: "TOO_LONG", params: { max: MAX_NAME_LENGTH } };
  if (ascii.length > MAX_VALIDATABLE_NAME_LENGTH) {
    return { ok: false, code: "TOO_LONG_TO_VALIDATE", params: { max: MAX_VALIDATABLE_NAME_LENGTH } };
  }
  return { ok: true, name };
}

/**
 * The names a bound name also covers, as the original sells them: `*.example.com` →
 * `example.com`; `example.com` → `www.example.com`; `www.example.com` → `example.com`.
 * (ours) Without a public-suffix list, "the apex" is a name of exactly two labels, so
 * `shop.example.com` gets no bonus and neither does `example.co.uk`.
 */
export function bonusNames(name: string): string[] {
  if (name.startsWith("*.")) return [name.slice(2)];
  const labels = name.split(".");
  if (labels.length === 2) return [`www.${name}`];
  if (labels.length === 3 && labels[0] === "www") return [labels.slice(1).join(".")];
  return [];
}

/** Bound names then their bonus names, each once, in that order: the certificate's SANs. */
export function coveredNames(boundNames: readonly string[]): string[] {
  const covered: string[] = [];
  for (const name of boundNames) {
    for (const candidate of [name, ...bonusNames(name)]) if (!covered.includes(candidate)) covered.push(candidate);
  }
  return covered;
}

/**
 * The bound names of a certificate from the names it covers (its domain, then its SANs),
 * the reverse of coveredNames: a renewal orders the same names again. One name for single
 * and wildcard products; for multi-domain ones every name that is not a bonus name of one before it.
 */
export function boundNamesOfCovered(covered: readonly string[], domainType: OrderNameRule["domainType"]): string[] {
  if (domainType !== "MULTI") return covered.slice(0, 1);
  const bound: string[] = [];
  for (const name of covered) if (!coveredNames(bound).includes(name)) bound.push(name);
  return bound;
}

/** How many names the product takes: exactly one, or MULTI's ordered count. */
export function expectedNameCount(rule: OrderNameRule): number {
  return rule.domainType === "MULTI" ? rule.domainCount : 1;
}

/** Whether MULTI's ordered count is one the product sells (2 to maxDomains). */
export function domainCountProblem(rule: OrderNameRule): NameListProblem | null {
  if (rule.domainType !== "MULTI") return null;
  const min = MIN_MULTI_DOMAINS;
  const max = Math.max(min, rule.maxDomains);
  if (!Number.isInteger(rule.domainCount) || rule.domainCount < min || rule.domainCount > max) {
    return { code: "COUNT_OUT_OF_RANGE", params: { min, max, count: rule.domainCount } };
  }
  return null;
}

/**
 * Every problem with the entered names for this product, per name and for the list, with
 * the names normalised and what the certificate will cover. Empty problem lists mean the
 * CA would issue for these names.
 */
export function checkOrderNames(entered: readonly string[], rule: OrderNameRule): CheckedOrderNames {
  const problems: NameProblem[] = [];
  const listProblems: NameListProblem[] = [];
  const countProblem = domainCountProblem(rule);
  if (countProblem) listProblems.push(countProblem);
  const expected = expectedNameCount(rule);
  if (!countProblem && entered.length !== expected) {
    listProblems.push({ code: "WRONG_COUNT", params: { expected, actual: entered.length } });
  }

  const names = entered.map((raw, index): string | null => {
    const normalized = normalizeOrderName(raw);
    if (!normalized.ok) {
      problems.push({ index, code: normalized.code, params: { name: raw.trim(), ...normalized.params } });
      return null;
    }
    const isWildcard = normalized.name.startsWith("*.");
    if (rule.domainType === "WILDCARD" && !isWildcard) {
      problems.push({ index, code: "WILDCARD_REQUIRED", params: { name: normalized.name } });
      return null;
    }
    if (rule.domainType !== "WILDCARD" && isWildcard) {
      problems.push({ index, code: "WILDCARD_NOT_ALLOWED", params: { name: normalized.name } });
      return null;
    }
    return normalized.name;
  });

  // A name entered twice, or one another entered name already covers (its www bonus): the
  // certificate would carry it once, and the customer would pay for a name they get anyway.
  names.forEach((name, index) => {
    if (name === null) return;
    const earlier = names.slice(0, index);
    if (earlier.includes(name)) {
      problems.push({ index, code: "DUPLICATE", params: { name } });
      names[index] = null;
      return;
    }
    const coveringName = earlier.find((other) => other !== null && bonusNames(other).includes(name));
    if (coveringName) {
      problems.push({ index, code: "ALREADY_COVERED", params: { name, by: coveringName } });
      names[index] = null;
    }
  });

  const valid = names.filter((name): name is string => name !== null);
  return { names, problems, listProblems, covered: coveredNames(valid) };
}

/** The names once every check passed: bound names in order and what they cover. */
export type AcceptedOrderNames = { boundNames: string[]; covered: string[] };

/** The accepted names, or null when any problem remains. */
export function acceptedOrderNames(checked: CheckedOrderNames): AcceptedOrderNames | null {
  if (checked.problems.length > 0 || checked.listProblems.length > 0) return null;
  const boundNames = checked.names.filter((name): name is string => name !== null);
  return { boundNames, covered: checked.covered };
}
