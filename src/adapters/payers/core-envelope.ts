/**
 * A careful reader of just the CAQH CORE Connectivity envelope that payers reached directly wrap
 * around a real-time X12 answer: a SOAP 1.2 envelope (COREEnvelopeRealTimeResponse) or an HTTP MIME
 * multipart/form-data body with the same fields as form parts. It returns the payload and the
 * envelope fields, or a typed failure; it never parses the payload itself.
 *
 * What the sources say (read, not copied):
 * - CAQH CORE Connectivity Rule vC2.2.0 (formerly Phase II CORE 270, v2.2.0): two envelope
 *   standards, SOAP+WSDL and HTTP+MIME multipart, carrying the same metadata: PayloadType (e.g.
 *   X12_271_Response_005010X279A1), ProcessingMode (RealTime), PayloadID, TimeStamp, SenderID,
 *   ReceiverID, CORERuleVersion, Payload, ErrorCode, ErrorMessage.
 *   https://docslib.org/doc/4139640/caqh-core-connectivity-rule-vc2-2-0
 *   https://vdocuments.site/caqh-core-connectivity-rule-vc22.html
 *   https://paperzz.com/doc/7485110/http---www.caqh.org-pdf-clean5010-270-v5010.pdf.
 * - A real-time answer is a transport or envelope error, a 999, or the response transaction
 *   (CAQH CORE Connectivity, SOAP envelope method, "Request and Response Handling"):
 *   https://1library.net/article/general-specifications-applicable-to-the-soap-envelope-method.ye3eg61q
 * - PayloadType names and envelope types as one vendor implements them (webMethods Module for HIPAA):
 *   https://documentation.softwareag.com/webmethods/adapters_estandards/eStandards/HIPAA/HIPAA_9-6/9-6_webMethods_Module_for_HIPAA_webhelp/hippa-iug-onlinehelp/to-hippa_pckg_srvcs_6.html
 * - Public integration code (GitHub) shows the 271 in <Payload> as CDATA (namespace
 *   http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd, prefixes ns0/ns1/cor/none), as plain text, as
 *   XML-escaped "&lt;![CDATA[...]]&gt;" (a double-escaping quirk), base64 in one client's tests, the
 *   response element wrapped once more (realTimeTransactionResponse), and the SOAP envelope itself
 *   sent inside MTOM multipart/related (application/xop+xml). "Success" is the ErrorCode of a good answer.
 * - SOAP 1.2 fault codes: Sender (do not resend unchanged) vs Receiver (may succeed later):
 *   https://www.w3.org/TR/soap12-part1/#faultcodes
 * The rule's own table of envelope ErrorCode values could not be read from the sources above; the
 * retryable set below (TimeOut, ServerBusy, SOAP Receiver/Server) follows the rule's intent as
 * commonly implemented, and every other non-Success code is a rejection.
 *
 * Safety: no DTDs or external entities (refused), the five XML entities and numeric character
 * references only, limits on size, depth, elements and MIME parts, and only linear scans (indexOf
 * and simple character loops; no backtracking regular expressions over the body). Failure reasons
 * are fixed strings from this file and codes; nothing from the payload or ErrorMessage (PHI) is
 * copied into them.
 */
import { DomainError } from '../../core/errors.js';
import type { FormatWarning } from '../../core/coverage/coverage-model.js';

/** Limits: a real-time envelope around one member's 271 is a few kilobytes. */
export const CORE_ENVELOPE_LIMITS = { chars: 8 * 1024 * 1024, depth: 32, elements: 10_000, parts: 32 } as const;

/** The envelope metadata (CAQH CORE Connectivity Rule vC2.2.0). */
export interface CoreEnvelopeFields {
  payloadType?: string;
  processingMode?: string;
  payloadId?: string;
  timeStamp?: string;
  senderId?: string;
  receiverId?: string;
  coreRuleVersion?: string;
  errorCode?: string;
  /** The payer's free text. It may hold PHI: never log it or copy it into an error. */
  errorMessage?: string;
}

