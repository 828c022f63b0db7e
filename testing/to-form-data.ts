/** A form as a browser would post it: every field of `values` (an object; anything else gives none) as text. */
export function toFormData(values: unknown): FormData {
  const data = new FormData();
  if (typeof values === "object" && values !== null) {
    for (const [name, value] of Object.entries(values)) data.set(name, String(value));
  }
  return data;
}
