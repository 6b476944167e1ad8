import 'server-only';
import ExcelJS from 'exceljs';
import { parseCsv, toCsv } from '@/lib/admin/csv';
import { httpError } from '../http';

/** Reads an uploaded .xlsx (first sheet) or .csv into rows of text cells; anything else is refused with 415. */
export async function readSheet(fileName: string, base64: string): Promise<string[][]> {
  const bytes = Buffer.from(base64, 'base64');
  if (/\.csv$/i.test(fileName)) return parseCsv(bytes.toString('utf8'));
  if (!/\.xlsx$/i.test(fileName)) throw httpError(415, 'SHEET_TYPE');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw httpError(422, 'SHEET_UNREADABLE');
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  });
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

export async function writeSheet(format: 'csv' | 'xlsx', rows: (string | number)[][], sheetName: string): Promise<Uint8Array> {
  if (format === 'csv') return new TextEncoder().encode(toCsv(rows));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