/** How the envelope arrived. */
export type CoreEnvelopeWrapper = 'soap' | 'multipart-form' | 'mtom-soap';
/** How the payload was carried inside it. */
export type CorePayloadEncoding = 'text' | 'cdata' | 'escaped-cdata' | 'base64' | 'mime-part';

export interface CoreEnvelope {
  wrapper: CoreEnvelopeWrapper;
  fields: CoreEnvelopeFields;
  /** The inner document (e.g. an X12 271 or 999), decoded. */
  payload: string;
  payloadEncoding: CorePayloadEncoding;
}

/** Why an envelope gave no payload: unreadable, or a clear error from the payer. */
export type CoreEnvelopeFailure =
  | { kind: 'malformed'; reason: string }
  | {
      kind: 'payer-error';
      /** The ErrorCode (or SOAP fault code's local name); 'unrecognized' when it is not a plain code. */
      errorCode: string;
      retryable: boolean;
      source: 'envelope' | 'soap-fault';
      fields: CoreEnvelopeFields;
    };

export type CoreEnvelopeResult = { ok: true; envelope: CoreEnvelope } | { ok: false; failure: CoreEnvelopeFailure };

/**
 * Error codes that mean "the payer is up but cannot answer now": TimeOut and ServerBusy (CORE
 * envelope), Receiver (SOAP 1.2) and Server (SOAP 1.1) faults. Compared case-insensitively.
 */
export const RETRYABLE_CORE_ERROR_CODES: ReadonlySet<string> = new Set(['timeout', 'serverbusy', 'receiver', 'server']);

const FIELD_BY_NAME: Readonly<Record<string, keyof CoreEnvelopeFields | 'payload'>> = {
  payloadtype: 'payloadType',
  processingmode: 'processingMode',
  payloadid: 'payloadId',
  timestamp: 'timeStamp',
  senderid: 'senderId',
  receiverid: 'receiverId',
  coreruleversion: 'coreRuleVersion',
  errorcode: 'errorCode',
  errormessage: 'errorMessage',
  payload: 'payload',
};

const malformed = (reason: string): CoreEnvelopeResult => ({ ok: false, failure: { kind: 'malformed', reason } });

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * True when a body looks like a CAQH CORE envelope (cheap: looks at the media type and the first
 * 16 KB). A SOAP envelope with CORE fields or a fault, or a MIME multipart body naming CORE fields.
 */
export function isCoreEnvelope(body: string, contentType?: string): boolean {
  const text = stripBom(body).trimStart();
  const head = text.slice(0, 16_384);
  const type = mediaType(contentType);
  if (type.startsWith('multipart/') || head.startsWith('--')) {
    return /PayloadType|COREEnvelope|name="?Payload/i.test(head);
  }
  if (!head.startsWith('<')) return false;
  return /<(?:[A-Za-z_][\w.-]{0,63}:)?Envelope[\s>/]/.test(head) && /COREEnvelope|PayloadType|Fault[\s>/]/.test(head);
}

/** Reads a CAQH CORE envelope (SOAP or MIME multipart). `contentType` supplies a multipart boundary when known. */
export function readCoreEnvelope(body: string, contentType?: string): CoreEnvelopeResult {
  if (body.length > CORE_ENVELOPE_LIMITS.chars) return malformed('the envelope is too large');
  const text = stripBom(body).trim();
  if (text === '') return malformed('the envelope is empty');
  const type = mediaType(contentType);
  if (type.startsWith('multipart/') || text.startsWith('--')) return readMultipart(text, contentType);
  if (text.startsWith('<')) {
    const scanned = scanXml(text);
    if (typeof scanned === 'string') return malformed(scanned);
    return fromSoap(scanned, 'soap', undefined);
  }
  return malformed('not a SOAP envelope or MIME multipart body');
}

