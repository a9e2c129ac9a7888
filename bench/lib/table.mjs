// Plain-text tables for the rows.
const COLUMNS = ['tool', 'runs', 'stat', 'time', 'cpu', 'peak RSS MB', 'ratio', 'target', 'result'];

function formatSeconds(s) {
  if (s === null || s === undefined) return '-';
  return s < 1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`;
}

function cells(entry) {
  const time = entry.valueS ?? entry.medianS;
  return [
    entry.tool,
    String(entry.runs ?? ''),
    entry.stat ?? 'median',
    formatSeconds(time),
    entry.medianCpuS === null || entry.medianCpuS === undefined ? '' : formatSeconds(entry.medianCpuS),
    entry.peakRssMb === null || entry.peakRssMb === undefined ? '-' : String(Math.round(entry.peakRssMb)),
    entry.ratio === null || entry.ratio === undefined ? '' : `${entry.ratio.toFixed(2)} (${entry.ratioOf})`,
    entry.target ?? '',
    entry.result ?? '',
  ];
}

export function printRow(row) {
  let out = `\n== ${row.name} ==\n`;
  if (row.skipped) return `${out}skipped: ${row.skipped}\n`;
  const rows = [COLUMNS, ...row.entries.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 1 || i === 3 || i === 4 || i === 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  out += line(rows[0]) + '\n' + widths.map((w) => '-'.repeat(w)).join('  ') + '\n';
  for (const r of rows.slice(1)) out += line(r) + '\n';
  for (const note of row.notes ?? []) out += `note: ${note}\n`;
  if (row.error) out += `error: ${row.error}\n`;
  return out;
}
