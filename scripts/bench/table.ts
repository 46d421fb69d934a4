// Plain-text tables for the terminal: a title, a header, aligned columns (numbers to the right).

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

export interface Table {
  title: string;
  columns: Column[];
  rows: string[][];
  /** Lines printed under the table (what the figures mean, how they were taken). */
  notes?: string[];
}

export function renderTable(table: Table): string {
  const widths = table.columns.map((column, i) =>
    Math.max(column.header.length, ...table.rows.map((row) => (row[i] ?? '').length))
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] as number;
        return table.columns[i]?.align === 'left' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const header = line(table.columns.map((c) => c.header));
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [
    table.title,
    header,
    rule,
    ...table.rows.map((row) => line(row)),
    ...(table.notes ?? []).map((note) => `  ${note}`)
  ].join('\n');
}

/** 12,345 / 12,345.6: thousands separated, a fixed number of decimals. */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatMegabytes(bytes: number): string {
  return formatNumber(bytes / (1024 * 1024), 1);
}

export function formatSeconds(ms: number): string {
  return formatNumber(ms / 1000, ms < 10_000 ? 2 : 1);
}
