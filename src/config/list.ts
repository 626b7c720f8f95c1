/** Splits a list input on newlines and commas, trimming items and dropping empty ones. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
