// Times in the original's bodies: "YYYY-MM-DD HH:mm:ss" on the clock of GMT+8 (China has no
// daylight saving time, so the offset is fixed). Pure.
const GMT8_OFFSET_MS = 8 * 3_600_000;

export function formatTencentTime(instant: Date): string {
  return new Date(instant.getTime() + GMT8_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** null stays null: the original sends null for times that do not exist yet. */
export function formatTencentTimeOrNull(instant: Date | null | undefined): string | null {
  return instant ? formatTencentTime(instant) : null;
}
