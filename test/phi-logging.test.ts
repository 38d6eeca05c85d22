/**
 * PHI never reaches the log stream: not from bodies, query strings, headers, validation errors
 * or error handling. These synthetic values are searched for in every captured log line.
 */
import t from 'tap';
import { buildTestApp } from './support/build-test-app.js';
import { createLogger } from '../src/logger.js';
import { createLogCapture } from './support/log-capture.js';

const PHI = { memberId: 'ZZT900112233', firstName: 'Quillon', lastName: 'Vantasner', dateOfBirth: '1981-07-29' };
const PHI_PATTERN = new RegExp([PHI.memberId, PHI.firstName, PHI.lastName, PHI.dateOfBirth, 'Bearer sk-'].join('|'));

t.test('a request carrying PHI leaves no PHI in the log stream', async (t) => {
  const { app, log } = await buildTestApp({ LOG_LEVEL: 'trace' });
  t.teardown(() => app.close());
  const headers = { 'content-type': 'application/json', authorization: 'Bearer sk-live-123', 'x-api-key': 'sk-key' };
  const payload = JSON.stringify({ subscriber: PHI, dependent: { ...PHI } });
  await app.inject({ method: 'POST', url: '/v1/payers', headers, payload });
  await app.inject({ method: 'GET', url: `/v1/payers?memberId=${PHI.memberId}&dob=${PHI.dateOfBirth}`, headers });
  await app.inject({ method: 'GET', url: `/v1/payers/${PHI.lastName}`, headers });
  await app.inject({ method: 'POST', url: '/v1/payers', headers, payload: `{"memberId":"${PHI.memberId}",` });
  t.ok(log.lines.length > 4, 'requests were logged');
  t.notMatch(log.text(), PHI_PATTERN);
});

t.test('the logger redacts PHI keys when code logs an object carrying them', async (t) => {
  const capture = createLogCapture();
  const logger = createLogger({ level: 'info', pretty: false }, capture.stream);
  logger.info({ inquiry: { subscriber: PHI, payerId: 'sandbox-ppo' }, memberId: PHI.memberId, patient: { dateOfBirth: PHI.dateOfBirth } }, 'checked');
  logger.info({ req: { method: 'GET', url: `/x?memberId=${PHI.memberId}` } }, 'request');
  t.notMatch(capture.text(), PHI_PATTERN);
  t.match(capture.text(), /sandbox-ppo/, 'non-PHI context is kept');
  t.match(capture.text(), /\[REDACTED\]/);
});
