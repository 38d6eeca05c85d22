/**
 * Synthetic CAQH CORE Connectivity envelopes for tests: invented ids only, no real member data.
 * Shapes follow CAQH CORE Connectivity Rule vC2.2.0 (SOAP 1.2 COREEnvelopeRealTimeResponse and
 * HTTP MIME multipart form parts carrying the same fields).
 */

export interface SyntheticEnvelopeOptions {
  payloadType?: string;
  errorCode?: string;
  errorMessage?: string;
  /** The <Payload> element content exactly as it should appear (CDATA, escaped text, base64...). */
  payloadXml?: string;
}

/** A SOAP 1.2 envelope around `payloadXml`, with a WS-Security header (its Timestamp is not the CORE TimeStamp). */
export function syntheticSoapEnvelope(options: SyntheticEnvelopeOptions = {}): string {
  const payload = options.payloadXml === undefined ? '' : `\n      <Payload>${options.payloadXml}</Payload>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://www.w3.org/2003/05/soap-envelope">
  <soapenv:Header>
    <wsse:Security xmlns:wsse="urn:example:wsse" xmlns:wsu="urn:example:wsu"><wsu:Timestamp><wsu:Created>2026-01-05T09:30:00Z</wsu:Created></wsu:Timestamp></wsse:Security>
  </soapenv:Header>
  <soapenv:Body>
    <ns1:COREEnvelopeRealTimeResponse xmlns:ns1="http://www.caqh.org/SOAP/WSDL/CORERule2.2.0.xsd">
      <PayloadType>${options.payloadType ?? 'X12_271_Response_005010X279A1'}</PayloadType>
      <ProcessingMode>RealTime</ProcessingMode>
      <PayloadID>f81d4fae-7dec-41d0-a765-00a0c91eaaaa</PayloadID>
      <TimeStamp>2026-01-05T09:30:00Z</TimeStamp>
      <SenderID>SYNTHPAYER</SenderID>
      <ReceiverID>SYNTHCLINIC</ReceiverID>
      <CORERuleVersion>2.2.0</CORERuleVersion>${payload}
      <ErrorCode>${options.errorCode ?? 'Success'}</ErrorCode>
      <ErrorMessage>${options.errorMessage ?? 'None'}</ErrorMessage>
    </ns1:COREEnvelopeRealTimeResponse>
  </soapenv:Body>
</soapenv:Envelope>`;
}

/** X12 text as XML-escaped character data; `~` as a numeric character reference to exercise those too. */
export function xmlEscaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/~/g, '&#x7E;');
}

/** An HTTP MIME multipart/form-data body (CRLF line ends) with one part per field, in order. */
export function syntheticMultipartEnvelope(boundary: string, fields: Record<string, string>): string {
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return `${parts.join('')}--${boundary}--\r\n`;
}

/** The CORE fields of a successful real-time 271 answer, for multipart envelopes. */
export function coreFields(payload: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    PayloadType: 'X12_271_Response_005010X279A1',
    ProcessingMode: 'RealTime',
    PayloadID: 'f81d4fae-7dec-41d0-a765-00a0c91ebbbb',
    TimeStamp: '2026-01-05T09:30:00Z',
    SenderID: 'SYNTHPAYER',
    ReceiverID: 'SYNTHCLINIC',
    CORERuleVersion: '2.2.0',
    ErrorCode: 'Success',
    ErrorMessage: '',
    Payload: payload,
    ...overrides,
  };
}

/** A synthetic 999 rejecting a 270 (IK5 R), on an invented interchange. */
export const SYNTHETIC_999_REJECT =
  'ISA*00*          *00*          *ZZ*SYNTHPAYER     *ZZ*SYNTHCLINIC    *260105*0930*^*00501*000000123*0*T*:~' +
  'GS*FA*SYNTHPAYER*SYNTHCLINIC*20260105*0930*1*X*005010X231A1~ST*999*0001*005010X231A1~AK1*HS*1*005010X279A1~' +
  'AK2*270*0001*005010X279A1~IK3*NM1*8*2100*8~IK4*9**7*ZZX00000001~IK5*R*5~AK9*R*1*1*0~SE*8*0001~GE*1*1~IEA*1*000000123~';
