import t from 'tap';
import { readFileSync } from 'node:fs';
import { isDomainError, type DomainError } from '../../core/errors.js';
import { CORE_ENVELOPE_LIMITS, decodeXmlText, isCoreEnvelope, readCoreEnvelope } from './core-envelope.js';
import { detectPayerFormat, normalizePayerDocument } from './normalize-payer-document.js';
import {
  coreFields,
  SYNTHETIC_999_REJECT,
  syntheticMultipartEnvelope,
  syntheticSoapEnvelope,
  xmlEscaped,
} from '../../../test/support/core-envelopes.js';

const ACTIVE_271 = readFileSync(new URL('../../../fixtures/sandbox/responses/sandbox-ppo-active.271', import.meta.url), 'utf8').trim();

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** The bare 271's coverages, to compare unwrapped ones against. */
const bare = normalizePayerDocument(ACTIVE_271).coverages;
const withoutEnvelopeNote = (coverages: typeof bare) =>
  coverages.map((c) => ({ ...c, warnings: c.warnings.filter((w) => w.code !== 'core-envelope.unwrapped') }));

t.test('a 271 in a SOAP envelope with a CDATA payload reads the same as the bare 271, with a note that it was unwrapped', async (t) => {
  const envelope = syntheticSoapEnvelope({ payloadXml: `<![CDATA[${ACTIVE_271}]]>` });
  t.equal(detectPayerFormat(envelope), 'x12-271');
  const result = normalizePayerDocument(envelope);
  t.equal(result.format, 'x12-271');
  t.same(withoutEnvelopeNote(result.coverages), bare, 'the envelope changes nothing in the coverage');
  const note = result.coverages[0]?.warnings.find((w) => w.code === 'core-envelope.unwrapped');
  t.match(note?.message, /SOAP CAQH CORE envelope \(PayloadType X12_271_Response_005010X279A1, CORE rule 2\.2\.0\)/);
  t.equal(result.coverages[0]?.warnings.filter((w) => w.code === 'core-envelope.unwrapped').length, 1, 'noted once');
  // An explicit x12-271 format (the transport's answers, JSON-wrapped documents) is unwrapped too.
  t.same(withoutEnvelopeNote(normalizePayerDocument(envelope, 'x12-271').coverages), bare);
});

