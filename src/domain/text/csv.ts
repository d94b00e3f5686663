import Papa from 'papaparse'

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV Injection"): `=`, `+`, `-`, `@`, tab or
 * CR first. papaparse's own default pattern (`/^[=+\-@\t\r].*$/`) misses a cell that has a line
 * break after the formula (`.` stops at the newline), so the start alone is tested here.
 *
 * The accepted OWASP trade-off: a legitimate text value starting with `+` or `-` (a phone
 * number written `+81 …`, a 「-」 for none) also gets the apostrophe; Excel shows it without it.
 * Numbers passed as numbers (counts) are written as they are. The full-width ＝ ＋ － ＠ count too:
 * a Japanese Excel may take them as the ASCII operators.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/

/**
 * RFC 4180 CSV with a UTF-8 BOM (Excel opens it as Japanese) and CRLF line ends, where no cell
 * can become a formula on the PC that opens it: such a cell is written as text with a leading
 * `'`. The one CSV writer: the staff export and the volunteer report both use it.
 */
export function toCsv(rows: (string | number)[][]): string {
  return '\uFEFF' + Papa.unparse(rows, { newline: '\r\n', escapeFormulae: FORMULA_START }) + '\r\n'
}
