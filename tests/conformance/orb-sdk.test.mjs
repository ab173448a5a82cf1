// The official Orb TypeScript SDK (orb-billing, pinned in package.json), unmodified, against the
// UsageLens sandbox. Run by the ctest `conformance_orb_sdk` (SdkConformanceRunner.cpp), which
// starts a sandbox and sets ORB_BASE_URL (once with /v1, once without) and ORB_API_KEY.
//
//   ORB_BASE_URL=http://127.0.0.1:8484/v1 ORB_API_KEY=... node --test orb-sdk.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import Orb from 'orb-billing';

const baseURL = process.env.ORB_BASE_URL;
const apiKey = process.env.ORB_API_KEY;
if (!baseURL || !apiKey) {
  throw new Error('ORB_BASE_URL and ORB_API_KEY must be set (the ctest conformance_orb_sdk sets both)');
}

// No retries: a conformance failure must show at once, not after back-off.
const client = new Orb({ apiKey, baseURL, maxRetries: 0, timeout: 10_000 });
const run = randomUUID().slice(0, 8); // keeps ids unique when several runs share one sandbox
const errorType = (suffix) => `https://docs.withorb.com/reference/error-responses#${suffix}`;

/** An ISO timestamp `secondsAgo` before now, whole seconds (well inside the 12 h grace period). */
function isoSecondsAgo(secondsAgo) {
  return new Date(Math.floor(Date.now() / 1000) * 1000 - secondsAgo * 1000).toISOString();
}

/** Awaits `promise`, expecting it to reject with an instance of `errorClass`; returns the error. */
async function expectError(promise, errorClass) {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof errorClass,
      `expected ${errorClass.name}, got ${err?.constructor?.name}: ${err?.message}`);
    return err;
  }
  assert.fail(`expected ${errorClass.name}, but the call succeeded`);
}

/** Creates a customer with a unique external id. */
async function createCustomer(label, extra = {}) {
  return client.customers.create({
    name: `Conformance ${label} ${run}`,
    email: `${label}-${run}@conformance.example`,
    external_customer_id: `conf-${run}-${label}`,
    ...extra,
  });
}

async function searchOne(id) {
  const { data } = await client.events.search({ event_ids: [id] });
  assert.equal(data.length, 1, `search for ${id} returned ${data.length} events`);
  return data[0];
}

test('customers: create, list with auto-pagination (newest first, each once), fetch, fetch by external id', async () => {
  const created = [];
  for (let i = 0; i < 23; i++) {
    const c = await createCustomer(`list-${String(i).padStart(2, '0')}`, { metadata: { n: String(i) } });
    assert.equal(typeof c.id, 'string');
    assert.equal(c.name, `Conformance list-${String(i).padStart(2, '0')} ${run}`);
    assert.equal(c.external_customer_id, `conf-${run}-list-${String(i).padStart(2, '0')}`);
    assert.deepEqual(c.metadata, { n: String(i) });
    assert.equal(c.timezone, 'Etc/UTC');
    assert.ok(!Number.isNaN(Date.parse(c.created_at)));
    created.push(c);
  }

  // Auto-pagination with limit 10: the SDK follows next_cursor until it is null.
  const seen = [];
  let pages = 0;
  const firstPage = await client.customers.list({ limit: 10 });
  for await (const page of firstPage.iterPages()) {
    pages++;
    assert.ok(page.data.length <= 10, `a page of ${page.data.length} customers exceeds limit 10`);
    seen.push(...page.data);
  }
  assert.ok(pages >= 3, `expected at least 3 pages of 10, got ${pages}`);
  const seenItems = [];
  for await (const customer of client.customers.list({ limit: 10 })) seenItems.push(customer.id);
  assert.deepEqual(seenItems, seen.map((c) => c.id), 'for await over items and over pages disagree');

  const ids = seen.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length, 'a customer was listed twice');
  const positions = created.map((c) => ids.indexOf(c.id));
  for (const [i, p] of positions.entries()) assert.ok(p >= 0, `created customer ${created[i].id} was not listed`);
  // Newest first: the last created comes first, and created_at never increases down the list.
  for (let i = 1; i < positions.length; i++) {
    assert.ok(positions[i] < positions[i - 1], 'created customers are not listed newest first');
  }
  for (let i = 1; i < seen.length; i++) {
    assert.ok(Date.parse(seen[i].created_at) <= Date.parse(seen[i - 1].created_at), 'created_at increases down the list');
  }

  // created_at[gte] (sent as created_at%5Bgte%5D) narrows the list to this test's customers.
  const since = [];
  for await (const c of client.customers.list({ limit: 10, 'created_at[gte]': created[0].created_at })) since.push(c.id);
  assert.deepEqual(since, created.map((c) => c.id).reverse());

  const fetched = await client.customers.fetch(created[5].id);
  assert.equal(fetched.id, created[5].id);
  assert.equal(fetched.email, created[5].email);
  const byExternal = await client.customers.fetchByExternalID(created[7].external_customer_id);
  assert.equal(byExternal.id, created[7].id);
});

