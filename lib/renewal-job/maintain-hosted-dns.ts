import "server-only";
import { releaseValidationRecords } from "@/lib/dns/release-validation-records";
import { type DnsRecordSyncFailure, syncDnsRecords } from "@/lib/dns/sync-dns-records";
import { recheckDelegations } from "@/lib/dns-hosting/recheck-delegations";

export type DnsStepResult = {
  recordsPublished: number;
  recordsRemoved: number;
  delegationsChecked: number;
  errors: { certificateId?: string; message: string }[];
};

/** Passes over the outbox per run: a backlog larger than this waits for the next run. */
const MAX_SYNC_PASSES = 25;

/**
 * The job's DNS step, after the validate, issue and time-out steps: the records of
 * certificates validated or ended are released, the outbox is sent to the DNS server
 * (records still queued, e.g. after the server was down, and those released), and
 * delegations not seen yet are asked about again. A DNS server that refuses is reported
 * once per kind of failure, with how many records it concerns; the records wait.
 */
export async function maintainHostedDns(options: { now: Date; realNow: () => Date }): Promise<DnsStepResult> {
  const result: DnsStepResult = { recordsPublished: 0, recordsRemoved: 0, delegationsChecked: 0, errors: [] };
  await releaseValidationRecords();
  const failures: DnsRecordSyncFailure[] = [];
  for (let pass = 0; pass < MAX_SYNC_PASSES; pass++) {
    const synced = await syncDnsRecords({ realNow: options.realNow() });
    result.recordsPublished += synced.published;
    result.recordsRemoved += synced.removed;
    failures.push(...synced.failures);
    if (synced.claimed === 0 || synced.unreachable) break;
  }
  const byKind = new Map<string, DnsRecordSyncFailure[]>();
  for (const failure of failures) {
    const kind = `${failure.action} ${failure.code}`;
    byKind.set(kind, [...(byKind.get(kind) ?? []), failure]);
  }
  for (const [, group] of byKind) {
    const [first] = group;
    if (!first) continue;
    const verb = first.action === "publish" ? "written to" : "removed from";
    result.errors.push({
      ...(group.length === 1 && first.certificateId ? { certificateId: first.certificateId } : {}),
      message: `${group.length} validation record${group.length === 1 ? "" : "s"} could not be ${verb} the DNS server (${first.code}), e.g. ${first.name}: ${first.message}`,
    });
  }
  const rechecked = await recheckDelegations({ now: options.now });
  result.delegationsChecked = rechecked.zonesChecked + rechecked.delegationsChecked;
  return result;
}
