import { randomBytes } from "node:crypto";

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
const RANDOM_CHARS = 11;

/**
 * A generator of ids shaped like Prisma's cuid() ("c" + 24 lower-case base-36
 * characters) for rows inserted in bulk with SQL: the given time, a sequence, then
 * 56 random bits. The ids of one generator sort in the order they were made, and
 * after those of a generator given an earlier time, as the client-made cuids of a
 * createMany did: ledger entries listed by (createdAt, id) keep their charge order.
 */
export function sortableIds(at: Date): () => string {
  const time = at.getTime().toString(36).padStart(9, "0");
  let sequence = 0;
  let pool = randomBytes(0);
  let offset = 0;
  return () => {
    if (offset + RANDOM_CHARS > pool.length) {
      pool = randomBytes(RANDOM_CHARS * 512);
      offset = 0;
    }
    let random = "";
    for (let i = 0; i < RANDOM_CHARS; i++) random += BASE36[(pool[offset + i] ?? 0) % 36];
    offset += RANDOM_CHARS;
    sequence += 1;
    return `c${time}${sequence.toString(36).padStart(4, "0")}${random}`;
  };
}
