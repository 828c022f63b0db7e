// What a customer must put in place to prove control of a certificate's names, and what
// the check looks for: the one rule the order form, the certificate page, the job and the
// API share (docs/status-codes.md, "Validation record shapes"). Pure and client-safe.
//
// DNS (and DNS_AUTO): one TXT record `_dnsauth.<base>` per distinct base, all with the
// certificate's one token, where a name's base is
//   - `*.example.com` → `example.com` (the wildcard's record sits at its base),
//   - `www.example.com` → `example.com` when `example.com` is covered too (the www bonus:
//     control of the apex's DNS proves control of its www, as the Baseline Requirements'
//     "Authorization Domain Name" allows),
//   - any other name → itself.
// So `example.com` + bonus `www.example.com` needs `_dnsauth.example.com` only, and a
// multi-domain certificate needs one record per distinct base.
// FILE: `http://<name>/.well-known/pki-validation/fileauth.txt` containing the token, on
// every name the certificate covers (bonus names included); never for wildcards.

import { VALIDATION_RECORD_PREFIX, VALIDATION_RECORD_TTL, VALIDATION_RECORD_TYPE } from "@/lib/dns/validation-record";
import type { ValidationMethod } from "@/lib/generated/prisma/enums";

export const FILE_VALIDATION_PATH = "/.well-known/pki-validation/fileauth.txt";
export const FILE_VALIDATION_NAME = "fileauth.txt";

export type DnsValidationTarget = {
  kind: "DNS";
  /** `_dnsauth.<base>`, lower-case, no trailing dot. */
  name: string;
  type: typeof VALIDATION_RECORD_TYPE;
  ttl: number;
  value: string;
  /** The certificate's names this record proves. */
  covers: string[];
};

export type FileValidationTarget = {
  kind: "FILE";
  host: string;
  /** Where the check asks first (http; https is tried when http does not serve it). */
  url: string;
  path: typeof FILE_VALIDATION_PATH;
  content: string;
};

export type ValidationTarget = DnsValidationTarget | FileValidationTarget;

/** The certificate's names, bound name first, each once, in the spelling the rules compare. */
export function certificateNames(domain: string, sans: readonly string[]): string[] {
  const names: string[] = [];
  for (const raw of [domain, ...sans]) {
    const name = raw.trim().toLowerCase().replace(/\.$/, "");
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The name whose `_dnsauth` record proves `name` among the certificate's `covered` names. */
export function validationBase(name: string, covered: readonly string[]): string {
  if (name.startsWith("*.")) return name.slice(2);
  if (name.startsWith("www.") && covered.includes(name.slice(4))) return name.slice(4);
  return name;
}

/** One TXT record per distinct base, in the order the names come. */
export function dnsValidationTargets(covered: readonly string[], token: string): DnsValidationTarget[] {
  const targets: DnsValidationTarget[] = [];
  for (const name of covered) {
    const recordName = `${VALIDATION_RECORD_PREFIX}.${validationBase(name, covered)}`;
    const existing = targets.find((target) => target.name === recordName);
    if (existing) existing.covers.push(name);
    else
      targets.push({
        kind: "DNS",
        name: recordName,
        type: VALIDATION_RECORD_TYPE,
        ttl: VALIDATION_RECORD_TTL,
        value: token,
        covers: [name],
      });
  }
  return targets;
}

/** File validation cannot prove a wildcard: there is no host to ask. */
export function fileValidationAllowed(covered: readonly string[]): boolean {
  return covered.length > 0 && !covered.some((name) => name.startsWith("*."));
}

export function fileValidationTargets(covered: readonly string[], token: string): FileValidationTarget[] {
  if (!fileValidationAllowed(covered)) return [];
  return covered.map((host) => ({
    kind: "FILE",
    host,
    url: `http://${host}${FILE_VALIDATION_PATH}`,
    path: FILE_VALIDATION_PATH,
    content: token,
  }));
}

/** Everything the check of a pending certificate looks for, by its validation method. */
export function listValidationTargets(input: {
  method: ValidationMethod;
  domain: string;
  sans: readonly string[];
  token: string;
}): ValidationTarget[] {
  const covered = certificateNames(input.domain, input.sans);
  return input.method === "FILE"
    ? fileValidationTargets(covered, input.token)
    : dnsValidationTargets(covered, input.token);
}