// ---------------------------------------------------------------------------------------------
// XML: a minimal, linear tokenizer that collects the CORE fields and a SOAP fault code.

interface Captured {
  value: string;
  encoding: 'text' | 'cdata';
  /** href of an xop:Include inside the element (MTOM), if any. */
  xopHref?: string;
}

interface XmlScan {
  rootLocal: string;
  fields: Map<keyof CoreEnvelopeFields | 'payload', Captured>;
  faultCode?: string;
  sawFault: boolean;
}

function localName(qualified: string): string {
  const colon = qualified.lastIndexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

function isNameChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x30 && code <= 0x39) || // 0-9
    code === 0x3a || code === 0x5f || code === 0x2d || code === 0x2e || // : _ - .
    code > 0x7f
  );
}

function isWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  }
  return true;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; a string result is a failure reason. */
export function decodeXmlText(text: string): { ok: true; value: string } | { ok: false; reason: string } {
  if (!text.includes('&')) return { ok: true, value: text };
  let out = '';
  let pos = 0;
  for (;;) {
    const amp = text.indexOf('&', pos);
    if (amp === -1) break;
    const semi = text.indexOf(';', amp + 1);
    if (semi === -1 || semi - amp > 10) return { ok: false, reason: 'an unterminated character reference' };
    const name = text.slice(amp + 1, semi);
    let decoded: string | undefined = NAMED_ENTITIES[name];
    if (decoded === undefined && name.startsWith('#')) {
      const hex = name[1] === 'x' || name[1] === 'X';
      const digits = name.slice(hex ? 2 : 1);
      const valid = digits.length > 0 && (hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits);
      const code = valid ? Number.parseInt(digits, hex ? 16 : 10) : NaN;
      if (code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff))) {
        decoded = String.fromCodePoint(code);
      }
    }
    if (decoded === undefined) return { ok: false, reason: 'an unknown entity or invalid character reference' };
    out += text.slice(pos, amp) + decoded;
    pos = semi + 1;
  }
  return { ok: true, value: out + text.slice(pos) };
}

function attributeValue(attributes: string, name: string): string | undefined {
  // Attributes of one tag only (short); a simple non-nested pattern.
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? (match[1] ?? match[2]) : undefined;
}

interface OpenCapture {
  key: keyof CoreEnvelopeFields | 'payload' | 'fault-code';
  depth: number;
  parts: Array<{ raw: string; cdata: boolean }>;
  xopHref?: string;
}

