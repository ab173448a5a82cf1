// Sends a JSONL file of Orb ingest events with the official Orb TypeScript SDK (orb-billing, the
// copy tests/conformance pins), streaming it line by line in batches, optionally into a backfill,
// and prints the throughput and the process's peak memory. bench_import runs it against the same
// sandbox it imports the same file into with ImportJob; it can also be run alone:
//
//   ORB_BASE_URL=http://127.0.0.1:8484/v1 ORB_API_KEY=token \
//     node bench/import/sdk-import.mjs --file events.jsonl --batch 500 [--backfill ID] [--key-suffix S]
//
// --key-suffix is appended to every idempotency_key, so the file can be sent again as new events
// to a server that already holds it. Bad lines are counted, not sent. The last line printed is
// one JSON object with the figures.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sdkDir = process.env.ORB_SDK_DIR ?? resolve(here, '../../tests/conformance/node_modules/orb-billing');
if (!existsSync(resolve(sdkDir, 'package.json'))) {
  console.error(`sdk-import: the Orb SDK is not installed at ${sdkDir}; run: npm ci --prefix tests/conformance`);
  process.exit(2);
}
const { default: Orb } = await import(pathToFileURL(resolve(sdkDir, 'index.mjs')).href);
const { version: sdkVersion } = JSON.parse(readFileSync(resolve(sdkDir, 'package.json'), 'utf8'));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const file = option('file', '');
const batchSize = Number.parseInt(option('batch', '500'), 10);
const backfillId = option('backfill', '');
const keySuffix = option('key-suffix', '');
const baseURL = process.env.ORB_BASE_URL;
const apiKey = process.env.ORB_API_KEY;
if (!file || !baseURL || !apiKey || !(batchSize > 0)) {
  console.error('usage: ORB_BASE_URL=... ORB_API_KEY=... node sdk-import.mjs --file PATH [--batch N] [--backfill ID] [--key-suffix S]');
  process.exit(2);
}

const client = new Orb({ apiKey, baseURL, maxRetries: 2 });
let sent = 0;
let bad = 0;
let failed = 0;
async function send(events) {
  const response = await client.events.ingest(backfillId ? { events, backfill_id: backfillId } : { events });
  failed += response.validation_failed.length;
  sent += events.length;
}

const started = process.hrtime.bigint();
let batch = [];
const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  let event;
  try {
    event = JSON.parse(line);
  } catch {
    bad++;
    continue;
  }
  if (keySuffix && typeof event.idempotency_key === 'string') event.idempotency_key += keySuffix;
  batch.push(event);
  if (batch.length >= batchSize) {
    await send(batch);
    batch = [];
  }
}
if (batch.length > 0) await send(batch);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`orb-billing ${sdkVersion}: ${sent} events in ${seconds.toFixed(1)} s, ${Math.round(sent / seconds)} events/s, peak RSS ${peakRssMb.toFixed(0)} MiB`);
console.log(JSON.stringify({ sdk: 'orb-billing', sdkVersion, events: sent, bad, validationFailed: failed, seconds,
  eventsPerSecond: sent / seconds, peakRssMb }));