test('customers: an external id with reserved characters survives the SDK\'s path encoding', async () => {
  const external = `conf-${run}/a b?c&d#e%f`;
  const c = await client.customers.create({ name: 'Reserved', email: `reserved-${run}@conformance.example`, external_customer_id: external });
  const byExternal = await client.customers.fetchByExternalID(external);
  assert.equal(byExternal.id, c.id);
  assert.equal(byExternal.external_customer_id, external);
});

test('customers: the request Idempotency-Key replays the first answer', async () => {
  const idempotencyKey = `conf-${run}-create`;
  const body = { name: 'Idempotent', email: `idem-${run}@conformance.example` };
  const first = await client.customers.create(body, { idempotencyKey });
  const again = await client.customers.create(body, { idempotencyKey });
  assert.equal(again.id, first.id, 'a replayed create made a second customer');
  const conflict = await expectError(client.customers.create({ ...body, name: 'Other' }, { idempotencyKey }), Orb.ConflictError);
  assert.equal(conflict.status, 409);
  assert.equal(conflict.error.type, errorType('409-resource-conflict'));
});

test('events: ingest, duplicates keep the first body, search', async () => {
  const customer = await createCustomer('events');
  const ts = isoSecondsAgo(120);
  const keys = Array.from({ length: 5 }, (_, i) => `conf-${run}-ev-${i}`);
  const events = keys.map((key, i) => ({
    idempotency_key: key,
    event_name: 'api_request',
    timestamp: ts,
    // Alternate between the two ways of naming the customer.
    ...(i % 2 === 0 ? { customer_id: customer.id } : { external_customer_id: customer.external_customer_id }),
    properties: { region: 'eu-west-1', ms: 100 + i, success: true, ratio: 0.5 },
  }));
  const ingested = await client.events.ingest({ events });
  assert.deepEqual(ingested.validation_failed, []);

  // The same key again with another body is a duplicate: accepted, skipped; the first body wins.
  const again = await client.events.ingest({ events: [{ ...events[0], properties: { region: 'us-east-1', ms: 1 } }] });
  assert.deepEqual(again.validation_failed, []);
  // A key repeated inside one request with the same body counts once.
  const twice = { ...events[0], idempotency_key: `conf-${run}-ev-twice` };
  assert.deepEqual((await client.events.ingest({ events: [twice, twice] })).validation_failed, []);

  // 6.x dropped the deprecated `debug` query parameter; older clients still send it, through the
  // SDK's generic post here. Its answer names the skipped and the stored keys.
  const fresh = { ...events[1], idempotency_key: `conf-${run}-ev-debug` };
  const debugged = await client.post('/ingest', { query: { debug: true }, body: { events: [events[1], fresh] } });
  assert.deepEqual(debugged.validation_failed, []);
  assert.deepEqual(debugged.debug, { duplicate: [events[1].idempotency_key], ingested: [fresh.idempotency_key] });

  const { data } = await client.events.search({ event_ids: [...keys, twice.idempotency_key, `conf-${run}-never-ingested`] });
  assert.equal(data.length, 6);
  const byId = new Map(data.map((e) => [e.id, e]));
  for (const [i, key] of keys.entries()) {
    const e = byId.get(key);
    assert.ok(e, `event ${key} not found`);
    assert.equal(e.event_name, 'api_request');
    assert.equal(Date.parse(e.timestamp), Date.parse(ts));
    assert.deepEqual(e.properties, { region: 'eu-west-1', ms: 100 + i, success: true, ratio: 0.5 });
    assert.equal(e.deprecated, false);
    // Both customer references are resolved whichever one the event was ingested with.
    assert.equal(e.customer_id, customer.id);
    assert.equal(e.external_customer_id, customer.external_customer_id);
  }
  assert.equal(byId.get(twice.idempotency_key).deprecated, false);

  // An explicit timeframe that excludes the events finds none (200 with an empty list).
  const old = await client.events.search({
    event_ids: keys,
    timeframe_start: isoSecondsAgo(3 * 86400),
    timeframe_end: isoSecondsAgo(2 * 86400),
  });
  assert.deepEqual(old.data, []);
});

