// Reads uploaded .xlsx files off the request thread (lib/registry/import-xlsx.ts keeps one or two
// of these workers): exceljs's whole-workbook reader holds the event loop for long stretches on
// a large file, so it runs here, under a memory limit, and the worker is stopped when a file
// takes too long. For each request { id, buffer, maxBytes, maxRows, maxCells } it first inflates
// every part of the zip, counting the bytes that actually come out (a zip may declare 100 bytes
// for a part of 3 GB) and answers { tooLarge } past maxBytes; then it answers with each
// visible or hidden sheet's name and state, its existing rows (at most maxRows) with each cell's
// value and number format, the counts of rows and cells, and the workbook's date system; a
// workbook with more cells than maxCells is answered with its counts only.
// Plain JavaScript: the worker is started from this file as it is on disk.
import { parentPort } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';

/** The bytes the zip's parts inflate to, counted as they come out; stops past `max`. */
async function inflatedSize(buffer, max) {
  const directory = await unzipper.Open.buffer(Buffer.from(buffer));
  let total = 0;
  for (const file of directory.files) {
    if (file.type !== 'File') continue;
    await new Promise((resolve, reject) => {
      const stream = file.stream();
      stream.on('data', (chunk) => {
        total += chunk.length;
        if (total > max) {
          stream.destroy();
          resolve();
        }
      });
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    if (total > max) break;
  }
  return total;
}

parentPort.on('message', async ({ id, buffer, maxBytes, maxRows, maxCells }) => {
  const wb = new ExcelJS.Workbook();
  try {
    const inflated = await inflatedSize(buffer, maxBytes);
    if (inflated > maxBytes) {
      parentPort.postMessage({ id, ok: true, tooLarge: true });
      return;
    }
    await wb.xlsx.load(buffer);
  } catch {
    parentPort.postMessage({ id, ok: false });
    return;
  }
  let cells = 0;
  let rows = 0;
  wb.worksheets.forEach((ws) => ws.eachRow((row) => ((cells += row.cellCount), (rows += 1))));
  if (cells > maxCells) {
    // Too many rows says more to an official than too many cells, when it is the reason.
    parentPort.postMessage({ id, ok: true, tooManyCells: true, tooManyRows: rows > maxRows });
    return;
  }
  const sheets = wb.worksheets.map((ws) => {
    const rows = [];
    let rowCount = 0;
    let cellCount = 0;
    ws.eachRow((row) => {
      rowCount += 1;
      cellCount += row.cellCount;
      if (rows.length >= maxRows) return;
      const cells = [];
      row.eachCell((cell, col) => cells.push([col, cell.value, cell.numFmt]));
      rows.push([row.number, cells]);
    });
    return { name: ws.name, state: ws.state, rows, rowCount, cellCount };
  });
  parentPort.postMessage({ id, ok: true, date1904: Boolean(wb.properties.date1904), sheets });
});
