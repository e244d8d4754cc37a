// Reads uploaded .xlsx files off the request thread (lib/registry/import-xlsx.ts keeps one or two
// of these workers): exceljs's whole-workbook reader holds the event loop for long stretches on
// a large file, so it runs here, under a memory limit, and the worker is stopped when a file
// takes too long. For each request { id, buffer, maxRows, maxCells } it answers with each
// visible or hidden sheet's name and state, its existing rows (at most maxRows) with each cell's
// value and number format, the counts of rows and cells, and the workbook's date system; a
// workbook with more cells than maxCells is answered with its counts only.
// Plain JavaScript: the worker is started from this file as it is on disk.
import { parentPort } from 'node:worker_threads';
import ExcelJS from 'exceljs';

parentPort.on('message', async ({ id, buffer, maxRows, maxCells }) => {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer);
  } catch {
    parentPort.postMessage({ id, ok: false });
    return;
  }
  let cells = 0;
  wb.worksheets.forEach((ws) => ws.eachRow((row) => (cells += row.cellCount)));
  if (cells > maxCells) {
    parentPort.postMessage({ id, ok: true, tooManyCells: true });
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
