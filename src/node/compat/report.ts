/**
 * The two formats of a compatibility report: `json` (the report as it is, version 1) and `pretty`
 * (the changed schemas with their changes, one line each, and a count of the rest).
 */
import { compatClasses, type CompatReport } from './classes.js';

export const compatFormats = ['pretty', 'json'] as const;
export type CompatFormat = (typeof compatFormats)[number];

export const compatJson = (report: CompatReport): string => `${JSON.stringify(report, null, 2)}\n`;

export function compatPretty(report: CompatReport): string {
  const lines: string[] = [];
  for (const entry of report.schemas) {
    if (entry.class === 'none') continue;
    const where = entry.old === entry.new ? entry.new : `${entry.old ?? '(none)'} → ${entry.new ?? '(none)'}`;
    lines.push(`${where}  ${entry.class}${entry.id !== where ? `  (${entry.id})` : ''}`);
    for (const c of entry.changes) lines.push(`  ${c.class.padEnd(5)}  ${c.pointer || '/'}  ${c.code}: ${c.message}`);
  }
  const counts = compatClasses
    .map((cls) => [cls, report.schemas.filter((s) => s.class === cls).length] as const)
    .filter(([, count]) => count > 0)
    .map(([cls, count]) => `${count} ${cls}`)
    .reverse();
  lines.push(`${lines.length ? '\n' : ''}compat: ${report.class} (${report.schemas.length} compared: ${counts.join(', ') || 'nothing'})`);
  return `${lines.join('\n')}\n`;
}

export const renderCompat = (report: CompatReport, format: CompatFormat): string => (format === 'json' ? compatJson(report) : compatPretty(report));
