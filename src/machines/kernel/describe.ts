/** A short, safe description of any value for a refusal's message: it never throws, whatever the value. */
export function describeValue(value: unknown): string {
  try {
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'symbol' || typeof value === 'function') return typeof value;
    if (value instanceof Error) return describeValue(value.message);
    const text = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'a list' : typeof value === 'object' && value !== null ? 'an object' : String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return 'a value that cannot be read';
  }
}