test('events: amend (update) and deprecate are reflected by search; a deprecated id cannot be ingested again', async () => {
  const customer = await createCustomer('corrections');
  const ts = isoSecondsAgo(300);
  const [amendKey, deprecateKey] = [`conf-${run}-amend`, `conf-${run}-deprecate`];
  await client.events.ingest({
    events: [amendKey, deprecateKey].map((key) => ({
      idempotency_key: key, event_name: 'compute_minutes', timestamp: ts, customer_id: customer.id,
      properties: { region: 'us-east-1', minutes: 12.5 },
    })),
  });

  const amended = await client.events.update(amendKey, {
    event_name: 'compute_minutes', timestamp: ts, customer_id: customer.id,
    properties: { region: 'eu-west-1', minutes: 12.5, corrected: true },
  });
  assert.deepEqual(amended, { amended: amendKey });
  const afterAmend = await searchOne(amendKey);
  assert.deepEqual(afterAmend.properties, { region: 'eu-west-1', minutes: 12.5, corrected: true });
  assert.equal(afterAmend.deprecated, false);

  // An amendment may not move the event in time.
  const moved = await expectError(client.events.update(amendKey, {
    event_name: 'compute_minutes', timestamp: isoSecondsAgo(60), customer_id: customer.id, properties: { minutes: 1 },
  }), Orb.BadRequestError);
  assert.equal(moved.status, 400);
  assert.match(JSON.stringify(moved.error.validation_errors), /timestamp/);

  const deprecated = await client.events.deprecate(deprecateKey);
  assert.deepEqual(deprecated, { deprecated: deprecateKey });
  assert.equal((await searchOne(deprecateKey)).deprecated, true);
  assert.deepEqual(await client.events.deprecate(deprecateKey), { deprecated: deprecateKey }, 'deprecate is idempotent');

  const reingest = await expectError(client.events.ingest({
    events: [{ idempotency_key: deprecateKey, event_name: 'compute_minutes', timestamp: ts, customer_id: customer.id, properties: { minutes: 1 } }],
  }), Orb.BadRequestError);
  assert.match(JSON.stringify(reingest.error.validation_errors), new RegExp(deprecateKey));

  const missing = await expectError(client.events.update(`conf-${run}-no-such-event`, {
    event_name: 'x', timestamp: ts, customer_id: customer.id, properties: { a: 1 },
  }), Orb.NotFoundError);
  assert.equal(missing.status, 404);
});

test('errors: a validation failure is a BadRequestError carrying the sandbox\'s body; nothing of the batch is stored', async () => {
  const customer = await createCustomer('invalid');
  const good = { idempotency_key: `conf-${run}-good`, event_name: 'api_request', timestamp: isoSecondsAgo(60), customer_id: customer.id, properties: { a: 1 } };
  const tooOld = { ...good, idempotency_key: `conf-${run}-too-old`, timestamp: isoSecondsAgo(2 * 86400) };
  const err = await expectError(client.events.ingest({ events: [good, tooOld] }), Orb.BadRequestError);
  assert.ok(err instanceof Orb.RequestValidationError);
  assert.equal(err.status, 400);
  assert.equal(err.error.type, errorType('400-request-validation-errors'));
  assert.equal(err.error.status, 400);
  assert.ok(Array.isArray(err.error.validation_errors));
  const failure = err.error.validation_errors.find((v) => v.idempotency_key === tooOld.idempotency_key);
  assert.ok(failure, `validation_errors does not name ${tooOld.idempotency_key}: ${JSON.stringify(err.error)}`);
  assert.match(failure.validation_errors.join(' '), /timestamp/);
  assert.ok(!err.error.validation_errors.some((v) => v.idempotency_key === good.idempotency_key));
  assert.deepEqual((await client.events.search({ event_ids: [good.idempotency_key] })).data, [], 'a rejected batch stored an event');

  const badEmail = await expectError(client.customers.create({ name: 'Bad', email: 'not-an-email' }), Orb.BadRequestError);
  assert.equal(badEmail.error.type, errorType('400-request-validation-errors'));
  assert.match(JSON.stringify(badEmail.error.validation_errors), /email/);

  const badLimit = await expectError(client.customers.list({ limit: 1000 }), Orb.BadRequestError);
  assert.match(JSON.stringify(badLimit.error.validation_errors), /limit/);

  const tooMany = await expectError(client.events.search({ event_ids: Array.from({ length: 501 }, (_, i) => `id-${i}`) }), Orb.BadRequestError);
  assert.match(JSON.stringify(tooMany.error.validation_errors), /event_ids/);
});

