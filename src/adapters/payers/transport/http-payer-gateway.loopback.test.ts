import http from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { payerEntrySchema } from '../../data-files/payer-directory-file.js';
import { isDomainError } from '../../../core/errors.js';
import type { EligibilityInquiry } from '../../../core/ports.js';
import { createHttpPayerGateway } from './http-payer-gateway.js';

const ANSWER = '{"resourceType":"CoverageEligibilityResponse","status":"active","outcome":"complete"}';
const inquiry: EligibilityInquiry = {
  payerId: 'loopback-fhir',
  provider: { npi: '1234567893', organizationName: 'SANDBOX BEHAVIORAL HEALTH CLINIC' },
  subscriber: { memberId: 'SBX-LOOP-0001', lastName: 'SANDBOX', dateOfBirth: '1985-01-01' },
  dateOfService: '2026-01-05',
  serviceTypes: ['30'],
};

function entryFor(endpoint: string, maxConcurrent: number) {
  return payerEntrySchema.parse({
    id: 'loopback-fhir',
    name: 'Loopback FHIR Payer',
    format: 'fhir-r4',
    transactions: ['CoverageEligibilityRequest'],
    connection: {
      endpoint,
      maxConcurrent,
      timeouts: { connectMs: 500, headersMs: 2000, bodyMs: 2000, overallMs: 3000 },
      retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
    },
  });
}

t.test('reuses pooled keep-alive connections through the undici Agent', async (t) => {
  const sockets = new Set<string>();
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    sockets.add(`${req.socket.remotePort}`);
    req.resume();
    req.on('end', () => setTimeout(() => res.end(ANSWER), 20));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    server.closeAllConnections();
    server.close();
  });
  const { port } = server.address() as AddressInfo;
  const gateway = createHttpPayerGateway(entryFor(`http://127.0.0.1:${port}/fhir/CoverageEligibilityRequest`, 2), { env: {} });
  t.teardown(() => gateway.close());

  for (let i = 0; i < 4; i += 1) t.equal((await gateway.fetchEligibility(inquiry)).body, ANSWER);
  await Promise.all(Array.from({ length: 8 }, () => gateway.fetchEligibility(inquiry)));
  t.equal(requests, 12);
  t.ok(sockets.size <= 2, `12 inquiries used ${sockets.size} connection(s), no more than the pool size of 2`);
});

t.test('reports payer.unavailable with ECONNREFUSED when nothing listens on the payer port', async (t) => {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const gateway = createHttpPayerGateway(entryFor(`http://127.0.0.1:${port}/fhir`, 2), { env: {} });
  t.teardown(() => gateway.close());
  try {
    await gateway.fetchEligibility(inquiry);
    t.fail('expected a failure');
  } catch (error) {
    t.match(isDomainError(error) ? { code: error.code, ...error.meta } : {}, { code: 'payer.unavailable', networkError: 'ECONNREFUSED', attempts: 2 });
  }
});
