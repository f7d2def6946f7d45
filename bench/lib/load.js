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