test('errors: a wrong key is an AuthenticationError', async () => {
  const wrong = new Orb({ apiKey: `${apiKey}-wrong`, baseURL, maxRetries: 0 });
  const err = await expectError(wrong.customers.list(), Orb.AuthenticationError);
  assert.equal(err.status, 401);
  assert.equal(err.error.type, errorType('401-authentication-error'));
  await expectError(wrong.events.ingest({ events: [] }), Orb.AuthenticationError);
});

test('errors: an unknown path and an unknown customer are NotFoundErrors', async () => {
  const unknownPath = await expectError(client.get('/_stainless_unknown_path'), Orb.NotFoundError);
  assert.equal(unknownPath.status, 404);
  assert.equal(unknownPath.error.type, errorType('404-url-not-found'));

  const unknownCustomer = await expectError(client.customers.fetch(`conf-${run}-nobody`), Orb.NotFoundError);
  assert.equal(unknownCustomer.error.type, errorType('404-resource-not-found'));
  assert.match(unknownCustomer.error.detail, new RegExp(`conf-${run}-nobody`));
  await expectError(client.customers.fetchByExternalID(`conf-${run}-nobody`), Orb.NotFoundError);
});

/** The hour (ISO) `hoursAgo` whole hours before the current one. */
function hourStartAgo(hoursAgo) {
  const hour = 3600 * 1000;
  return new Date(Math.floor(Date.now() / hour) * hour - hoursAgo * hour).toISOString();
}

/** The counts of the volume buckets from `start`, `hours` of them, keyed by timeframe_start. */
async function volumeByHour(start, hours) {
  const end = new Date(Date.parse(start) + hours * 3600 * 1000).toISOString();
  const { data } = await client.events.volume.list({ timeframe_start: start, timeframe_end: end, limit: 100 });
  assert.equal(data.length, hours);
  return new Map(data.map((b) => [Date.parse(b.timeframe_start), b.count]));
}

test('backfills: create, ingest into, list, fetch, close and revert; volume follows them', async () => {
  const customer = await createCustomer('backfill');
  // A timeframe of three hours, six to three hours ago (inside the grace period, so an existing
  // event can be ingested the ordinary way), scoped to this run's customer.
  const start = hourStartAgo(6);
  const end = hourStartAgo(3);
  const hourA = Date.parse(start);
  const hourB = hourA + 3600 * 1000;
  const existing = `conf-${run}-bf-existing`;
  const replay = `conf-${run}-bf-replay`;
  await client.events.ingest({ events: [{ idempotency_key: existing, event_name: 'api_request', timestamp: new Date(hourA + 60_000).toISOString(), customer_id: customer.id, properties: { ms: 200 } }] });
  const before = await volumeByHour(start, 3);

  const created = await client.events.backfills.create({
    timeframe_start: start,
    timeframe_end: end,
    external_customer_id: customer.external_customer_id,
    deprecation_filter: 'ms > 100',
  });
  assert.equal(created.status, 'pending');
  assert.equal(created.customer_id, customer.id);
  assert.equal(created.events_ingested, 0);
  assert.equal(created.replace_existing_events, true);
  assert.equal(created.reverted_at, null);
  assert.equal(Date.parse(created.timeframe_start), Date.parse(start));
  assert.ok(Date.parse(created.close_time) > Date.now(), 'close_time defaults to the future');

  await client.events.ingest(
    { events: [{ idempotency_key: replay, event_name: 'api_request', timestamp: new Date(hourB + 60_000).toISOString(), customer_id: customer.id, properties: { ms: 50 } }] },
    { query: { backfill_id: created.id } },
  );
  // The SDK's own backfill_id parameter works the same way.
  await client.events.ingest({
    backfill_id: created.id,
    events: [{ idempotency_key: `${replay}-2`, event_name: 'api_request', timestamp: new Date(hourB + 120_000).toISOString(), customer_id: customer.id, properties: { ms: 60 } }],
  });
  const fetched = await client.events.backfills.fetch(created.id);
  assert.equal(fetched.events_ingested, 2);
  assert.deepEqual((await client.events.search({ event_ids: [replay] })).data, [], 'a pending backfill\'s events are not visible yet');

  // An event outside the timeframe is refused.
  const outside = await expectError(client.events.ingest({
    backfill_id: created.id,
    events: [{ idempotency_key: `${replay}-late`, event_name: 'api_request', timestamp: end, customer_id: customer.id, properties: { ms: 1 } }],
  }), Orb.BadRequestError);
  assert.match(JSON.stringify(outside.error.validation_errors), /timeframe/);

  // A second pending backfill over the same timeframe and customer is refused.
  const overlap = await expectError(client.events.backfills.create({ timeframe_start: start, timeframe_end: end, customer_id: customer.id }), Orb.BadRequestError);
  assert.equal(overlap.error.type, errorType('400-constraint-violation'));

  // List: auto-pagination with limit 1 reaches it, newest first.
  const listed = [];
  for await (const b of client.events.backfills.list({ limit: 1 })) listed.push(b);
  assert.equal(new Set(listed.map((b) => b.id)).size, listed.length, 'a backfill was listed twice');
  assert.ok(listed.some((b) => b.id === created.id), 'the new backfill was not listed');
  for (let i = 1; i < listed.length; i++) {
    assert.ok(Date.parse(listed[i].created_at) <= Date.parse(listed[i - 1].created_at), 'backfills are not listed newest first');
  }

  const closed = await client.events.backfills.close(created.id);
  assert.equal(closed.status, 'reflected');
  assert.ok(Date.parse(closed.close_time) <= Date.now() + 1000, 'close_time is when it was closed');
  assert.equal((await searchOne(replay)).deprecated, false);
  assert.equal((await searchOne(existing)).deprecated, true, 'the replaced event no longer counts');
  const afterClose = await volumeByHour(start, 3);
  assert.equal(afterClose.get(hourA), before.get(hourA) - 1);
  assert.equal(afterClose.get(hourB), before.get(hourB) + 2);

  const reverting = await client.events.backfills.revert(created.id);
  assert.equal(reverting.status, 'pending_revert');
  assert.ok(reverting.reverted_at, 'reverted_at is set');
  await new Promise((resolve) => setTimeout(resolve, 1100)); // the sandbox's pending_revert lasts a second
  assert.equal((await client.events.backfills.fetch(created.id)).status, 'reverted');
  assert.equal((await searchOne(existing)).deprecated, false, 'reverting restores the replaced event');
  assert.deepEqual((await client.events.search({ event_ids: [replay] })).data, []);
  assert.deepEqual(await volumeByHour(start, 3), before, 'reverting restores the volume');

  const notFound = await expectError(client.events.backfills.fetch(`conf-${run}-no-backfill`), Orb.NotFoundError);
  assert.equal(notFound.error.type, errorType('404-resource-not-found'));
});