t.test('a 271 sent as XML-escaped text (entities and numeric character references) is decoded before reading', async (t) => {
  const envelope = syntheticSoapEnvelope({ payloadXml: xmlEscaped(ACTIVE_271) });
  t.match(envelope, /&#x7E;/);
  const read = readCoreEnvelope(envelope);
  t.ok(read.ok);
  if (read.ok) {
    t.equal(read.envelope.payload, ACTIVE_271);
    t.equal(read.envelope.payloadEncoding, 'text');
    t.same(read.envelope.fields, {
      payloadType: 'X12_271_Response_005010X279A1', processingMode: 'RealTime', payloadId: 'f81d4fae-7dec-41d0-a765-00a0c91eaaaa',
      timeStamp: '2026-01-05T09:30:00Z', senderId: 'SYNTHPAYER', receiverId: 'SYNTHCLINIC', coreRuleVersion: '2.2.0',
      errorCode: 'Success', errorMessage: 'None',
    }, 'every envelope field is read, and the WS-Security Timestamp header is not taken for TimeStamp');
  }
  t.same(decodeXmlText('a&lt;b&gt;c&amp;d&quot;e&apos;f&#65;&#x42;'), { ok: true, value: 'a<b>c&d"e\'fAB' });
  t.same(decodeXmlText('&nbsp;'), { ok: false, reason: 'an unknown entity or invalid character reference' });
  t.same(decodeXmlText('&#0;'), { ok: false, reason: 'an unknown entity or invalid character reference' });
});

t.test('prefixes of any name, no prefix, a wrapping response element and an empty SOAP Header do not matter', async (t) => {
  const variants = [
    // An empty self-closing Header (HealthEdge, many Java stacks) has no end tag to close it.
    `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Header/><env:Body><ns1:COREEnvelopeRealTimeResponse xmlns:ns1="http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd"><PayloadType>X12_271_Response_005010X279A1</PayloadType><ProcessingMode>RealTime</ProcessingMode><CORERuleVersion>2.2.0</CORERuleVersion><Payload>\n      ${ACTIVE_271.split('\n').join('\n      ')}\n    </Payload><ErrorCode>Success</ErrorCode></ns1:COREEnvelopeRealTimeResponse></env:Body></env:Envelope>`,
    `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Header></S:Header><S:Body><F:Fault xmlns:F="x"/><COREEnvelopeRealTimeResponse><Payload>${ACTIVE_271}</Payload><ErrorCode>Success</ErrorCode></COREEnvelopeRealTimeResponse></S:Body></S:Envelope>`,
    `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:realTimeTransactionResponse xmlns:ns2="http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd"><COREEnvelopeRealTimeResponse><PayloadType>X12_271_Response_005010X279A1</PayloadType><Payload>${ACTIVE_271}</Payload><ErrorCode>Success</ErrorCode></COREEnvelopeRealTimeResponse></ns2:realTimeTransactionResponse></S:Body></S:Envelope>`,
    `<Envelope xmlns="http://www.w3.org/2003/05/soap-envelope">\n <Body>\n  <COREEnvelopeRealTimeResponse xmlns="http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd">\n   <cor:PayloadType xmlns:cor="x">X12_271_Response_005010X279A1</cor:PayloadType>\n   <cor:Payload xmlns:cor="x">\n   ${ACTIVE_271}\n   </cor:Payload>\n  </COREEnvelopeRealTimeResponse>\n </Body>\n</Envelope>`,
    `\uFEFF  <a-very_long.prefix:Envelope xmlns:a-very_long.prefix="http://www.w3.org/2003/05/soap-envelope"><!-- a comment --><a-very_long.prefix:Body><x:COREEnvelopeRealTimeResponse xmlns:x="y"><x:Payload><![CDATA[${ACTIVE_271.slice(0, 200)}]]><![CDATA[${ACTIVE_271.slice(200)}]]></x:Payload></x:COREEnvelopeRealTimeResponse></a-very_long.prefix:Body></a-very_long.prefix:Envelope>`,
  ];
  for (const envelope of variants) {
    t.ok(isCoreEnvelope(envelope));
    t.same(withoutEnvelopeNote(normalizePayerDocument(envelope).coverages), bare);
  }
});

t.test('a 271 in an HTTP MIME multipart envelope is read with the boundary from the content type or, when absent, from the body', async (t) => {
  const boundary = 'SyntheticBoundary7MA4YWxkTrZu0gW';
  const body = `${syntheticMultipartEnvelope(boundary, coreFields(ACTIVE_271))}`;
  const fromHeader = normalizePayerDocument(body, undefined, { contentType: `multipart/form-data; boundary="${boundary}"` });
  t.same(withoutEnvelopeNote(fromHeader.coverages), bare);
  t.match(fromHeader.coverages[0]?.warnings.find((w) => w.code === 'core-envelope.unwrapped')?.message, /HTTP MIME multipart CAQH CORE envelope/);
  t.same(withoutEnvelopeNote(normalizePayerDocument(body).coverages), bare, 'boundary from the first line');
  t.equal(detectPayerFormat(body), 'x12-271');

  // A body written by a real multipart encoder (undici FormData), LF-only line ends, and a preamble.
  const form = new FormData();
  for (const [name, value] of Object.entries(coreFields(ACTIVE_271))) form.append(name, value);
  const response = new Response(form);
  const encoded = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  t.same(withoutEnvelopeNote(normalizePayerDocument(encoded, undefined, { contentType }).coverages), bare);
  t.same(withoutEnvelopeNote(normalizePayerDocument(body.replace(/\r\n/g, '\n')).coverages), bare);
  const withPreamble = `This is a MIME preamble.\r\n${body}`;
  t.same(withoutEnvelopeNote(normalizePayerDocument(withPreamble, undefined, { contentType: `multipart/form-data; boundary=${boundary}` }).coverages), bare);
});

t.test('an MTOM envelope whose Payload is an xop:Include reads the referenced MIME part', async (t) => {
  const boundary = 'uuid:0000-synthetic';
  const soap = syntheticSoapEnvelope({ payloadXml: '<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:payload-1%40synthetic.example"/>' });
  const body =
    `--${boundary}\r\nContent-ID: <root.message@synthetic.example>\r\nContent-Type: application/xop+xml; charset=utf-8; type="application/soap+xml"\r\n\r\n${soap}\r\n` +
    `--${boundary}\r\nContent-ID: <payload-1@synthetic.example>\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(ACTIVE_271).toString('base64')}\r\n` +
    `--${boundary}--\r\n`;
  const read = readCoreEnvelope(body, `multipart/related; type="application/xop+xml"; boundary="${boundary}"`);
  t.ok(read.ok);
  if (read.ok) {
    t.equal(read.envelope.wrapper, 'mtom-soap');
    t.equal(read.envelope.payloadEncoding, 'mime-part');
    t.equal(read.envelope.payload, ACTIVE_271);
  }
});

t.test('a base64 payload and XML-escaped CDATA markers are decoded', async (t) => {
  const base64 = readCoreEnvelope(syntheticSoapEnvelope({ payloadXml: Buffer.from(ACTIVE_271).toString('base64').replace(/(.{76})/g, '$1\n') }));
  t.ok(base64.ok && base64.envelope.payload === ACTIVE_271 && base64.envelope.payloadEncoding === 'base64');
  const escapedCdata = normalizePayerDocument(syntheticSoapEnvelope({ payloadXml: `&lt;![CDATA[${ACTIVE_271}]]&gt;` }));
  t.same(withoutEnvelopeNote(escapedCdata.coverages), bare);
  t.match(escapedCdata.coverages[0]?.warnings[0]?.message, /payload escaped-cdata/);
});

t.test('an envelope whose ErrorCode is not Success is a payer rejection naming only the code, retryable for TimeOut and ServerBusy', async (t) => {
  const phiCanary = 'Member CANARYLAST CANARYFIRST SBX-PHI-CANARY-77 not found';
  const rejected = thrown(() => normalizePayerDocument(syntheticSoapEnvelope({ payloadType: 'CoreEnvelopeError', errorCode: 'PayloadTypeNotSupported', errorMessage: phiCanary })));
  t.equal(rejected.code, 'payer.rejected');
  t.match(rejected.message, /CAQH CORE envelope error PayloadTypeNotSupported/);
  t.same(rejected.meta, { envelope: 'caqh-core', coreErrorCode: 'PayloadTypeNotSupported', retryable: false });
  t.notMatch(JSON.stringify({ message: rejected.message, meta: rejected.meta }), /CANARY/, 'ErrorMessage text (possible PHI) is never copied');

  for (const code of ['TimeOut', 'ServerBusy']) {
    const busy = thrown(() => normalizePayerDocument(syntheticMultipartEnvelope('b1', coreFields('', { ErrorCode: code, ErrorMessage: phiCanary }))));
    t.equal(busy.code, 'payer.rejected');
    t.same(busy.meta, { envelope: 'caqh-core', coreErrorCode: code, retryable: true }, `${code} is retryable`);
  }
  const oddCode = thrown(() => normalizePayerDocument(syntheticSoapEnvelope({ errorCode: 'Member SBX-PHI-CANARY-77 unknown' })));
  t.equal(oddCode.meta.coreErrorCode, 'unrecognized', 'an ErrorCode that is free text is not copied either');
});

t.test('a SOAP fault from the payer is a rejection (Sender) or retryable (Receiver), naming only the fault code', async (t) => {
  const fault = (code: string) =>
    `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:${code}</env:Value></env:Code><env:Reason><env:Text xml:lang="en">Subscriber SBX-PHI-CANARY-77 invalid</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>`;
  const sender = thrown(() => normalizePayerDocument(fault('Sender')));
  t.equal(sender.code, 'payer.rejected');
  t.match(sender.message, /a SOAP fault \(Sender\)/);
  t.equal(sender.meta.retryable, false);
  t.equal(thrown(() => normalizePayerDocument(fault('Receiver'))).meta.retryable, true);
  t.notMatch(sender.message, /CANARY/);
});

t.test('a 999 rejecting the 270 inside an envelope is a payer rejection, as it is bare', async (t) => {
  const wrapped = thrown(() => normalizePayerDocument(syntheticSoapEnvelope({ payloadType: 'X12_999_Response_005010X231A1', payloadXml: `<![CDATA[${SYNTHETIC_999_REJECT}]]>` })));
  const plain = thrown(() => normalizePayerDocument(SYNTHETIC_999_REJECT));
  t.equal(wrapped.code, 'payer.rejected');
  t.equal(wrapped.message, plain.message);
  t.notMatch(wrapped.message, /ZZX00000001/);
});

t.test('a truncated or garbled envelope is a parse error with a fixed reason that never quotes the document', async (t) => {
  const good = syntheticSoapEnvelope({ payloadXml: `<![CDATA[${ACTIVE_271}]]>` });
  const cases: Array<[string, string, RegExp]> = [
    ['truncated mid-payload', good.slice(0, good.indexOf('EB*')), /truncated \(an unterminated CDATA section\)/],
    ['truncated after the payload', good.slice(0, good.indexOf('</ns1:COREEnvelopeRealTimeResponse>')), /truncated \(unclosed elements\)/],
    ['mismatched tags', good.replace('</PayloadType>', '</PayloadKind>'), /end tag does not match/],
    ['an unknown entity', syntheticSoapEnvelope({ payloadXml: `${xmlEscaped(ACTIVE_271)}&bogus;` }), /Payload has an unknown entity/],
    ['no Payload', syntheticSoapEnvelope(), /has no Payload/],
    ['an empty Payload', syntheticSoapEnvelope({ payloadXml: '  ' }), /Payload is empty/],
    ['a Payload that is not X12', syntheticSoapEnvelope({ payloadXml: 'hello' }), /not an X12 interchange/],
    ['two Payloads', good.replace('<ErrorCode>', '<Payload>x</Payload><ErrorCode>'), /appears twice/],
    ['a DTD', `<!DOCTYPE x [<!ENTITY e "boom">]>${good.replace(/^<\?xml[^>]*>/, '')}`, /document type declarations are not accepted/],
    ['multipart without a closing boundary', syntheticMultipartEnvelope('b2', coreFields(ACTIVE_271)).replace('--b2--\r\n', ''), /no closing boundary/],
  ];
  for (const [name, body, reason] of cases) {
    const error = thrown(() => normalizePayerDocument(body));
    t.equal(error.code, 'format.parse-error', name);
    t.match(error.message, reason, name);
    t.equal(error.meta.envelope, 'caqh-core', name);
    t.notMatch(error.message, /SBX-PPO|TESTPATIENT|ISA\*/, `${name}: the reason never quotes the document`);
  }
  t.equal(readCoreEnvelope('--b3\r\nContent-Disposition: form-data; name="Payload"\r\n').ok, false);
});

t.test('absurd sizes, deep nesting and pathological markup are refused quickly', async (t) => {
  const started = performance.now();
  const huge = `<s:Envelope>${' '.repeat(CORE_ENVELOPE_LIMITS.chars)}</s:Envelope>`;
  t.match(readCoreEnvelope(huge), { ok: false, failure: { reason: 'the envelope is too large' } });
  t.match(readCoreEnvelope(`<s:Envelope>${'<a>'.repeat(1000)}`), { ok: false, failure: { reason: 'the envelope is nested too deeply' } });
  t.match(readCoreEnvelope(`<s:Envelope>${'<a/>'.repeat(20_000)}</s:Envelope>`), { ok: false, failure: { reason: 'the envelope has too many elements' } });
  const partsBody = `${Array.from({ length: 100 }, () => '--b4\r\n\r\nx\r\n').join('')}--b4--`;
  t.match(readCoreEnvelope(partsBody), { ok: false, failure: { reason: 'the multipart body has too many parts' } });
  // Inputs that make naive regular expressions or repeated searches backtrack or go quadratic.
  for (const pathological of [`<s:Envelope ${'a="'.repeat(200_000)}`, `<s:Envelope>${'<!-'.repeat(200_000)}`, `<s:Envelope>${'&'.repeat(200_000)}`, `--b5\r\n${'--b5 '.repeat(200_000)}`]) {
    t.equal(readCoreEnvelope(pathological).ok, false);
  }
  const whitespaceRun = readCoreEnvelope(syntheticSoapEnvelope({ payloadXml: `QUFB${'\n'.repeat(500_000)}!` }));
  t.ok(whitespaceRun.ok && !whitespaceRun.envelope.payload.startsWith('ISA'), 'a long whitespace run in a payload is not base64 and does not backtrack');
  t.ok(performance.now() - started < 2000, 'all of it in well under two seconds');
});
