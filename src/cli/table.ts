// `--output table`: a plain-text table of a list's items (or of one object's fields), with the
// scalar fields only. Nested objects are left to --output json.

/** Shown first when present; then the other scalar fields in the order they appear. */
const PREFERRED = ["id", "key", "title", "name", "status", "type"];
const MAX_COLUMNS = 6;
const MAX_WIDTH = 48;

type Row = Record<string, unknown>;

const isScalar = (value: unknown) =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

function cell(value: unknown): string {
  if (value === undefined) return "";
  const text = String(value).replace(/\s+/g, " ");
  return text.length > MAX_WIDTH ? `${text.slice(0, MAX_WIDTH - 1)}…` : text;
}

function columnsOf(rows: Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) if (isScalar(value)) seen.add(key);
  }
  const preferred = PREFERRED.filter((key) => seen.has(key));
  const rest = [...seen].filter((key) => !PREFERRED.includes(key));
  return [...preferred, ...rest].slice(0, MAX_COLUMNS);
}

function render(header: string[], body: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((line) => (line[column] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((text, column) => text.padEnd(widths[column] as number))
      .join("  ")
      .trimEnd();
  return [line(header), ...body.map(line)].join("\n");
}

const isRow = (value: unknown): value is Row =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** A list of objects as columns; anything else as FIELD/VALUE pairs. */
export function toTable(items: unknown[] | Row): string {
  if (!Array.isArray(items)) {
    const pairs = Object.entries(items).filter(([, value]) => isScalar(value));
    return render(
      ["FIELD", "VALUE"],
      pairs.map(([key, value]) => [key, cell(value)]),
    );
  }
  if (items.length === 0) return "(no items)";
  const rows = items.map((item) => (isRow(item) ? item : { value: item }));
  const columns = columnsOf(rows);
  return render(
    columns.map((column) => column.toUpperCase()),
    rows.map((row) => columns.map((column) => cell(row[column]))),
  );
}
