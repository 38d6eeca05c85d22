/**
 * Builds the outbound HTTP request body for a payer's wire format, using the format adapters'
 * builders: an X12 270 posted as EDI text, a FHIR R4 CoverageEligibilityRequest, or a
 * clearinghouse eligibility JSON request.
 */
import type { EligibilityInquiry } from '../../../core/ports.js';
import type { PayerEntry } from '../../data-files/payer-directory-file.js';
import { buildX12270, defaultTraceOriginatorId } from '../x12/x12-270-builder.js';
import type { X12Trace } from './answer-trace.js';
import { buildFhirEligibilityRequest } from '../fhir/fhir-eligibility-request-builder.js';
import { buildClearinghouseEligibilityRequest } from '../clearinghouse/clearinghouse-request-builder.js';

/** An outbound request body with the headers that describe it. */
export interface PayerRequestBody {
  body: string;
  contentType: string;
  accept: string;
  /** The X12 trace (TRN02, TRN03) the payer must echo back as TRN*2 in its 271. */
  x12Trace?: X12Trace;
}

/** Builds the request body for `entry`'s format. `controlNumber` is 1..999999999 and unique per call. */
export function buildPayerRequestBody(
  entry: PayerEntry,
  inquiry: EligibilityInquiry,
  options: { controlNumber: number; now: Date },
): PayerRequestBody {
  const connection = entry.connection;
  switch (entry.format) {
    case 'x12-271': {
      const x12 = connection?.x12;
      if (!x12) throw new Error(`payer ${entry.id} has no connection.x12 envelope settings`);
      const body = buildX12270(inquiry, {
        senderId: x12.senderId,
        receiverId: x12.receiverId,
        interchangeControlNumber: options.controlNumber,
        now: options.now,
        usageIndicator: x12.usageIndicator,
        payerName: x12.payerName ?? entry.name.slice(0, 60),
        payerId: x12.payerId ?? entry.crosswalk.find((c) => c.system === 'x12')?.id ?? entry.id,
        ...(x12.senderIdQualifier ? { senderIdQualifier: x12.senderIdQualifier } : {}),
        ...(x12.receiverIdQualifier ? { receiverIdQualifier: x12.receiverIdQualifier } : {}),
        ...(x12.applicationSenderCode ? { applicationSenderCode: x12.applicationSenderCode } : {}),
        ...(x12.applicationReceiverCode ? { applicationReceiverCode: x12.applicationReceiverCode } : {}),
        ...(x12.traceOriginatorId ? { traceOriginatorId: x12.traceOriginatorId } : {}),
      });
      const x12Trace = { traceNumber: String(options.controlNumber).padStart(9, '0'), originator: x12.traceOriginatorId ?? defaultTraceOriginatorId(x12.senderId) };
      if (x12.wrapper === 'json') return { body: JSON.stringify({ x12: body }), contentType: 'application/json', accept: 'application/json', x12Trace };
      return { body, contentType: connection.contentType ?? 'application/edi-x12', accept: 'application/edi-x12, text/plain;q=0.5', x12Trace };
    }
    case 'fhir-r4': {
      const resource = buildFhirEligibilityRequest(inquiry, {
        id: `cer-${options.controlNumber}`,
        now: options.now,
        ...(connection?.fhirInsurerReference ? { insurerReference: connection.fhirInsurerReference } : {}),
      });
      return { body: JSON.stringify(resource), contentType: 'application/fhir+json', accept: 'application/fhir+json, application/json;q=0.9' };
    }
    case 'clearinghouse-json': {
      const tradingPartnerServiceId = entry.crosswalk.find((c) => c.system === 'clearinghouse')?.id;
      if (!tradingPartnerServiceId) throw new Error(`payer ${entry.id} has no clearinghouse crosswalk id`);
      const request = buildClearinghouseEligibilityRequest(inquiry, {
        controlNumber: String(options.controlNumber).padStart(9, '0'),
        tradingPartnerServiceId,
      });
      return { body: JSON.stringify(request), contentType: 'application/json', accept: 'application/json' };
    }
  }
}
