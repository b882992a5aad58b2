import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface SheetRow {
  /** The row number a spreadsheet shows: the header is row 1, the first data row row 2. */
  rowNumber: number;
  /** Cell texts by column position (0-based), trimmed; '' for an empty cell. */
  cells: string[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/**
 * Reads the first worksheet of an .xlsx file, or a .csv file, as text: numbers
 * and codes are not reinterpreted (a code "007" stays "007"), formulas give their result, dates
 * become YYYY-MM-DD. Completely empty rows are skipped.
 */
export async function readSheet(path: string): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  const extension = extname(path).toLowerCase();
  let worksheet: ExcelJS.Worksheet | undefined;
  if (extension === '.xlsx') {
    await workbook.xlsx.readFile(path);
    worksheet = workbook.worksheets[0];
  } else if (extension === '.csv') {
    // map keeps every value as the text in the file; exceljs would otherwise turn "007" into 7.
    worksheet = await workbook.csv.read(Readable.from([decodeCsv(await readFile(path))]), { map: (value: unknown) => value });
  } else {
    throw new Error(`${path}: only .xlsx and .csv files can be imported`);
  }
  if (!worksheet) throw new Error(`${path}: the workbook has no worksheet`);
  const all: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.some((cell) => cell !== '')) all.push({ rowNumber, cells });
  });
  const [header, ...rows] = all;
  if (!header) throw new Error(`${path}: the sheet is empty (no header row)`);
  if (header.rowNumber !== 1) throw new Error(`${path}: the header must be the first row (row ${header.rowNumber} is the first with content)`);
  return { headers: header.cells.map((cell) => cell.replace(/^\uFEFF/, '')), rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value && value.result !== undefined ? cellText(value.result) : '';
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return '';
  return '';
}

/**
 * CSV text: UTF-8 (Excel's "CSV UTF-8", with or without BOM), or GB18030 — what Excel on a Chinese
 * Windows writes for plain "CSV", a superset of GBK and GB2312. Short GBK text can also be valid
 * UTF-8 (医院 in GBK reads as "ҽԺ"): valid UTF-8 is taken as UTF-8 unless it holds letters of
 * Latin Extended, Greek, Cyrillic, Armenian, Hebrew or Arabic (U+0100–U+07FF, never in a Chinese
 * ledger, but what GBK hanzi turn into) and GB18030 reads the bytes cleanly.
 */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return text;
  if (!/[\u0100-\u07ff]/.test(text)) return text;
  const gb18030 = new TextDecoder('gb18030').decode(bytes);
  return gb18030.includes('\ufffd') ? text : gb18030;
}