/** Scans an XML document; returns the collected fields or a failure reason. */
function scanXml(xml: string): XmlScan | string {
  const n = xml.length;
  const stack: string[] = [];
  const fields: XmlScan['fields'] = new Map();
  let root: string | undefined;
  let elements = 0;
  let capture: OpenCapture | undefined;
  let faultDepth = 0;
  let headerDepth = 0;
  let faultCode: string | undefined;
  let sawFault = false;
  let i = 0;

  const finishCapture = (open: OpenCapture): string | undefined => {
    let value = '';
    let cdata = false;
    for (const part of open.parts) {
      if (part.cdata) {
        value += part.raw;
        cdata = true;
      } else {
        const decoded = decodeXmlText(part.raw);
        if (!decoded.ok) return `${open.key === 'payload' ? 'the Payload has' : 'a field has'} ${decoded.reason}`;
        value += decoded.value;
      }
    }
    if (open.key === 'fault-code') {
      faultCode = value.trim();
      return undefined;
    }
    if (fields.has(open.key)) return 'a CORE envelope field appears twice';
    fields.set(open.key, { value, encoding: cdata ? 'cdata' : 'text', ...(open.xopHref === undefined ? {} : { xopHref: open.xopHref }) });
    return undefined;
  };

  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      if (stack.length === 0) {
        if (!isWhitespace(raw)) return 'text outside the root element';
      } else if (capture && stack.length === capture.depth) {
        capture.parts.push({ raw, cdata: false });
      }
    }
    if (lt === -1) break;

    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) return 'the envelope is truncated (an unterminated comment)';
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) return 'the envelope is truncated (an unterminated CDATA section)';
      if (stack.length === 0) return 'a CDATA section outside the root element';
      if (capture && stack.length === capture.depth) capture.parts.push({ raw: xml.slice(lt + 9, end), cdata: true });
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) return 'the envelope is truncated (an unterminated processing instruction)';
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!', lt)) return 'document type declarations are not accepted';

    if (xml.charCodeAt(lt + 1) === 0x2f) {
      // End tag.
      const gt = xml.indexOf('>', lt + 2);
      if (gt === -1) return 'the envelope is truncated (an unterminated end tag)';
      const name = xml.slice(lt + 2, gt).trimEnd();
      const open = stack.pop();
      if (open === undefined || open !== name) return 'an end tag does not match its start tag';
      if (capture && stack.length < capture.depth) {
        const failed = finishCapture(capture);
        if (failed) return failed;
        capture = undefined;
      }
      if (faultDepth > stack.length) faultDepth = 0;
      if (headerDepth > stack.length) headerDepth = 0;
      i = gt + 1;
      continue;
    }

    // Start tag: a name, then attributes up to '>' (quotes respected).
    let j = lt + 1;
    while (j < n && isNameChar(xml.charCodeAt(j))) j += 1;
    const name = xml.slice(lt + 1, j);
    if (name === '' || j >= n) return name === '' ? 'an invalid tag' : 'the envelope is truncated (an unterminated tag)';
    let k = j;
    let quote = 0;
    for (; k < n; k += 1) {
      const c = xml.charCodeAt(k);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) {
        quote = c;
      } else if (c === 0x3e || c === 0x3c) {
        break;
      }
    }
    if (k >= n) return 'the envelope is truncated (an unterminated tag)';
    if (xml.charCodeAt(k) === 0x3c) return 'an invalid tag';
    const selfClosing = xml.charCodeAt(k - 1) === 0x2f;
    const attributes = xml.slice(j, selfClosing ? k - 1 : k);
    if (attributes !== '' && !isWhitespace(attributes.charAt(0))) return 'an invalid tag';
    elements += 1;
    if (elements > CORE_ENVELOPE_LIMITS.elements) return 'the envelope has too many elements';
    if (stack.length === 0) {
      if (root !== undefined) return 'more than one root element';
      root = name;
    }
    const local = localName(name);
    const depth = stack.length + 1;
    if (capture) {
      // An element inside a captured field: only MTOM's xop:Include is meaningful (in Payload).
      if (capture.key === 'payload' && local === 'Include') {
        const href = attributeValue(attributes, 'href');
        if (href !== undefined) capture.xopHref = href;
      }
    } else {
      // SOAP headers (WS-Security wsu:Timestamp and the like) are not the CORE envelope. Only an
      // element with content opens a region: an end tag closes it, and `<soap:Header/>` has none.
      if (local === 'Header' && depth === 2 && headerDepth === 0 && !selfClosing) headerDepth = depth;
      if (local === 'Fault') {
        sawFault = true;
        if (faultDepth === 0 && !selfClosing) faultDepth = depth;
      }
      const key = FIELD_BY_NAME[local.toLowerCase()];
      if (faultDepth > 0 && faultCode === undefined && (local === 'Value' || local === 'faultcode')) {
        capture = { key: 'fault-code', depth, parts: [] };
      } else if (key !== undefined && faultDepth === 0 && headerDepth === 0) {
        capture = { key, depth, parts: [] };
      }
      if (capture && selfClosing) {
        const failed = finishCapture(capture);
        if (failed) return failed;
        capture = undefined;
      }
    }
    if (!selfClosing) {
      stack.push(name);
      if (stack.length > CORE_ENVELOPE_LIMITS.depth) return 'the envelope is nested too deeply';
    }
    i = k + 1;
  }
  if (stack.length > 0) return 'the envelope is truncated (unclosed elements)';
  if (root === undefined) return 'no root element';
  return { rootLocal: localName(root), fields, ...(faultCode === undefined ? {} : { faultCode }), sawFault };
}