test('backfills: a backfill reverted before it is closed goes straight to reverted; events older than the grace period need one', async () => {
  const customer = await createCustomer('backfill-old');
  const start = hourStartAgo(72);
  const end = hourStartAgo(48);
  const old = { idempotency_key: `conf-${run}-bf-old`, event_name: 'api_request', timestamp: hourStartAgo(60), customer_id: customer.id, properties: { ms: 5 } };
  await expectError(client.events.ingest({ events: [old] }), Orb.BadRequestError);
  const b = await client.events.backfills.create({ timeframe_start: start, timeframe_end: end, customer_id: customer.id, replace_existing_events: false });
  assert.equal(b.replace_existing_events, false);
  assert.deepEqual((await client.events.ingest({ backfill_id: b.id, events: [old] })).validation_failed, []);
  const reverted = await client.events.backfills.revert(b.id);
  assert.equal(reverted.status, 'reverted');
  assert.equal(reverted.events_ingested, 1);
  const closeAgain = await expectError(client.events.backfills.close(b.id), Orb.BadRequestError);
  assert.equal(closeAgain.error.type, errorType('400-constraint-violation'));
});

test('volume: hourly buckets, ascending, with every hour listed', async () => {
  const customer = await createCustomer('volume');
  const start = hourStartAgo(9);
  const before = await volumeByHour(start, 2);
  await client.events.ingest({
    events: [0, 1, 2].map((i) => ({
      idempotency_key: `conf-${run}-vol-${i}`, event_name: 'api_request',
      timestamp: new Date(Date.parse(start) + (i === 2 ? 3600_000 : 0) + i * 1000).toISOString(),
      customer_id: customer.id, properties: { i },
    })),
  });
  const { data } = await client.events.volume.list({ timeframe_start: start, timeframe_end: hourStartAgo(7) });
  assert.equal(data.length, 2);
  assert.ok(Date.parse(data[0].timeframe_start) < Date.parse(data[1].timeframe_start));
  assert.equal(Date.parse(data[0].timeframe_end), Date.parse(data[1].timeframe_start));
  assert.equal(data[0].count, before.get(Date.parse(start)) + 2);
  assert.equal(data[1].count, before.get(Date.parse(start) + 3600_000) + 1);
  const invalid = await expectError(client.events.volume.list({ timeframe_start: start, timeframe_end: start }), Orb.BadRequestError);
  assert.match(JSON.stringify(invalid.error.validation_errors), /timeframe_end/);
});
