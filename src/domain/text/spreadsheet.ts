/**
 * A CSV cell that a spreadsheet will show as text, never run as a formula (OWASP "CSV Injection"):
 * a cell starting with = + - @, a tab or a carriage return gets a leading apostrophe, as
 * papaparse's `escapeFormulae` does. Also the full-width ＝ ＋ － ＠, which Excel treats the same
 * with a Japanese IME. An address such as 「=HYPERLINK(…)」 typed by anyone stays text on the
 * clerk's PC.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}
