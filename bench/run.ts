/**
 * `npm run bench`: measures, prints a table, and writes bench/results.json as
 * { "<metric>": { "value": number, "unit": string, "detail"?: string } }.
 */
import { writeFile } from 'node:fs/promises';
import { measureInitialJs } from './bundle-size.ts';
import { benchEvaluateClass } from './rules-bench.ts';
import type { Metric } from './metric.ts';

const benchmarks: Record<string, () => Promise<Metric> | Metric> = {
  'bundle.initialJs.gzipKB': () => measureInitialJs(),
  'rules.evaluateClass.ms': () => benchEvaluateClass(),
};

const results: Record<string, Metric> = {};
for (const [name, run] of Object.entries(benchmarks)) {
  process.stdout.write(`${name} … `);
  results[name] = await run();
  process.stdout.write(`${results[name].value} ${results[name].unit}\n`);
}

await writeFile(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log('\n| metric | value | unit | detail |\n| --- | --- | --- | --- |');
for (const [name, m] of Object.entries(results))
  console.log(`| ${name} | ${m.value} | ${m.unit} | ${m.detail ?? ''} |`);
