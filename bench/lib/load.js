// A closed-loop HTTP load generator: `clients` keep-alive connections, each sending its next request as soon
// as the previous answer has been read, recording every latency.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { ms, percentile } from './platform.js';

function timedGet(agent, url, cookie) {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const req = request(url, { agent, headers: cookie ? { cookie } : {} }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode, bytes, ms: performance.now() - began }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Runs `clients` loops until `durationMs` has passed or each sent `maxRequests`. `pathFor(client, n)` picks
 * the path of a client's n-th request. Latencies of the first `warmupMs` are not recorded.
 */
export async function runLoad({ baseUrl, cookie, clients, pathFor, durationMs, maxRequests, warmupMs = 0 }) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies = [];
  let errors = 0;
  let bytes = 0;
  const began = performance.now();
  const measureFrom = began + warmupMs;
  const deadline = measureFrom + durationMs;
  const loop = async (client) => {
    for (let n = 0; n < maxRequests && performance.now() < deadline; n++) {
      const sent = performance.now();
      const result = await timedGet(agent, `${baseUrl}/api/v1${pathFor(client, n)}`, cookie);
      if (sent < measureFrom) continue;
      if (result.status !== 200) errors++;
      latencies.push(result.ms);
      bytes = result.bytes;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, client) => loop(client)));
  const seconds = (performance.now() - Math.max(began, measureFrom)) / 1000;
  agent.destroy();
  return { latencies, errors, bytes, seconds };
}

/** One line: count, throughput, percentiles. */
export function describeLoad(label, { latencies, errors, bytes, seconds }) {
  const p = (q) => ms(percentile(latencies, q));
  return (
    `${label}: ${latencies.length} requests (${errors} errors, last body ${bytes} B) in ${seconds.toFixed(1)} s = ` +
    `${(latencies.length / seconds).toFixed(0)} req/s; p50 ${p(50)}, p95 ${p(95)}, p99 ${p(99)}, ` +
    `max ${ms(Math.max(...latencies))}`
  );
}

/**
 * An open-loop (fixed-rate) load: one request every 1000/`rate` ms for `durationMs`, whatever the answers,
 * each timed from its scheduled send time so a slow server shows as queueing instead of fewer requests.
 * `pathFor(n)` picks the n-th request's path. Sending stops once `maxInFlight` requests wait for an answer
 * (the server cannot keep up; `unsent` says how many were left out), so an overloaded run still ends.
 */
export async function runOpenLoad({ baseUrl, cookie, rate, durationMs, pathFor, maxInFlight = Infinity }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies = [];
  let errors = 0;
  let bytes = 0;
  const interval = 1000 / rate;
  const total = Math.round((durationMs / 1000) * rate);
  const began = performance.now();
  const pending = [];
  let inFlight = 0;
  let sent = 0;
  for (; sent < total && inFlight < maxInFlight; sent++) {
    const due = began + sent * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight++;
    pending.push(
      timedGet(agent, `${baseUrl}/api/v1${pathFor(sent)}`, cookie)
        .then(
          (result) => {
            if (result.status !== 200) errors++;
            bytes = result.bytes;
            latencies.push(performance.now() - due);
          },
          () => errors++
        )
        .finally(() => inFlight--)
    );
  }
  await Promise.all(pending);
  const seconds = (performance.now() - began) / 1000;
  agent.destroy();
  return { latencies, errors, bytes, seconds, unsent: total - sent };
}
