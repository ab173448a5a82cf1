// Sends usage events to an Orb-compatible server with the official Orb TypeScript SDK
// (orb-billing, the copy tests/conformance pins), in batches, and prints the throughput.
// bench_sandbox_ingest starts a fresh sandbox and runs this script against it, so one command
// prints the app client's figure, the SDK's and their ratio; it can also be run alone:
//
//   ORB_BASE_URL=http://127.0.0.1:8484/v1 ORB_API_KEY=token \
//     node bench/sdk-ingest.mjs --events 200000 --batch 500 --concurrency 4
//
// Options: --events N (200000; 0 sends nothing), --batch N (500), --concurrency N (1),
// --customers a,b,c (customer ids; events alternate between them, as customer_id), --external x,y
// (external customer ids, used for every other event), --searches N (0) --search-ids-file PATH
// (after sending, N sequential client.events.search calls of 500 ids each, drawn at random from
// the file's lines). The last line printed is one JSON object with the figures; everything before
// it is for people. The events are built before the clock starts; the SDK's own serialization,
// HTTP and response handling are what is timed.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sdkDir = process.env.ORB_SDK_DIR ?? resolve(here, '../tests/conformance/node_modules/orb-billing');
if (!existsSync(resolve(sdkDir, 'package.json'))) {
  console.error(`sdk-ingest: the Orb SDK is not installed at ${sdkDir}; run: npm ci --prefix tests/conformance`);
  process.exit(2);
}
const { default: Orb } = await import(pathToFileURL(resolve(sdkDir, 'index.mjs')).href);
const { version: sdkVersion } = JSON.parse(readFileSync(resolve(sdkDir, 'package.json'), 'utf8'));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const total = Number.parseInt(option('events', '200000'), 10);
const batchSize = Number.parseInt(option('batch', '500'), 10);
const concurrency = Number.parseInt(option('concurrency', '1'), 10);
const customers = option('customers', '').split(',').filter(Boolean);
const externals = option('external', 'bench-ext-1,bench-ext-2,bench-ext-3').split(',').filter(Boolean);
const searches = Number.parseInt(option('searches', '0'), 10);
const searchIdsFile = option('search-ids-file', '');
const baseURL = process.env.ORB_BASE_URL;
const apiKey = process.env.ORB_API_KEY;
if (!baseURL || !apiKey || !(total >= 0) || !(batchSize > 0) || !(concurrency > 0) || !(searches >= 0) || (searches > 0 && !searchIdsFile)) {
  console.error('usage: ORB_BASE_URL=... ORB_API_KEY=... node sdk-ingest.mjs [--events N] [--batch N] [--concurrency N] [--searches N --search-ids-file PATH]');
  process.exit(2);
}

// Same shape as bench_sandbox_ingest's events: random UUIDv4 keys, timestamps in the last hour.
const regions = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1'];
const endpoints = ['/v2/orders', '/v2/search', '/v2/users', '/v2/reports', '/v2/export'];
const now = Date.now();
const batches = [];
for (let start = 0; start < total; start += batchSize) {
  const events = [];
  for (let i = start; i < Math.min(total, start + batchSize); i++) {
    const useId = customers.length > 0 && i % 2 === 0;
    events.push({
      idempotency_key: randomUUID(),
      event_name: 'api_request',
      timestamp: new Date(now - Math.floor(Math.random() * 3_600_000)).toISOString(),
      ...(useId ? { customer_id: customers[i % customers.length] } : { external_customer_id: externals[i % externals.length] }),
      properties: {
        region: regions[i % regions.length],
        endpoint: endpoints[(i >> 3) % endpoints.length],
        ms: 5 + (i % 900),
        success: i % 50 !== 0,
      },
    });
  }
  batches.push(events);
}

const client = new Orb({ apiKey, baseURL, maxRetries: 0 });
let next = 0;
let failed = 0;
async function worker() {
  while (next < batches.length) {
    const events = batches[next++];
    const response = await client.events.ingest({ events });
    if (response.validation_failed.length > 0) failed += response.validation_failed.length;
  }
}
const figures = { client: 'orb-billing', sdkVersion, concurrency, events: total, batch: batchSize, failed };
if (total > 0) {
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = total / seconds;
  console.log(`Orb SDK ${sdkVersion} (node ${process.version}), concurrency ${concurrency}: ${total} events in ${seconds.toFixed(3)} s = ${Math.round(rate)} events/s`);
  if (failed > 0) console.log(`  ${failed} events failed validation`);
  Object.assign(figures, { seconds, eventsPerSecond: rate });
}

if (searches > 0) {
  const pool = readFileSync(searchIdsFile, 'utf8').split('\n').filter(Boolean);
  const queries = Array.from({ length: searches }, () => Array.from({ length: Math.min(500, pool.length) }, () => pool[Math.floor(Math.random() * pool.length)]));
  const latencies = [];
  let found = 0;
  const started = process.hrtime.bigint();
  for (const event_ids of queries) {
    const t = process.hrtime.bigint();
    const response = await client.events.search({ event_ids });
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    found += response.data.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))];
  const searchMedianMs = latencies.length % 2 ? latencies[(latencies.length - 1) / 2] : (latencies[latencies.length / 2 - 1] + latencies[latencies.length / 2]) / 2;
  console.log(`Orb SDK ${sdkVersion}: ${searches} searches of 500 ids, median ${searchMedianMs.toFixed(2)} ms, ${(searches / seconds).toFixed(1)} searches/s, ${Math.round(found / searches)} events per answer`);
  Object.assign(figures, { searches, searchesPerSecond: searches / seconds, searchMedianMs, searchP99Ms: at(99), searchMinMs: latencies[0], searchMaxMs: latencies[latencies.length - 1], eventsPerSearch: found / searches });
}
console.log(JSON.stringify(figures));
process.exit(failed > 0 ? 1 : 0);
