// Sums the results every test runner wrote to reports/ into one plain line: "N passed, N failed".
import { readFile } from 'node:fs/promises';

async function readJson(path) {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const unit = await readJson('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += (unit.numFailedTests ?? 0) + (unit.numTodoTests ?? 0) + (unit.numPendingTests ?? 0);
} else {
  console.error('No unit test results (reports/unit.json).');
  failed += 1;
}
const e2e = await readJson('reports/e2e.json');
if (e2e?.stats) {
  passed += e2e.stats.expected ?? 0;
  failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0) + (e2e.stats.skipped ?? 0);
} else {
  console.error('No end-to-end results (reports/e2e.json).');
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
