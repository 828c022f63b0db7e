// Whether the name servers a parent zone hands out for a domain are ours. Pure.
import type { DelegationStatus } from "@/lib/generated/prisma/enums";

const spelling = (name: string) => name.trim().toLowerCase().replace(/\.$/, "");

/**
 * DELEGATED when every name server the parent names is one of ours (a registrar may list
 * only some of them), PARTIAL when it mixes ours with others (resolvers then ask either,
 * and records we write are not always seen), NOT_DELEGATED when none is ours or it names none.
 */
export function compareDelegation(
  ours: readonly string[],
  seen: readonly string[],
): Exclude<DelegationStatus, "UNCHECKED"> {
  const expected = new Set(ours.map(spelling));
  const named = [...new Set(seen.map(spelling))].filter(Boolean);
  const matching = named.filter((name) => expected.has(name)).length;
  if (matching === 0) return "NOT_DELEGATED";
  return matching === named.length ? "DELEGATED" : "PARTIAL";
}