// ---------------------------------------------------------------------------------------------
// MIME multipart (RFC 2046): boundary from the content type, else from the body's first line.

interface MimePart {
  name?: string;
  contentType: string;
  contentId?: string;
  body: string;
}

function boundaryOf(contentType: string | undefined, text: string): string | undefined {
  const declared = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType ?? '');
  if (declared) return declared[1] ?? declared[2];
  if (!text.startsWith('--')) return undefined;
  const lineEnd = text.indexOf('\n');
  const line = (lineEnd === -1 ? text : text.slice(0, lineEnd)).slice(2).trimEnd();
  return line.length >= 1 && line.length <= 70 ? line : undefined;
}

function headerParam(value: string, param: string): string | undefined {
  const match = new RegExp(`;\\s*${param}\\s*=\\s*(?:"([^"]*)"|([^\\s;]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2]) : undefined;
}

const BASE64_BODY = /^[A-Za-z0-9+/=\r\n\t ]*$/;

function parsePart(raw: string): MimePart | string {
  let headerEnd: number;
  let bodyStart: number;
  if (raw.startsWith('\r\n')) {
    headerEnd = 0;
    bodyStart = 2;
  } else if (raw.startsWith('\n')) {
    headerEnd = 0;
    bodyStart = 1;
  } else {
    const crlf = raw.indexOf('\r\n\r\n');
    const lf = raw.indexOf('\n\n');
    if (crlf === -1 && lf === -1) return 'a MIME part has no header end';
    if (crlf !== -1 && (lf === -1 || crlf < lf)) {
      headerEnd = crlf;
      bodyStart = crlf + 4;
    } else {
      headerEnd = lf;
      bodyStart = lf + 2;
    }
  }
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of raw.slice(0, headerEnd).split(/\r?\n/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && last !== undefined) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  let body = raw.slice(bodyStart);
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') {
    if (!BASE64_BODY.test(body)) return 'a base64 MIME part is not base64';
    body = Buffer.from(body, 'base64').toString('utf8');
  } else if (encoding !== '' && encoding !== '7bit' && encoding !== '8bit' && encoding !== 'binary') {
    return 'a MIME part uses an unsupported transfer encoding';
  }
  const disposition = headers.get('content-disposition');
  const name = disposition === undefined ? undefined : headerParam(disposition, 'name');
  const contentId = headers.get('content-id')?.replace(/^<|>$/g, '');
  return {
    ...(name === undefined ? {} : { name }),
    contentType: (headers.get('content-type') ?? '').toLowerCase(),
    ...(contentId === undefined ? {} : { contentId }),
    body,
  };
}

function splitMultipart(text: string, boundary: string): MimePart[] | string {
  const delimiter = `--${boundary}`;
  let pos = text.startsWith(delimiter) ? 0 : text.indexOf(`\n${delimiter}`) + 1;
  if (pos === 0 && !text.startsWith(delimiter)) return 'the multipart boundary is not in the body';
  const parts: MimePart[] = [];
  for (;;) {
    const after = pos + delimiter.length;
    if (text.startsWith('--', after)) return parts; // closing delimiter
    const lineEnd = text.indexOf('\n', after);
    if (lineEnd === -1) return 'the multipart body is truncated';
    if (!isWhitespace(text.slice(after, lineEnd))) return 'a multipart boundary line is malformed';
    const start = lineEnd + 1;
    const next = text.indexOf(`\n${delimiter}`, start);
    if (next === -1) return 'the multipart body is truncated (no closing boundary)';
    const end = next > start && text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
    const part = parsePart(text.slice(start, Math.max(start, end)));
    if (typeof part === 'string') return part;
    parts.push(part);
    if (parts.length > CORE_ENVELOPE_LIMITS.parts) return 'the multipart body has too many parts';
    pos = next + 1;
  }
}

function readMultipart(text: string, contentType: string | undefined): CoreEnvelopeResult {
  const boundary = boundaryOf(contentType, text);
  if (boundary === undefined) return malformed('the multipart boundary is missing');
  const parts = splitMultipart(text, boundary);
  if (typeof parts === 'string') return malformed(parts);

  // HTTP MIME envelope: one form part per CORE field.
  const named = parts.filter((p) => p.name !== undefined && FIELD_BY_NAME[p.name.toLowerCase()] !== undefined);
  if (named.length > 0) {
    const fields: CoreEnvelopeFields = {};
    let payload: string | undefined;
    const seen = new Set<string>();
    for (const part of named) {
      const key = FIELD_BY_NAME[(part.name ?? '').toLowerCase()];
      if (key === undefined) continue;
      if (seen.has(key)) return malformed('a CORE envelope field appears twice');
      seen.add(key);
      if (key === 'payload') payload = part.body;
      else fields[key] = part.body.trim();
    }
    return finish('multipart-form', fields, payload, 'text');
  }

  // MTOM / SOAP with attachments: the SOAP envelope is one part; the payload may be another (xop:Include).
  const soapPart = parts.find((p) => /xml/.test(p.contentType) || p.body.trimStart().startsWith('<'));
  if (!soapPart) return malformed('the multipart body has no CORE fields and no SOAP envelope');
  const scanned = scanXml(stripBom(soapPart.body).trim());
  if (typeof scanned === 'string') return malformed(scanned);
  return fromSoap(scanned, 'mtom-soap', parts);
}

// ---------------------------------------------------------------------------------------------

function fromSoap(scan: XmlScan, wrapper: CoreEnvelopeWrapper, parts: MimePart[] | undefined): CoreEnvelopeResult {
  if (scan.rootLocal !== 'Envelope' && !scan.rootLocal.startsWith('COREEnvelope')) return malformed('the root element is not a SOAP Envelope');
  const fields: CoreEnvelopeFields = {};
  for (const [key, captured] of scan.fields) {
    if (key !== 'payload') fields[key] = captured.value.trim();
  }
  const payload = scan.fields.get('payload');
  if (scan.sawFault && fields.errorCode === undefined) {
    const code = codeOnly(localName(scan.faultCode ?? ''));
    return { ok: false, failure: { kind: 'payer-error', errorCode: code, retryable: RETRYABLE_CORE_ERROR_CODES.has(code.toLowerCase()), source: 'soap-fault', fields } };
  }
  if (scan.fields.size === 0) return malformed('the SOAP envelope has no CORE envelope fields');
  if (payload?.xopHref !== undefined) {
    const cid = decodeURIComponentSafe(payload.xopHref.replace(/^cid:/i, ''));
    const attachment = parts?.find((p) => p.contentId === cid);
    if (!attachment) return malformed('the Payload refers to a MIME part that is not there');
    return finish(wrapper, fields, attachment.body, 'mime-part');
  }
  return finish(wrapper, fields, payload?.value, payload?.encoding ?? 'text');
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A code as sent when it is a plain token; otherwise 'unrecognized' (never copy free text). */
function codeOnly(value: string): string {
  const trimmed = value.trim();
  return /^[A-Za-z0-9_.-]{1,64}$/.test(trimmed) ? trimmed : 'unrecognized';
}

/** One character class, so a long run of whitespace cannot make the match backtrack. */
const BASE64_PAYLOAD = /^[A-Za-z0-9+/=\s]+$/;

function finish(
  wrapper: CoreEnvelopeWrapper,
  fields: CoreEnvelopeFields,
  rawPayload: string | undefined,
  encoding: CorePayloadEncoding,
): CoreEnvelopeResult {
  const errorCode = fields.errorCode?.trim();
  if (errorCode !== undefined && errorCode !== '' && errorCode.toLowerCase() !== 'success') {
    const code = codeOnly(errorCode);
    return { ok: false, failure: { kind: 'payer-error', errorCode: code, retryable: RETRYABLE_CORE_ERROR_CODES.has(code.toLowerCase()), source: 'envelope', fields } };
  }
  if (rawPayload === undefined) return malformed('the envelope has no Payload');
  let payload = stripBom(rawPayload).trim();
  let payloadEncoding = encoding;
  if (payload === '') return malformed('the Payload is empty');
  // "&lt;![CDATA[ ... ]]&gt;": CDATA markers escaped as text by the sender.
  if (payload.startsWith('<![CDATA[') && payload.endsWith(']]>')) {
    payload = payload.slice(9, -3).trim();
    payloadEncoding = 'escaped-cdata';
  }
  if (!payload.startsWith('ISA') && payload.length >= 8 && BASE64_PAYLOAD.test(payload)) {
    const decoded = stripBom(Buffer.from(payload, 'base64').toString('utf8')).trim();
    if (decoded.startsWith('ISA')) {
      payload = decoded;
      payloadEncoding = 'base64';
    }
  }
  return { ok: true, envelope: { wrapper, fields, payload, payloadEncoding } };
}

// ---------------------------------------------------------------------------------------------

/**
 * The DomainError for a failure. `where` says who holds the document: a caller's document
 * (normalize: an unreadable envelope is format.parse-error) or a payer's live answer (transport:
 * payer.malformed-response). A payer error is payer.rejected in both, naming only codes.
 */
export function coreEnvelopeError(
  failure: CoreEnvelopeFailure,
  where: 'document' | 'payer-answer',
  meta: Record<string, string | number | boolean> = {},
): DomainError {
  if (failure.kind === 'malformed') {
    return where === 'document'
      ? new DomainError('format.parse-error', `The CAQH CORE envelope could not be read: ${failure.reason}`, {
          meta: { ...meta, format: 'x12-271', envelope: 'caqh-core', reason: failure.reason },
        })
      : new DomainError('payer.malformed-response', `The payer answered with an unreadable CAQH CORE envelope (${failure.reason})`, {
          meta: { ...meta, envelope: 'caqh-core', reason: failure.reason },
        });
  }
  const what = failure.source === 'soap-fault' ? `a SOAP fault (${failure.errorCode})` : `CAQH CORE envelope error ${failure.errorCode}`;
  return new DomainError('payer.rejected', `The payer answered with ${what} instead of a 271`, {
    meta: { ...meta, envelope: 'caqh-core', coreErrorCode: failure.errorCode, retryable: failure.retryable },
  });
}

/** The warning attached to coverages read from an unwrapped envelope (codes only, no PHI). */
export function coreEnvelopeWarning(envelope: CoreEnvelope): FormatWarning {
  const how = envelope.wrapper === 'multipart-form' ? 'an HTTP MIME multipart' : envelope.wrapper === 'mtom-soap' ? 'an MTOM SOAP' : 'a SOAP';
  const details: string[] = [];
  if (envelope.fields.payloadType) details.push(`PayloadType ${codeOnly(envelope.fields.payloadType)}`);
  if (envelope.fields.coreRuleVersion) details.push(`CORE rule ${codeOnly(envelope.fields.coreRuleVersion)}`);
  if (envelope.payloadEncoding === 'base64' || envelope.payloadEncoding === 'escaped-cdata') details.push(`payload ${envelope.payloadEncoding}`);
  const suffix = details.length > 0 ? ` (${details.join(', ')})` : '';
  return {
    code: 'core-envelope.unwrapped',
    message: `The X12 document arrived inside ${how} CAQH CORE envelope${suffix} and was unwrapped.`,
  };
}
