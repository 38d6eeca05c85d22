/**
 * DO NOT EDIT. Generated from openapi.yaml and schemas/ by `npm run openapi:generate`.
 * CI runs `npm run openapi:check` and fails when this file drifts from the contract.
 */
/* eslint-disable */
export interface paths {
    "/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A script or stylesheet of the console and patient pages
         * @description Static files read at start-up from src/http/pages/. Revalidated with an ETag.
         */
        get: operations["getPageAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Intake coordinator console (HTML)
         * @description A page for intake coordinators: payer search, coverage at a glance, the intake fit checklist,
         *     program estimates with a week-by-week chart, level-of-care comparison, sliding scale, a
         *     patient view link and a printable Good Faith Estimate. It calls this API from the browser
         *     (sending `Authorization: Bearer` when a key is typed in; the key is kept in memory only).
         *     Served with a strict Content-Security-Policy; its scripts and styles come from /assets.
         */
        get: operations["getConsolePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/estimate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Patient cost estimate page (HTML)
         * @description A plain-language estimate a patient can read on a phone or print: the likely total first,
         *     then per week, after the deductible, the range, assumptions, payment plans and questions to
         *     ask the insurer. Its inputs (plan, cost-sharing terms, payer id, network status; never member
         *     identifiers) travel in the URL fragment, which browsers never send to the server; the page
         *     posts them to POST /v1/estimates.
         */
        get: operations["getPatientEstimatePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness probe
         * @description Answers 200 while the process is running and able to answer HTTP.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness probe
         * @description Reports each dependency. A degraded optional dependency (the cache) keeps the instance ready; 503 only when the service cannot serve.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Request latency by route pattern and status, payer call latency and outcomes by payer,
         *     cache hits / misses / stale serves, circuit-breaker state, batch sizes. Needs the `admin`
         *     scope; with METRICS_PORT set it is served on that port instead (no key) and not here.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This contract, as JSON */
        get: operations["getContractJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This contract
         * @description The bundled OpenAPI 3.1 document (component schemas inlined), as YAML.
         */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API reference page
         * @description A browsable HTML reference generated from this contract, with the problem catalog.
         */
        get: operations["getReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/coverage/normalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Normalize a payer response you already hold
         * @description Send a payer's eligibility answer (raw X12 271 text, a FHIR R4 CoverageEligibilityResponse,
         *     or clearinghouse eligibility JSON) and get the coverage model back. The format is detected
         *     when not given. Send raw X12 as `application/edi-x12` or `text/plain` (format from `?format=`
         *     or detection), FHIR as `application/fhir+json`, or any of them wrapped in JSON as `document`.
         *     A 271 still inside the CAQH CORE Connectivity envelope a payer answered with (SOAP 1.2
         *     `COREEnvelopeRealTimeResponse`, or HTTP MIME multipart with the same fields as form parts) is
         *     unwrapped: send it as `application/soap+xml` (or `text/xml`),
         *     `multipart/form-data` or `multipart/related` with its boundary, or as text; its coverages carry a
         *     `core-envelope.unwrapped` warning. An envelope ErrorCode other than Success, or a 999/TA1
         *     rejecting the 270, is a 422 `payer.rejected` naming only the codes.
         *     A document that cannot be read is a 422 with the reason and position, never a partial answer.
         */
        post: operations["normalizeCoverage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a member's coverage with their payer
         * @description Asks the payer (through the PHI-safe cache) and answers with the coverage model, the
         *     cost-sharing terms for the level of care when one is given, and how the answer was obtained.
         *     The examples use the built-in sandbox members, so they work against a plain `npm start`.
         *     Payer failures are problem+json: `payer.rejected` (422, e.g. AAA 72 invalid member id, with
         *     the action to take), `payer.malformed-response` (502), `payer.unavailable` /
         *     `payer.circuit-open` (503), `payer.timeout` (504).
         */
        post: operations["checkEligibility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/eligibility/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check up to 1,000 members in one request
         * @description For a billing system's nightly list. Items run concurrently within per-payer limits, through
         *     the same cache and stampede protection as single checks. Each item's result or problem is
         *     reported under the caller's own `reference`; a failed item never fails the batch. With
         *     `Accept: application/x-ndjson` results stream one per line as they finish, followed by a
         *     `{"summary": ...}` line; otherwise one JSON document in request order.
         */
        post: operations["checkEligibilityBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/estimates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Estimate what a patient will pay for a whole program
         * @description Prices every program day (or session) in date order with running accumulators: deductible
         *     first, then copay and/or coinsurance, capped by the out-of-pocket maximum; visit or day limits,
         *     authorized units, and plan-year resets. Unknown benefits become a low / expected / high range
         *     with the assumptions listed. Every line cites the benefit it used. Also returns monthly
         *     payment-plan options, the prior-authorization answer for the program's days, and, when
         *     `slidingScale` is given, the discount on the lines it covers (before and after).
         *
         *     Coverage comes from one of: `coverage` (the coverage model), `terms` (typed in by hand), or
         *     `eligibility` (a live check first, through the cache; the key then also needs the
         *     `eligibility:check` scope). A `coverage` whose payer rejected the inquiry is a 422, never
         *     priced as covered. Money is integer cents.
         */
        post: operations["createEstimate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/estimates/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compare levels of care for the same patient
         * @description The same patient's estimate for several levels of care side by side (IOP vs partial
         *     hospitalization vs outpatient vs residential), each on its typical schedule from `startDate`
         *     unless a plan is given: totals, weekly figures, cost per program hour.
         */
        post: operations["compareEstimates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/good-faith-estimates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a Good Faith Estimate for an uninsured or self-pay patient
         * @description Builds the estimate the No Surprises Act requires (45 CFR 149.610) from a treatment plan and
         *     the clinic's self-pay prices, after any sliding-scale discount: patient, providers (names,
         *     NPI, TIN, location), itemized services with codes and expected charges, diagnosis codes,
         *     items scheduled separately, the recurring-services period, the required disclaimers with the
         *     right to dispute a bill $400 or more above the estimate within 120 days, and the delivery
         *     deadline. `Accept: text/html` returns a printable document with the totals first.
         */
        post: operations["createGoodFaithEstimate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/intake/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The intake fit checklist for Intensive Outpatient
         * @description The questions an intake coordinator asks before offering IOP (constant monitoring or frequent
         *     medication changes, risk of harm, a medical condition to treat first, leaving treatment early,
         *     no stable living situation or support), each with the reason a "yes" needs clinical review,
         *     and the crisis resources (988, 911) shown at once for a risk-of-harm "yes". Content only:
         *     answers are never sent here, stored or logged, and the checklist never decides admission.
         */
        get: operations["getIntakeChecklist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payers
         * @description Every payer this deployment can check, including the built-in sandbox payers.
         */
        get: operations["listPayers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payers/{payerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one payer
         * @description Look a payer up by id or by any of its aliases (case-insensitive).
         */
        get: operations["getPayer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prior-auth/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide whether prior authorization and a referral are needed
         * @description Combines the configured payer rules (by payer, plan type, level of care or code, and
         *     effective date) with what the payer said (EB11, notes mentioning pre-certification). Answers
         *     required / not required / unknown with every reason and its source; with program days, an
         *     authorization timeline: when to submit, review dates, and days at risk without approval.
         */
        post: operations["evaluatePriorAuth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sliding-scale/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place a household on the clinic's sliding-fee schedule
         * @description Household size and income (annual, or monthly converted x12) with the region and date of
         *     service give the percent of the HHS poverty guideline in force on that date, the tier, the
         *     discount or nominal fee, and the documents to collect. Income and size only, no assets.
         *     Bad inputs (size 0, negative income, both or neither income forms, unknown region) are 400s.
         */
        post: operations["evaluateSlidingScale"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Total, remaining and met amounts in cents, each with its source. */
        Accumulator: {
            metCents?: components["schemas"]["SourcedInteger"];
            remainingCents?: components["schemas"]["SourcedInteger"];
            totalCents?: components["schemas"]["SourcedInteger"];
        };
        AccumulatorPair: {
            family?: components["schemas"]["Accumulator"];
            individual?: components["schemas"]["Accumulator"];
        };
        /** @description One normalized benefit fact, keyed by service types, network, coverage level and time period. */
        Benefit: {
            /** @description The patient's amount in cents. */
            amountCents?: number;
            authorizationRequired: components["schemas"]["TriState"];
            /** @enum {string} */
            coverageLevel: "individual" | "family" | "unknown";
            coverageLevelCode?: string;
            dates?: {
                begin?: string;
                end?: string;
                latestVisit?: string;
                other?: {
                    [key: string]: string;
                };
            };
            delivery?: {
                per?: string;
                periods?: number;
                quantity?: number;
                text: string;
                unit?: string;
            };
            /** @example eb-14 */
            id: string;
            insuranceType?: string;
            /** @enum {string} */
            kind: "active-coverage" | "inactive" | "coinsurance" | "copay" | "deductible" | "out-of-pocket" | "limitation" | "non-covered" | "exclusion" | "contact-entity" | "benefit-description" | "cost-containment" | "managed-care-coordinator" | "primary-care-provider" | "other-payer" | "unlimited" | "spend-down" | "other";
            /** @enum {string} */
            network: "in" | "out" | "both" | "unknown";
            notes: string[];
            /** @description The patient's share in parts per million (200000 = 20%). */
            percentPpm?: number;
            planDescription?: string;
            procedureCodes: string[];
            quantity?: {
                qualifier?: string;
                /** @enum {string} */
                unit: "visit" | "day" | "hour" | "unit" | "month" | "year" | "service" | "other";
                value: number;
            };
            rawCode?: string;
            referralRequired: components["schemas"]["TriState"];
            relatedEntities: components["schemas"]["RelatedEntity"][];
            /** @description X12 service type codes (EB03), e.g. 30, MH, A8, CH. */
            serviceTypes: string[];
            source: components["schemas"]["SourcePointer"];
            /** @enum {string} */
            timePeriod: "calendar-year" | "service-year" | "plan-year" | "year-to-date" | "remaining" | "lifetime" | "lifetime-remaining" | "visit" | "day" | "week" | "month" | "admission" | "episode" | "contract" | "hour" | "exceeded" | "not-exceeded" | "other" | "unknown";
        };
        /** @description Ids of the benefits (Coverage.benefits[].id) a value came from. */
        BenefitIds: string[];
        /** @description The same patient's estimate for several levels of care side by side. Each level uses its typical schedule from `startDate` unless a plan is given. Coverage as for POST /v1/estimates. */
        CompareRequest: {
            /** Format: date */
            asOf?: string;
            coverage?: components["schemas"]["Coverage"];
            /** @enum {string} */
            deductibleMode?: "embedded" | "aggregate";
            eligibility?: components["schemas"]["EligibilityRequest"];
            levels: {
                levelOfCare: components["schemas"]["LevelOfCare"];
                plan?: components["schemas"]["TreatmentPlan"];
            }[];
            /** @enum {string} */
            networkStatus: "in" | "out" | "unknown";
            payerId: string;
            /** @description When the plan (benefit) year starts, so deductible and out-of-pocket totals reset on the right day. When absent, the payer's own dates decide it if they state one whole year (a benefit period, or plan dates such as DTP*291 20250701-20260630; said as the assumption plan-year-from-payer); otherwise 1 January is assumed (plan-year-calendar). */
            planYear?: {
                startDay: number;
                startMonth: number;
            };
            /** Format: date */
            startDate: string;
            terms?: {
                in?: components["schemas"]["ManualTerms"];
                out?: components["schemas"]["ManualTerms"];
                /** @enum {string} */
                planType?: "PPO" | "HMO" | "EPO" | "POS" | "HDHP" | "indemnity" | "Medicare" | "Medicare-Advantage" | "Medicaid" | "TRICARE" | "commercial" | "other" | "unknown";
            };
        };
        CompareResponse: {
            coverageSource?: components["schemas"]["CoverageSource"];
            rows: {
                confidence: components["schemas"]["Confidence"];
                estimate: components["schemas"]["ProgramEstimate"];
                expectedCents: number;
                highCents: number;
                label: string;
                levelOfCare: components["schemas"]["LevelOfCare"];
                lowCents: number;
                perHourExpectedCents: number;
                schedule: components["schemas"]["ScheduleSummary"];
                summary: string;
                weeklyExpectedCents: number[];
            }[];
        };
        Confidence: {
            /** @enum {string} */
            level: "high" | "medium" | "low";
            reasons: string[];
        };
        /** @description A way to reach an organization (X12 PER, clearinghouse contactInformation). */
        ContactPoint: {
            /** @enum {string} */
            kind: "phone" | "fax" | "url" | "email" | "other";
            /** @description Who answers there, as the payer named it (X12 PER02), e.g. PROVIDER SERVICES. */
            name?: string;
            value: string;
        };
        /** @description The cost-sharing terms for one level of care in one network, chosen from a coverage: the most specific service type the payer answered for, with every value's source. Absent values are unknown (listed in `unknowns`), never zero. */
        CostSharingTerms: {
            authorizationRequired: components["schemas"]["SourcedTriState"];
            chosen: {
                fellBackToPlanLevel: boolean;
                reason: string;
                serviceType: string;
            };
            coinsurancePpm?: components["schemas"]["SourcedInteger"];
            copay?: {
                benefitIds: components["schemas"]["BenefitIds"];
                sources: components["schemas"]["Sources"];
                value: {
                    amountCents: number;
                    /** @enum {string} */
                    per: "visit" | "day";
                };
            };
            deductible: components["schemas"]["AccumulatorPair"];
            deductibleAppliesToCopay?: {
                benefitIds: components["schemas"]["BenefitIds"];
                sources: components["schemas"]["Sources"];
                value: boolean;
            };
            limit?: {
                benefitIds: components["schemas"]["BenefitIds"];
                sources: components["schemas"]["Sources"];
                value: {
                    period: string;
                    remaining?: number;
                    total?: number;
                    /** @enum {string} */
                    unit: "visit" | "day" | "hour" | "unit" | "month" | "year" | "service" | "other";
                };
            };
            /** @enum {string} */
            network: "in" | "out";
            notCovered?: {
                benefitIds: components["schemas"]["BenefitIds"];
                sources: components["schemas"]["Sources"];
                /** @constant */
                value: true;
            };
            outOfPocket: components["schemas"]["AccumulatorPair"];
            /** @description The patient is a Qualified Medicare Beneficiary (X12 EB04 QM) - Medicare deductibles, coinsurance and copays cannot be billed to them (Social Security Act 1902(n)(3)(B)); the shares in these terms are zero, cited to this line. */
            qualifiedMedicareBeneficiary?: {
                benefitIds: components["schemas"]["BenefitIds"];
                sources: components["schemas"]["Sources"];
                /** @constant */
                value: true;
            };
            referralRequired: components["schemas"]["SourcedTriState"];
            /** @description Medicaid spend-down (X12 EB01=Y) - medical costs the patient must incur in the period before Medicaid pays. Estimates do not price it; they say so in a notice. */
            spendDown?: {
                benefitIds: components["schemas"]["BenefitIds"];
                sources: components["schemas"]["Sources"];
                value: {
                    amountCents: number;
                    period: string;
                };
            };
            unknowns: string[];
        };
        CostTotals: {
            allowedCents: number;
            balanceBillCents: number;
            chargeCents: number;
            coinsuranceCents: number;
            copayCents: number;
            deductibleCents: number;
            notCoveredCents: number;
            patientPaysCents: number;
            /** @description patientPays + balanceBill. */
            patientTotalCents: number;
            planPaysCents: number;
        };
        /** @description The normalized answer about one patient from one payer response, whatever its wire format. Money is integer cents; rates are the patient's share in parts per million (200000 = 20%). Anything identifying a person is under a `phi` key. A value the payer did not send is absent (or `unknown`), never zero. */
        Coverage: {
            actions: components["schemas"]["CoverageAction"][];
            benefits: components["schemas"]["Benefit"][];
            eligibility: {
                reason: string;
                source?: components["schemas"]["SourcePointer"];
                /** @enum {string} */
                status: "active" | "inactive" | "undetermined";
            };
            format: components["schemas"]["CoverageFormat"];
            /** @example 005010X279A1 */
            formatVersion?: string;
            /** @description True for legacy formats (4010) accepted for reading but out of date. */
            legacy?: boolean;
            patient?: components["schemas"]["CoveredPerson"];
            payer: {
                /** @description Where the payer says to ask about this answer (X12 2100A PER, clearinghouse payer contactInformation), e.g. its provider services line. */
                contacts?: components["schemas"]["ContactPoint"][];
                id?: string;
                name?: string;
            };
            payerErrors: components["schemas"]["PayerError"][];
            plan: {
                dates: components["schemas"]["PlanDates"];
                groupName?: string;
                groupNumber?: string;
                insuranceTypeCode?: string;
                name?: string;
                /** @enum {string} */
                type: "PPO" | "HMO" | "EPO" | "POS" | "HDHP" | "indemnity" | "Medicare" | "Medicare-Advantage" | "Medicaid" | "TRICARE" | "commercial" | "other" | "unknown";
            };
            provider?: {
                name?: string;
                npi?: string;
            };
            subscriber?: components["schemas"]["CoveredPerson"];
            warnings: components["schemas"]["FormatWarning"][];
        };
        CoverageAction: {
            entity?: components["schemas"]["RelatedEntity"];
            /** @enum {string} */
            kind: "check-carve-out" | "fix-request" | "retry-later" | "obtain-authorization" | "obtain-referral" | "contact-payer" | "verify-manually";
            message: string;
            serviceTypes?: string[];
            source?: components["schemas"]["SourcePointer"];
        };
        /** @enum {string} */
        CoverageFormat: "x12-271" | "fhir-r4" | "clearinghouse-json" | "manual";
        /** @description How the payer's answer was obtained. */
        CoverageSource: {
            ageSeconds: number;
            /**
             * Format: date-time
             * @description When the payer gave this answer.
             */
            asOf: string;
            /**
             * @description hit = from the cache; miss = asked the payer; bypass = asked the payer on request; stale = the payer failed and an older answer is served.
             * @enum {string}
             */
            cache: "hit" | "miss" | "bypass" | "stale";
            /**
             * Format: date
             * @description Present when the payer answered for another date of service than the one asked: a payer that refuses future dates (AAA 62 or 63; payers must answer only from 12 months back to the end of the current month) is asked again about the day of the check. Check eligibility again on the first day of service.
             */
            dateOfServiceAsked?: string;
            format: components["schemas"]["CoverageFormat"];
            payerId: string;
            stale: boolean;
        };
        /** @description A covered person. `phi` is always present in answers to staff keys, and never in answers to patient-facing keys (scope `patient`), which carry no member identifiers. */
        CoveredPerson: {
            phi?: components["schemas"]["PersonPhi"];
            /** @enum {string} */
            relationship: "self" | "spouse" | "child" | "other" | "unknown";
        };
        CrisisResource: {
            howToReach: string;
            id: string;
            name: string;
            /** @description Dial string for a tel link. */
            phone?: string;
            /** @description Number for an sms link. */
            text?: string;
            url?: string;
            when: string;
        };
        DependencyCheck: {
            /** @description When true, `down` makes the instance not ready. */
            critical: boolean;
            detail?: string;
            /** @description The dependency, e.g. `cache`, `payer-directory`. */
            name: string;
            /** @enum {string} */
            status: "ok" | "degraded" | "down";
        };
        EligibilityBatchItemResult: {
            reference: string;
            result: components["schemas"]["EligibilityResponse"];
            /** @constant */
            status: "ok";
        } | {
            problem: components["schemas"]["Problem"];
            reference: string;
            /** @constant */
            status: "error";
        };
        /** @description Up to 1,000 checks. Each item has the caller's own `reference` (never a member id: it is echoed back and may be logged by clients) and the check itself, validated on its own so one bad item does not fail the batch. References must be unique within the batch (results are matched to items by reference): a repeated one is a 400 pointing at `/items/{index}/reference`. */
        EligibilityBatchRequest: {
            items: {
                /** @description An EligibilityRequest, validated per item: anything else here (even a value that is not an object) is that item's own `request.invalid` error, and the rest of the batch is still checked. */
                check: unknown;
                reference: string;
            }[];
        };
        EligibilityBatchResponse: {
            /** @description One result per item, in request order. */
            results: components["schemas"]["EligibilityBatchItemResult"][];
            summary: components["schemas"]["EligibilityBatchSummary"];
        };
        EligibilityBatchSummary: {
            durationMs: number;
            failed: number;
            succeeded: number;
            total: number;
        };
        /** @description One live coverage check. Member identifiers travel only in this body, never in a URL. Send either `serviceTypes` or a `levelOfCare` (which asks for its behavioral-health service types plus plan level 30, and resolves the cost-sharing terms in and out of network). `Cache-Control: no-cache` asks the payer again even when a fresh answer is cached. */
        EligibilityRequest: {
            /** Format: date */
            dateOfService: string;
            dependent?: {
                /** Format: date */
                dateOfBirth: string;
                firstName: string;
                /** @enum {string} */
                gender?: "M" | "F" | "U";
                lastName: string;
                memberId?: string;
                /** @enum {string} */
                relationship?: "spouse" | "child" | "other";
            };
            levelOfCare?: components["schemas"]["LevelOfCare"];
            /** @description A payer id or alias from GET /v1/payers. */
            payerId: string;
            provider: {
                firstName?: string;
                lastName?: string;
                /**
                 * Format: npi
                 * @description The billing provider's NPI; its check digit is verified (a mistyped NPI is a 400 here, not a payer rejection later).
                 */
                npi: string;
                organizationName?: string;
                taxId?: string;
            };
            /** @description X12 service type codes (e.g. 30, MH, CH). */
            serviceTypes?: string[];
            subscriber: {
                /** Format: date */
                dateOfBirth?: string;
                firstName?: string;
                /** @enum {string} */
                gender?: "M" | "F" | "U";
                lastName?: string;
                memberId: string;
            };
        };
        EligibilityResponse: {
            coverage: components["schemas"]["Coverage"];
            levelOfCare?: {
                id: components["schemas"]["LevelOfCare"];
                inNetwork: components["schemas"]["CostSharingTerms"];
                outOfNetwork: components["schemas"]["CostSharingTerms"];
            };
            source: components["schemas"]["CoverageSource"];
        };
        /** @description A whole-program estimate. Give the coverage one of three ways: `coverage` (the coverage model, e.g. from POST /v1/coverage/normalize), `terms` (benefits typed in by hand, per network), or `eligibility` (a live check, as POST /v1/eligibility takes it, made first). */
        EstimateRequest: {
            /** Format: date */
            asOf?: string;
            /** @description Units already authorized; lines past them are flagged at risk. */
            authorization?: {
                /** @enum {string} */
                unit: "visit" | "day";
                units: number;
            };
            coverage?: components["schemas"]["Coverage"];
            /** @enum {string} */
            deductibleMode?: "embedded" | "aggregate";
            eligibility?: components["schemas"]["EligibilityRequest"];
            /** @enum {string} */
            networkStatus: "in" | "out" | "unknown";
            payerId: string;
            paymentPlans?: {
                minimumMonthlyCents?: number;
                termsMonths?: number[];
            };
            plan: components["schemas"]["TreatmentPlan"];
            /** @description When the plan (benefit) year starts, so deductible and out-of-pocket totals reset on the right day. When absent, the payer's own dates decide it if they state one whole year (a benefit period, or plan dates such as DTP*291 20250701-20260630; said as the assumption plan-year-from-payer); otherwise 1 January is assumed (plan-year-calendar). */
            planYear?: {
                startDay: number;
                startMonth: number;
            };
            slidingScale?: components["schemas"]["SlidingScaleRequest"];
            terms?: {
                in?: components["schemas"]["ManualTerms"];
                out?: components["schemas"]["ManualTerms"];
                /** @enum {string} */
                planType?: "PPO" | "HMO" | "EPO" | "POS" | "HDHP" | "indemnity" | "Medicare" | "Medicare-Advantage" | "Medicaid" | "TRICARE" | "commercial" | "other" | "unknown";
            };
        };
        EstimateResponse: {
            coverageSource?: components["schemas"]["CoverageSource"];
            estimate: components["schemas"]["ProgramEstimate"];
            /** @description Monthly options for the expected total (after any sliding-scale discount). */
            paymentPlans: components["schemas"]["PaymentPlan"][];
            priorAuth: components["schemas"]["PriorAuthEvaluation"];
            slidingScale?: components["schemas"]["SlidingScaleApplication"];
        };
        FieldError: {
            message: string;
            /** @description JSON pointer to the failing field (RFC 6901), e.g. `/subscriber/dateOfBirth`. */
            pointer: string;
        };
        FormatWarning: {
            code: string;
            message: string;
            pointer?: string;
        };
        GoodFaithEstimate: {
            contact?: string;
            contentChecklist: {
                cfr: string;
                element: string;
                present: boolean;
            }[];
            delivery: {
                /** Format: date */
                deliverBy?: string;
                leadBusinessDays?: number;
                note: string;
                /** @enum {string} */
                rule: "scheduled-10-plus-business-days" | "scheduled-3-plus-business-days" | "on-request" | "scheduled-under-3-business-days";
                source: string;
            };
            disclaimers: {
                id: string;
                source: string;
                text: string;
            }[];
            dispute: {
                feeCents: number;
                filingWindowDays: number;
                infoUrl: string;
                phone: string;
                source: string;
                text: string;
                thresholdCents: number;
            };
            /** Format: date */
            issuedOn: string;
            items: {
                chargeCents: number;
                code: string;
                codeSystem: string;
                description: string;
                diagnosisCodes: string[];
                discountCents: number;
                estimateCents: number;
                id: string;
                occurrences: number;
                period: {
                    /** Format: date */
                    from: string;
                    /** Format: date */
                    to: string;
                };
                providerKey: string;
                quantity: number;
                unitChargeCents: number;
            }[];
            /** @description The patient. `phi` (name and date of birth) is left out of answers to patient-facing keys (scope `patient`), JSON and HTML alike. */
            patient: {
                phi?: {
                    dateOfBirth: string;
                    firstName: string;
                    lastName: string;
                };
            };
            primaryService: {
                description: string;
                /** Format: date */
                scheduledDate?: string;
            };
            providers: {
                key: string;
                location: {
                    city?: string;
                    line1?: string;
                    postalCode?: string;
                    state?: string;
                };
                name: string;
                npi: string;
                role: string;
                tin: string;
            }[];
            recurring?: {
                /** Format: date */
                from: string;
                note: string;
                /** Format: date */
                to: string;
                weeks: number;
            };
            separatelyScheduled: {
                items: {
                    code?: string;
                    codeSystem?: string;
                    description: string;
                }[];
                note: string;
            };
            slidingScale?: {
                guidelineYear: number;
                note: string;
                percentOfPovertyText: string;
                tierLabel: string;
            };
            totals: {
                chargeCents: number;
                discountCents: number;
                estimateCents: number;
                perProvider: {
                    chargeCents: number;
                    /** @description A bill at or above this (the estimate + $400) may be disputed. */
                    disputeThresholdCents: number;
                    estimateCents: number;
                    name: string;
                    providerKey: string;
                }[];
                perWeekCents?: number;
            };
            warnings: string[];
        };
        /** @description A Good Faith Estimate for an uninsured or self-pay patient (No Surprises Act, 45 CFR 149.610), built from a treatment plan and the clinic's self-pay prices, after any sliding-scale discount. The first provider is the convening provider. Ask for `text/html` to get a printable document. */
        GoodFaithEstimateRequest: {
            contact?: string;
            diagnosisCodes?: string[];
            /** Format: date */
            issuedOn?: string;
            patient: {
                /** Format: date */
                dateOfBirth: string;
                firstName: string;
                lastName: string;
            };
            plan: components["schemas"]["TreatmentPlan"];
            primaryServiceDescription?: string;
            providers: {
                location: {
                    city?: string;
                    line1?: string;
                    postalCode?: string;
                    state: string;
                };
                name: string;
                /** Format: npi */
                npi: string;
                /** @enum {string} */
                role: "convening-provider" | "convening-facility" | "co-provider" | "co-facility";
                tin: string;
            }[];
            scheduling: {
                holidays?: string[];
                /** @description True when the patient asked for an estimate without scheduling. */
                requested?: boolean;
                /**
                 * Format: date
                 * @description The date the service was scheduled (or the estimate requested).
                 */
                scheduledOn: string;
            };
            separatelyScheduled?: {
                code?: string;
                /** @enum {string} */
                codeSystem?: "CPT" | "HCPCS" | "revenue" | "other";
                description: string;
            }[];
            slidingScale?: components["schemas"]["SlidingScaleRequest"];
        };
        /** @description The questions an intake coordinator asks before offering an Intensive Outpatient Program. A flagging answer marks a point for clinical review with its reason; the checklist never decides admission. Answers are never sent to the service: only this content is fetched. */
        IntakeChecklist: {
            answers: ("yes" | "no" | "unsure")[];
            crisisMessage: string;
            crisisResources: components["schemas"]["CrisisResource"][];
            disclaimer: string;
            /** @description The flag's label, e.g. "Needs clinical review before IOP". */
            flagLabel: string;
            id: string;
            intro: string;
            levelOfCare: components["schemas"]["LevelOfCare"];
            privacy: string;
            questions: components["schemas"]["IntakeQuestion"][];
            sources: {
                title: string;
                url: string;
            }[];
            title: string;
            unsureGuidance: string;
            version: string;
        };
        IntakeQuestion: {
            flag: {
                /** @constant */
                kind: "clinical-review";
                reason: string;
            };
            /** @enum {string} */
            flagWhen: "yes" | "no";
            /** @description Why the clinic asks */
            help: string;
            id: string;
            /** @description True when a flagging answer must show the crisis resources at once. */
            showsCrisisResources: boolean;
            text: string;
        };
        /**
         * Format: date
         * @example 2026-12-01
         */
        IsoDate: string;
        /**
         * @description iop-mental-health (S9480 / revenue 0905), iop-substance-use (H0015 / 0906), partial-hospitalization (H0035 / 0913), outpatient-therapy (90837, 90853...), residential.
         * @enum {string}
         */
        LevelOfCare: "iop-mental-health" | "iop-substance-use" | "partial-hospitalization" | "outpatient-therapy" | "residential";
        /** @description One dated billable line with its arithmetic and the benefits it cites. */
        LineEstimate: {
            /** @description Accumulators after this line; null means no cap or not applicable. */
            after: {
                deductibleRemainingFamilyCents: number | null;
                deductibleRemainingIndividualCents: number | null;
                oopRemainingFamilyCents: number | null;
                oopRemainingIndividualCents: number | null;
            };
            allowedCents: number;
            /** @description Past the authorized units or without approval. */
            atRisk: boolean;
            /** @description Out of network: charge minus allowed; whether it may be billed depends on state law. */
            balanceBillCents: number;
            chargeCents: number;
            cites: string[];
            code: string;
            /** @enum {string} */
            codeSystem: "HCPCS" | "CPT" | "REV";
            coinsuranceCents: number;
            copayCents: number;
            covered: boolean;
            /** Format: date */
            date: string;
            deductibleCents: number;
            description: string;
            /** @enum {string} */
            notCoveredReason?: "level-not-covered" | "no-out-of-network-benefits" | "past-limit";
            patientPaysCents: number;
            planPaysCents: number;
            revenueCode?: string;
            units: number;
            week: number;
        };
        Liveness: {
            /** @enum {string} */
            status: "ok";
        };
        ManualAccumulator: {
            metCents?: number;
            remainingCents?: number;
            totalCents?: number;
        };
        /** @description Benefits typed in by hand for one network; anything left out is unknown (never zero). */
        ManualTerms: {
            authorizationRequired?: components["schemas"]["TriState"];
            /** @description Patient's share, ppm (200000 = 20%). */
            coinsurancePpm?: number;
            copay?: {
                amountCents: number;
                /** @enum {string} */
                per: "visit" | "day";
            };
            deductible?: {
                family?: components["schemas"]["ManualAccumulator"];
                individual?: components["schemas"]["ManualAccumulator"];
            };
            deductibleAppliesToCopay?: boolean;
            limit?: {
                /** @enum {string} */
                period: "calendar-year" | "service-year" | "plan-year" | "lifetime" | "episode" | "admission";
                remaining?: number;
                total?: number;
                /** @enum {string} */
                unit: "visit" | "day";
            };
            notCovered?: boolean;
            outOfPocket?: {
                family?: components["schemas"]["ManualAccumulator"];
                individual?: components["schemas"]["ManualAccumulator"];
            };
            referralRequired?: components["schemas"]["TriState"];
        };
        NormalizeRequest: {
            /** @description The payer's answer as received. X12 as text; FHIR or clearinghouse JSON as an object or as text. */
            document: string | Record<string, never>;
            format?: components["schemas"]["PayerDocumentFormat"];
        };
        NormalizeResponse: {
            /** @description One coverage per patient in the document (an X12 interchange can carry several). */
            coverages: components["schemas"]["Coverage"][];
            format: components["schemas"]["PayerDocumentFormat"];
        };
        /** @description One payer in the directory. */
        Payer: {
            /** @description Other ids this payer is known by (clearinghouse payer ids, trading partner ids). */
            aliases: string[];
            /**
             * @description The wire format the payer answers in.
             * @enum {string}
             */
            format: "x12-271" | "fhir-r4" | "clearinghouse-json";
            /**
             * @description Directory id used in every other request (`payerId`).
             * @example sandbox-ppo
             */
            id: string;
            name: string;
            /** @description True for the built-in sandbox payers that answer from stored synthetic responses. */
            sandbox: boolean;
            transactions: string[];
        };
        /** @enum {string} */
        PayerDocumentFormat: "x12-271" | "fhir-r4" | "clearinghouse-json";
        PayerError: {
            /** @description What to do next, in plain language. */
            action: string;
            /** @description The payer's reject reason code (X12 AAA03), e.g. 72. */
            code: string;
            description: string;
            followUpCode?: string;
            level: string;
            retryable: boolean;
            source: components["schemas"]["SourcePointer"];
            validRequest?: boolean;
        };
        PayerList: {
            payers: components["schemas"]["Payer"][];
        };
        PaymentPlan: {
            firstPaymentCents: number;
            lastPaymentCents: number;
            monthlyCents: number;
            months: number;
            payments: number[];
            totalCents: number;
        };
        /** @description Protected health information. Never logged, never in cache keys or URLs. */
        PersonPhi: {
            address?: {
                city?: string;
                line1?: string;
                line2?: string;
                postalCode?: string;
                state?: string;
            };
            dateOfBirth?: string;
            firstName?: string;
            gender?: string;
            lastName?: string;
            memberId?: string;
            middleName?: string;
            otherIds?: {
                [key: string]: string;
            };
        };
        PlanDates: {
            benefitYearBegin?: components["schemas"]["IsoDate"];
            benefitYearEnd?: components["schemas"]["IsoDate"];
            eligibilityBegin?: components["schemas"]["IsoDate"];
            eligibilityEnd?: components["schemas"]["IsoDate"];
            planBegin?: components["schemas"]["IsoDate"];
            planEnd?: components["schemas"]["IsoDate"];
            policyEffective?: components["schemas"]["IsoDate"];
            policyExpiration?: components["schemas"]["IsoDate"];
        };
        PriorAuthEvaluation: {
            authorization: components["schemas"]["Requirement"];
            days: {
                authorization: components["schemas"]["TriState"];
                /** Format: date */
                date: string;
                ruleId?: string;
            }[];
            decisionTime?: {
                ruleId: string;
                standardCalendarDays: number;
                text: string;
                urgentHours?: number;
            };
            referral: components["schemas"]["Requirement"];
            submission: {
                method: string;
                text: string;
            }[];
            timeline?: {
                daysAtRiskWithoutApproval: string[];
                /** Format: date */
                decisionDueBy?: string;
                initialAuthorizationCovers: {
                    days: number;
                    /** Format: date */
                    from: string;
                    /** Format: date */
                    to: string;
                };
                notes: string[];
                reviews: {
                    /** Format: date */
                    coversThrough: string;
                    /** Format: date */
                    date: string;
                }[];
                /**
                 * Format: date
                 * @description The last working day to send the request so a standard decision is due before the first day that needs approval. A date that falls on a weekend is moved to the Friday before (and a note says so); review dates are moved the same way.
                 */
                submitBy: string;
            };
        };
        /** @description What is known about the request: payer, plan type, level of care, billing codes, what the payer said (EB11, notes), and the program days (ascending) for a timeline. */
        PriorAuthRequest: {
            codes?: string[];
            levelOfCare: components["schemas"]["LevelOfCare"];
            payerGroup?: string;
            payerId: string;
            payerSaid?: {
                authorizationRequired: components["schemas"]["TriState"];
                notes?: string[];
                referralRequired: components["schemas"]["TriState"];
                sources?: string[];
            };
            /** @enum {string} */
            planType: "PPO" | "HMO" | "EPO" | "POS" | "HDHP" | "indemnity" | "Medicare" | "Medicare-Advantage" | "Medicaid" | "TRICARE" | "commercial" | "other" | "unknown";
            programDates?: string[];
            /** Format: date */
            requestDate?: string;
        };
        /** @description An RFC 9457 problem detail. `code` is stable and is what clients branch on; `type` links to the problem catalog on the reference page. Validation failures name the failing field in `errors` with a JSON pointer. Schema validation stops at the first failing field (Ajv's advice for untrusted input: collecting every error lets a hostile body make validation slow); checks past the schema (typed-in terms, a plan's dates) list every field they find. Details never contain member identifiers, names or dates of birth. */
        Problem: {
            /** @description Stable error code from the catalog (e.g. `request.invalid`, `payer.timeout`). */
            code: string;
            /** @description What went wrong in this occurrence, in plain language. */
            detail?: string;
            /** @description The failing fields, for validation errors. */
            errors?: components["schemas"]["FieldError"][];
            /** @description The request path that failed. */
            instance?: string;
            /** @description Non-identifying facts about the failure (payer id, AAA code, retry hint...). */
            meta?: {
                [key: string]: string | number | boolean;
            };
            /** @description The request id (also in the `x-request-id` header), for support. */
            requestId?: string;
            status: number;
            /** @description Short, stable summary of the problem type. */
            title: string;
            /**
             * @description URI reference to the problem type's documentation.
             * @example /reference#problem-request.invalid
             */
            type: string;
        };
        /** @description The estimate for one program as a low / expected / high range. Each scenario shows every line's arithmetic (deductible, copay, coinsurance, cap) and the benefits it used. */
        ProgramEstimate: {
            /** Format: date */
            asOf: string;
            assumptions: {
                id: string;
                /** @enum {string} */
                impact: "high" | "medium" | "low";
                /** @description The same assumption in a patient's words (the patient page shows it), where `text` speaks of scenarios or billing codes. */
                patientText?: string;
                scenarios: ("low" | "expected" | "high")[];
                text: string;
            }[];
            balanceBillingDependsOnStateLaw: boolean;
            confidence: components["schemas"]["Confidence"];
            expected: components["schemas"]["ScenarioEstimate"];
            high: components["schemas"]["ScenarioEstimate"];
            levelOfCare: components["schemas"]["LevelOfCare"];
            low: components["schemas"]["ScenarioEstimate"];
            /**
             * @description The network the estimate priced (as given; an unknown one settled by the payer's note about this provider says so in notices).
             * @enum {string}
             */
            networkStatus: "in" | "out" | "unknown";
            notices: string[];
            payerId: string;
            payerUnknowns: string[];
            planWarnings: {
                code: string;
                message: string;
                pointer: string;
            }[];
            /** @description The plan year the estimate used - given by the caller, stated by the payer's dates, or assumed (1 January). */
            planYear: {
                /** @enum {string} */
                source: "given" | "payer" | "assumed";
                startDay: number;
                startMonth: number;
            };
            /** @description What the patient may pay in total (patientTotalCents): lowCents and highCents are the smallest and largest of the three scenario totals, expectedCents the expected scenario's. Each scenario takes the favourable or unfavourable reading of every unknown, but out of network a covered day can cost more than an uncovered one, so the low scenario is not always the smallest total; the range always spans them. */
            range: {
                expectedCents: number;
                highCents: number;
                lowCents: number;
            };
            schedule: components["schemas"]["ScheduleSummary"];
            /** @description A plain-language summary a patient can read. */
            summary: string;
        };
        /** @description Whether this instance can serve. `status` is `ready` even when an optional dependency such as the cache is degraded (requests then go straight to payers); it is `not-ready` only when the service cannot serve, and then the HTTP status is 503. */
        Readiness: {
            checks: components["schemas"]["DependencyCheck"][];
            /** @enum {string} */
            status: "ready" | "not-ready";
        };
        RelatedEntity: {
            contacts?: components["schemas"]["ContactPoint"][];
            entityCode?: string;
            /** @description The entity's ids by qualifier (PI payer id, FI tax id, XX NPI...). `memberId` is the member's id at this organization (a carve-out administrator's own member id), kept so staff can run the second check; answers to patient-facing keys never include it. Social security numbers are never kept. */
            identifiers?: {
                [key: string]: string;
            };
            name?: string;
            /** @example carve-out administrator */
            role: string;
        };
        Requirement: {
            /** @description True when the payer's answer and the configured rules disagree. */
            conflict: boolean;
            reasons: {
                source: string;
                text: string;
            }[];
            /** @enum {string} */
            required: "required" | "not-required" | "unknown";
        };
        ScenarioEstimate: {
            assumptionIds: string[];
            atRiskLines: number;
            /** @enum {string} */
            coverage: "covered" | "level-not-covered" | "no-out-of-network-benefits";
            deductibleMetBeforeProgram: boolean;
            /** Format: date */
            deductibleMetOn?: string;
            lines: components["schemas"]["LineEstimate"][];
            milestones: {
                /** Format: date */
                date: string;
                /** @enum {string} */
                kind: "deductible-met" | "oop-max-met" | "plan-year-reset" | "limit-reset" | "limit-reached" | "authorization-exceeded";
                message: string;
            }[];
            /** @enum {string} */
            network: "in" | "out";
            notCoveredLines: number;
            /** Format: date */
            oopMetOn?: string;
            /** @enum {string} */
            scenario: "low" | "expected" | "high";
            totals: components["schemas"]["CostTotals"];
            weeks: components["schemas"]["WeekEstimate"][];
        };
        ScheduleSummary: {
            daysPerWeek: number;
            /** Format: date */
            firstDate: string;
            hoursPerDay: number;
            hoursPerWeek: number;
            /** Format: date */
            lastDate: string;
            programDays: number;
            totalProgramHours: number;
            weeks: number;
        };
        SlidingFeeCharge: {
            amountCents: number;
            /** @constant */
            kind: "nominal";
            /** @enum {string} */
            per: "visit" | "day";
        } | {
            /** @description Discount off the charge in ppm (800000 = 80% off). */
            discountPpm: number;
            /** @constant */
            kind: "discount";
        } | {
            /** @constant */
            kind: "none";
        };
        /** @description The sliding-scale discount applied to the expected scenario's lines, before and after. */
        SlidingScaleApplication: {
            afterCents: number;
            beforeCents: number;
            discountCents: number;
            evaluation: components["schemas"]["SlidingScaleEvaluation"];
            lines: {
                afterCents: number;
                applied: boolean;
                beforeCents: number;
                discountCents: number;
                id: string;
                reasons: string[];
            }[];
        };
        SlidingScaleEvaluation: {
            annualCapCents?: number;
            annualIncomeCents: number;
            appliesTo: {
                insuredPatientResponsibility: boolean;
                selfPay: boolean;
            };
            charge: components["schemas"]["SlidingFeeCharge"];
            /** @description What the clinic collects to place the household in this tier. */
            documents: {
                code: string;
                description: string;
            }[];
            guideline: {
                amountCents: number;
                /** Format: date */
                effectiveFrom: string;
                householdSize: number;
                /** @enum {string} */
                region: "contiguous" | "alaska" | "hawaii";
                source: {
                    document: string;
                    url: string;
                };
                verified: boolean;
                year: number;
            };
            householdSize: number;
            /** @enum {string} */
            incomeBasis: "annual" | "monthly-times-12";
            /** @description Income as parts per million of the guideline (1000000 = 100%), rounded down. */
            percentOfPovertyPpm: number;
            /** @example 187.5% */
            percentOfPovertyText: string;
            rounding: string;
            scheduleId: string;
            tier: {
                abovePercent: number;
                id: string;
                label: string;
                upToPercent: number | null;
            };
            warnings: string[];
        };
        /** @description Household size and income (annual or monthly, in cents) with the region and date of service. Income and household size only: assets are never considered (HRSA Compliance Manual ch. 9). */
        SlidingScaleRequest: {
            annualIncomeCents?: number;
            /** Format: date */
            dateOfService: string;
            householdSize: number;
            monthlyIncomeCents?: number;
            /**
             * @description contiguous = the 48 contiguous states and DC.
             * @enum {string}
             */
            region: "contiguous" | "alaska" | "hawaii";
        };
        SourcedInteger: {
            benefitIds: components["schemas"]["BenefitIds"];
            sources: components["schemas"]["Sources"];
            value: number;
        };
        SourcedTriState: {
            benefitIds: components["schemas"]["BenefitIds"];
            sources: components["schemas"]["Sources"];
            value: components["schemas"]["TriState"];
        };
        /** @description Where a fact came from in the payer response (segment position or JSON path). */
        SourcePointer: {
            format: components["schemas"]["CoverageFormat"];
            /** @example ST 0001 / 2110C / segment 23 EB */
            pointer: string;
            segmentIndex?: number;
        };
        Sources: components["schemas"]["SourcePointer"][];
        /** @description What the clinic plans to deliver. Give `daysPerWeek` (3 -> Mon/Wed/Fri) or explicit `weekdays`, and `weeks` or an `endDate`. Per-diem billing uses the level of care's HCPCS and revenue codes (S9480/0905, H0015/0906, H0035/0913, H0018/1002) unless given; per-service lists CPT codes per day. */
        TreatmentPlan: {
            billing?: {
                code?: string;
                /** @enum {string} */
                codeSystem?: "HCPCS" | "REV";
                /** @constant */
                model: "per-diem";
                revenueCode?: string;
            } | {
                /** @constant */
                model: "per-service";
                revenueCode?: string;
                services: {
                    code: string;
                    description?: string;
                    units?: number;
                }[];
            };
            daysPerWeek?: number;
            /** Format: date */
            endDate?: string;
            extraSessions?: {
                code: string;
                description?: string;
                units?: number;
                /** @enum {string} */
                weekday?: "sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat";
                /** @enum {string} */
                when: "first-day" | "weekly";
            }[];
            hoursPerDay: number;
            levelOfCare: components["schemas"]["LevelOfCare"];
            skipDates?: string[];
            /** Format: date */
            startDate: string;
            weekdays?: ("sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat")[];
            weeks?: number;
        };
        /** @enum {string} */
        TriState: "yes" | "no" | "unknown";
        WeekEstimate: {
            allowedCents: number;
            balanceBillCents: number;
            chargeCents: number;
            coinsuranceCents: number;
            copayCents: number;
            deductibleCents: number;
            /** Format: date */
            endDate: string;
            hours: number;
            notCoveredCents: number;
            patientPaysCents: number;
            patientTotalCents: number;
            planPaysCents: number;
            programDays: number;
            /** Format: date */
            startDate: string;
            week: number;
        };
    };
    responses: {
        /** @description A payer answered with something that could not be read. */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is not valid; `errors` names the failing field (schema validation stops at the first). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/reference#problem-request.invalid",
                 *       "title": "The request is not valid",
                 *       "status": 400,
                 *       "code": "request.invalid",
                 *       "detail": "1 field is not valid",
                 *       "errors": [
                 *         {
                 *           "pointer": "/dateOfService",
                 *           "message": "must match format \"date\""
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The API key lacks the scope this operation needs. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A payer did not answer in time. */
        GatewayTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The Accept header allows none of the media types this operation answers with. */
        NotAcceptable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/reference#problem-request.not-acceptable",
                 *       "title": "No acceptable representation is available",
                 *       "status": 406,
                 *       "code": "request.not-acceptable",
                 *       "detail": "This resource answers with application/json; send an Accept header that allows one of them",
                 *       "meta": {
                 *         "acceptable": "application/json"
                 *       }
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/reference#problem-payer.not-found",
                 *       "title": "Unknown payer",
                 *       "status": 404,
                 *       "code": "payer.not-found",
                 *       "detail": "No payer with that id or alias is in the directory"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request body is larger than this endpoint accepts. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A payer could not be reached, or its circuit is open. */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The key (or address) went past its rate limit; retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "retry-after"?: number;
                "x-ratelimit-limit"?: number;
                "x-ratelimit-remaining"?: number;
                "x-ratelimit-reset"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No API key, or an unknown, revoked or expired one. */
        Unauthorized: {
            headers: {
                "www-authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/reference#problem-auth.missing-key",
                 *       "title": "An API key is required",
                 *       "status": 401,
                 *       "code": "auth.missing-key",
                 *       "detail": "Send an API key as \"Authorization: Bearer <key>\" or \"x-api-key: <key>\""
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Well-formed, but cannot be acted on. */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request body's media type is not accepted here. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getPageAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example console.js */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/css": string;
                    "text/javascript": string;
                };
            };
            /** @description Not modified since the ETag in If-None-Match. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
        };
    };
    getConsolePage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The console page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            406: components["responses"]["NotAcceptable"];
        };
    };
    getPatientEstimatePage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The patient estimate page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            406: components["responses"]["NotAcceptable"];
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": components["schemas"]["Liveness"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve (dependencies may be degraded). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ready",
                     *       "checks": [
                     *         {
                     *           "name": "payer-directory",
                     *           "status": "ok",
                     *           "critical": true,
                     *           "detail": "6 payers"
                     *         },
                     *         {
                     *           "name": "cache",
                     *           "status": "ok",
                     *           "critical": false,
                     *           "detail": "memory"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "not-ready",
                     *       "checks": [
                     *         {
                     *           "name": "shutdown",
                     *           "status": "down",
                     *           "critical": true,
                     *           "detail": "shutting down"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            406: components["responses"]["NotAcceptable"];
        };
    };
    getContractJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "openapi": "3.1.0",
                     *       "info": {
                     *         "title": "coverage-estimator",
                     *         "version": "0.1.0"
                     *       },
                     *       "paths": {}
                     *     }
                     */
                    "application/json": Record<string, never>;
                };
            };
            406: components["responses"]["NotAcceptable"];
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            406: components["responses"]["NotAcceptable"];
        };
    };
    getReference: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reference page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            406: components["responses"]["NotAcceptable"];
        };
    };
    normalizeCoverage: {
        parameters: {
            query?: {
                /** @description The document's format, for raw bodies; detected when absent. */
                format?: components["schemas"]["PayerDocumentFormat"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/edi-x12": string;
                "application/fhir+json": Record<string, never>;
                "application/json": components["schemas"]["NormalizeRequest"];
                "application/soap+xml": string;
                "multipart/form-data": string;
                "multipart/related": string;
                "text/plain": string;
                "text/xml": string;
            };
        };
        responses: {
            /** @description The coverage model, one entry per patient in the document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "format": "x12-271",
                     *       "coverages": [
                     *         {
                     *           "format": "x12-271",
                     *           "payer": {
                     *             "name": "SANDBOX PPO HEALTH PLAN",
                     *             "id": "99001"
                     *           },
                     *           "plan": {
                     *             "type": "PPO",
                     *             "dates": {
                     *               "planBegin": "2026-01-01",
                     *               "planEnd": "2026-12-31"
                     *             },
                     *             "name": "SANDBOX GOLD PPO",
                     *             "insuranceTypeCode": "PR"
                     *           },
                     *           "eligibility": {
                     *             "status": "active",
                     *             "reason": "The payer reported active coverage (EB01 1).",
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 12 EB",
                     *               "segmentIndex": 12
                     *             }
                     *           },
                     *           "benefits": [
                     *             {
                     *               "id": "eb-13",
                     *               "kind": "deductible",
                     *               "serviceTypes": [
                     *                 "30"
                     *               ],
                     *               "procedureCodes": [],
                     *               "network": "in",
                     *               "coverageLevel": "individual",
                     *               "timePeriod": "calendar-year",
                     *               "authorizationRequired": "unknown",
                     *               "referralRequired": "unknown",
                     *               "relatedEntities": [],
                     *               "notes": [],
                     *               "source": {
                     *                 "format": "x12-271",
                     *                 "pointer": "ST 0001 / 2110C / segment 13 EB",
                     *                 "segmentIndex": 13
                     *               },
                     *               "rawCode": "C",
                     *               "coverageLevelCode": "IND",
                     *               "amountCents": 150000
                     *             },
                     *             {
                     *               "id": "eb-14",
                     *               "kind": "deductible",
                     *               "serviceTypes": [
                     *                 "30"
                     *               ],
                     *               "procedureCodes": [],
                     *               "network": "in",
                     *               "coverageLevel": "individual",
                     *               "timePeriod": "remaining",
                     *               "authorizationRequired": "unknown",
                     *               "referralRequired": "unknown",
                     *               "relatedEntities": [],
                     *               "notes": [],
                     *               "source": {
                     *                 "format": "x12-271",
                     *                 "pointer": "ST 0001 / 2110C / segment 14 EB",
                     *                 "segmentIndex": 14
                     *               },
                     *               "rawCode": "C",
                     *               "coverageLevelCode": "IND",
                     *               "amountCents": 30000
                     *             },
                     *             {
                     *               "id": "eb-17",
                     *               "kind": "coinsurance",
                     *               "serviceTypes": [
                     *                 "MH",
                     *                 "CH"
                     *               ],
                     *               "procedureCodes": [],
                     *               "network": "in",
                     *               "coverageLevel": "individual",
                     *               "timePeriod": "visit",
                     *               "authorizationRequired": "unknown",
                     *               "referralRequired": "unknown",
                     *               "relatedEntities": [],
                     *               "notes": [],
                     *               "source": {
                     *                 "format": "x12-271",
                     *                 "pointer": "ST 0001 / 2110C / segment 17 EB",
                     *                 "segmentIndex": 17
                     *               },
                     *               "rawCode": "A",
                     *               "coverageLevelCode": "IND",
                     *               "percentPpm": 200000
                     *             },
                     *             {
                     *               "id": "eb-19",
                     *               "kind": "active-coverage",
                     *               "serviceTypes": [
                     *                 "CH",
                     *                 "A8"
                     *               ],
                     *               "procedureCodes": [],
                     *               "network": "in",
                     *               "coverageLevel": "unknown",
                     *               "timePeriod": "unknown",
                     *               "authorizationRequired": "yes",
                     *               "referralRequired": "unknown",
                     *               "relatedEntities": [],
                     *               "notes": [
                     *                 "PRE-CERTIFICATION REQUIRED FOR INTENSIVE OUTPATIENT"
                     *               ],
                     *               "source": {
                     *                 "format": "x12-271",
                     *                 "pointer": "ST 0001 / 2110C / segment 19 EB",
                     *                 "segmentIndex": 19
                     *               },
                     *               "rawCode": "1"
                     *             }
                     *           ],
                     *           "payerErrors": [],
                     *           "actions": [
                     *             {
                     *               "kind": "obtain-authorization",
                     *               "message": "The payer requires prior authorization for service type(s) CH, A8 (in network).",
                     *               "serviceTypes": [
                     *                 "CH",
                     *                 "A8"
                     *               ],
                     *               "source": {
                     *                 "format": "x12-271",
                     *                 "pointer": "ST 0001 / 2110C / segment 19 EB",
                     *                 "segmentIndex": 19
                     *               }
                     *             }
                     *           ],
                     *           "warnings": [],
                     *           "formatVersion": "005010X279A1",
                     *           "provider": {
                     *             "name": "EXAMPLE BEHAVIORAL CLINIC",
                     *             "npi": "1234567893"
                     *           },
                     *           "subscriber": {
                     *             "relationship": "self",
                     *             "phi": {
                     *               "memberId": "SBX-PPO-0001",
                     *               "firstName": "ALEX",
                     *               "lastName": "TESTPATIENT",
                     *               "dateOfBirth": "1980-01-01"
                     *             }
                     *           },
                     *           "patient": {
                     *             "relationship": "self",
                     *             "phi": {
                     *               "memberId": "SBX-PPO-0001",
                     *               "firstName": "ALEX",
                     *               "lastName": "TESTPATIENT",
                     *               "dateOfBirth": "1980-01-01"
                     *             }
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["NormalizeResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            406: components["responses"]["NotAcceptable"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    checkEligibility: {
        parameters: {
            query?: never;
            header?: {
                /** @description `no-cache` asks the payer even when a fresh answer is cached. */
                "cache-control"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EligibilityRequest"];
            };
        };
        responses: {
            /** @description The coverage, the level-of-care terms, and the source of the answer. */
            200: {
                headers: {
                    /** @description Present when a stale answer is served because the payer is failing. */
                    warning?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "coverage": {
                     *         "format": "x12-271",
                     *         "payer": {
                     *           "name": "SANDBOX PPO HEALTH PLAN",
                     *           "id": "99001"
                     *         },
                     *         "plan": {
                     *           "type": "PPO",
                     *           "dates": {
                     *             "planBegin": "2026-01-01",
                     *             "planEnd": "2026-12-31"
                     *           },
                     *           "name": "SANDBOX PPO GOLD",
                     *           "insuranceTypeCode": "PR"
                     *         },
                     *         "eligibility": {
                     *           "status": "active",
                     *           "reason": "The payer reported active coverage (EB01 1).",
                     *           "source": {
                     *             "format": "x12-271",
                     *             "pointer": "ST 0001 / 2110C / segment 15 EB",
                     *             "segmentIndex": 15
                     *           }
                     *         },
                     *         "benefits": [
                     *           {
                     *             "id": "eb-16",
                     *             "kind": "deductible",
                     *             "serviceTypes": [
                     *               "30"
                     *             ],
                     *             "procedureCodes": [],
                     *             "network": "in",
                     *             "coverageLevel": "individual",
                     *             "timePeriod": "calendar-year",
                     *             "authorizationRequired": "unknown",
                     *             "referralRequired": "unknown",
                     *             "relatedEntities": [],
                     *             "notes": [],
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 16 EB",
                     *               "segmentIndex": 16
                     *             },
                     *             "rawCode": "C",
                     *             "insuranceType": "PR",
                     *             "coverageLevelCode": "IND",
                     *             "amountCents": 150000
                     *           },
                     *           {
                     *             "id": "eb-17",
                     *             "kind": "deductible",
                     *             "serviceTypes": [
                     *               "30"
                     *             ],
                     *             "procedureCodes": [],
                     *             "network": "in",
                     *             "coverageLevel": "individual",
                     *             "timePeriod": "remaining",
                     *             "authorizationRequired": "unknown",
                     *             "referralRequired": "unknown",
                     *             "relatedEntities": [],
                     *             "notes": [],
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 17 EB",
                     *               "segmentIndex": 17
                     *             },
                     *             "rawCode": "C",
                     *             "insuranceType": "PR",
                     *             "coverageLevelCode": "IND",
                     *             "amountCents": 30000
                     *           },
                     *           {
                     *             "id": "eb-18",
                     *             "kind": "deductible",
                     *             "serviceTypes": [
                     *               "30"
                     *             ],
                     *             "procedureCodes": [],
                     *             "network": "in",
                     *             "coverageLevel": "family",
                     *             "timePeriod": "calendar-year",
                     *             "authorizationRequired": "unknown",
                     *             "referralRequired": "unknown",
                     *             "relatedEntities": [],
                     *             "notes": [],
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 18 EB",
                     *               "segmentIndex": 18
                     *             },
                     *             "rawCode": "C",
                     *             "insuranceType": "PR",
                     *             "coverageLevelCode": "FAM",
                     *             "amountCents": 300000
                     *           },
                     *           {
                     *             "id": "eb-19",
                     *             "kind": "deductible",
                     *             "serviceTypes": [
                     *               "30"
                     *             ],
                     *             "procedureCodes": [],
                     *             "network": "in",
                     *             "coverageLevel": "family",
                     *             "timePeriod": "remaining",
                     *             "authorizationRequired": "unknown",
                     *             "referralRequired": "unknown",
                     *             "relatedEntities": [],
                     *             "notes": [],
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 19 EB",
                     *               "segmentIndex": 19
                     *             },
                     *             "rawCode": "C",
                     *             "insuranceType": "PR",
                     *             "coverageLevelCode": "FAM",
                     *             "amountCents": 180000
                     *           },
                     *           {
                     *             "id": "eb-22",
                     *             "kind": "out-of-pocket",
                     *             "serviceTypes": [
                     *               "30"
                     *             ],
                     *             "procedureCodes": [],
                     *             "network": "in",
                     *             "coverageLevel": "individual",
                     *             "timePeriod": "calendar-year",
                     *             "authorizationRequired": "unknown",
                     *             "referralRequired": "unknown",
                     *             "relatedEntities": [],
                     *             "notes": [],
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 22 EB",
                     *               "segmentIndex": 22
                     *             },
                     *             "rawCode": "G",
                     *             "insuranceType": "PR",
                     *             "coverageLevelCode": "IND",
                     *             "amountCents": 600000
                     *           },
                     *           {
                     *             "id": "eb-23",
                     *             "kind": "out-of-pocket",
                     *             "serviceTypes": [
                     *               "30"
                     *             ],
                     *             "procedureCodes": [],
                     *             "network": "in",
                     *             "coverageLevel": "individual",
                     *             "timePeriod": "remaining",
                     *             "authorizationRequired": "unknown",
                     *             "referralRequired": "unknown",
                     *             "relatedEntities": [],
                     *             "notes": [],
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 23 EB",
                     *               "segmentIndex": 23
                     *             },
                     *             "rawCode": "G",
                     *             "insuranceType": "PR",
                     *             "coverageLevelCode": "IND",
                     *             "amountCents": 420000
                     *           },
                     *           {
                     *             "id": "eb-24",
                     *             "kind": "out-of-pocket",
                     *             "serviceTypes": [
                     *               "30"
                     *             ],
                     *             "procedureCodes": [],
                     *             "network": "in",
                     *             "coverageLevel": "family",
                     *             "timePeriod": "calendar-year",
                     *             "authorizationRequired": "unknown",
                     *             "referralRequired": "unknown",
                     *             "relatedEntities": [],
                     *             "notes": [],
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 24 EB",
                     *               "segmentIndex": 24
                     *             },
                     *             "rawCode": "G",
                     *             "insuranceType": "PR",
                     *             "coverageLevelCode": "FAM",
                     *             "amountCents": 1200000
                     *           },
                     *           {
                     *             "id": "eb-25",
                     *             "kind": "out-of-pocket",
                     *             "serviceTypes": [
                     *               "30"
                     *             ],
                     *             "procedureCodes": [],
                     *             "network": "in",
                     *             "coverageLevel": "family",
                     *             "timePeriod": "remaining",
                     *             "authorizationRequired": "unknown",
                     *             "referralRequired": "unknown",
                     *             "relatedEntities": [],
                     *             "notes": [],
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 25 EB",
                     *               "segmentIndex": 25
                     *             },
                     *             "rawCode": "G",
                     *             "insuranceType": "PR",
                     *             "coverageLevelCode": "FAM",
                     *             "amountCents": 1020000
                     *           },
                     *           {
                     *             "id": "eb-30",
                     *             "kind": "coinsurance",
                     *             "serviceTypes": [
                     *               "CH",
                     *               "A8",
                     *               "CJ"
                     *             ],
                     *             "procedureCodes": [],
                     *             "network": "in",
                     *             "coverageLevel": "individual",
                     *             "timePeriod": "unknown",
                     *             "authorizationRequired": "yes",
                     *             "referralRequired": "unknown",
                     *             "relatedEntities": [],
                     *             "notes": [
                     *               "PRE-CERTIFICATION REQUIRED FOR INTENSIVE OUTPATIENT"
                     *             ],
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 30 EB",
                     *               "segmentIndex": 30
                     *             },
                     *             "rawCode": "A",
                     *             "insuranceType": "PR",
                     *             "coverageLevelCode": "IND",
                     *             "percentPpm": 200000
                     *           }
                     *         ],
                     *         "payerErrors": [],
                     *         "actions": [
                     *           {
                     *             "kind": "obtain-authorization",
                     *             "message": "The payer requires prior authorization for service type(s) CH, A8, CJ (in network).",
                     *             "serviceTypes": [
                     *               "CH",
                     *               "A8",
                     *               "CJ"
                     *             ],
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 30 EB",
                     *               "segmentIndex": 30
                     *             }
                     *           },
                     *           {
                     *             "kind": "obtain-authorization",
                     *             "message": "The payer requires prior authorization for service type(s) CH, A8, CJ (out of network).",
                     *             "serviceTypes": [
                     *               "CH",
                     *               "A8",
                     *               "CJ"
                     *             ],
                     *             "source": {
                     *               "format": "x12-271",
                     *               "pointer": "ST 0001 / 2110C / segment 32 EB",
                     *               "segmentIndex": 32
                     *             }
                     *           }
                     *         ],
                     *         "warnings": [],
                     *         "formatVersion": "005010X279A1",
                     *         "provider": {
                     *           "name": "SANDBOX BEHAVIORAL HEALTH CLINIC",
                     *           "npi": "1234567893"
                     *         },
                     *         "subscriber": {
                     *           "relationship": "self",
                     *           "phi": {
                     *             "memberId": "SBX-PPO-0001",
                     *             "firstName": "PPOACTIVE",
                     *             "lastName": "SANDBOX",
                     *             "dateOfBirth": "1985-01-01",
                     *             "gender": "F",
                     *             "address": {
                     *               "line1": "100 SANDBOX WAY",
                     *               "city": "TESTVILLE",
                     *               "state": "CA",
                     *               "postalCode": "90000"
                     *             }
                     *           }
                     *         },
                     *         "patient": {
                     *           "relationship": "self",
                     *           "phi": {
                     *             "memberId": "SBX-PPO-0001",
                     *             "firstName": "PPOACTIVE",
                     *             "lastName": "SANDBOX",
                     *             "dateOfBirth": "1985-01-01",
                     *             "gender": "F",
                     *             "address": {
                     *               "line1": "100 SANDBOX WAY",
                     *               "city": "TESTVILLE",
                     *               "state": "CA",
                     *               "postalCode": "90000"
                     *             }
                     *           }
                     *         }
                     *       },
                     *       "source": {
                     *         "payerId": "sandbox-ppo",
                     *         "format": "x12-271",
                     *         "cache": "miss",
                     *         "asOf": "2026-11-26T17:24:05.897Z",
                     *         "stale": false,
                     *         "ageSeconds": 0
                     *       },
                     *       "levelOfCare": {
                     *         "id": "iop-mental-health",
                     *         "inNetwork": {
                     *           "network": "in",
                     *           "deductible": {
                     *             "individual": {
                     *               "totalCents": {
                     *                 "value": 150000,
                     *                 "benefitIds": [
                     *                   "eb-16"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 16 EB",
                     *                     "segmentIndex": 16
                     *                   }
                     *                 ]
                     *               },
                     *               "remainingCents": {
                     *                 "value": 30000,
                     *                 "benefitIds": [
                     *                   "eb-17"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 17 EB",
                     *                     "segmentIndex": 17
                     *                   }
                     *                 ]
                     *               },
                     *               "metCents": {
                     *                 "value": 120000,
                     *                 "benefitIds": [
                     *                   "eb-16",
                     *                   "eb-17"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 16 EB",
                     *                     "segmentIndex": 16
                     *                   },
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 17 EB",
                     *                     "segmentIndex": 17
                     *                   }
                     *                 ]
                     *               }
                     *             },
                     *             "family": {
                     *               "totalCents": {
                     *                 "value": 300000,
                     *                 "benefitIds": [
                     *                   "eb-18"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 18 EB",
                     *                     "segmentIndex": 18
                     *                   }
                     *                 ]
                     *               },
                     *               "remainingCents": {
                     *                 "value": 180000,
                     *                 "benefitIds": [
                     *                   "eb-19"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 19 EB",
                     *                     "segmentIndex": 19
                     *                   }
                     *                 ]
                     *               },
                     *               "metCents": {
                     *                 "value": 120000,
                     *                 "benefitIds": [
                     *                   "eb-18",
                     *                   "eb-19"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 18 EB",
                     *                     "segmentIndex": 18
                     *                   },
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 19 EB",
                     *                     "segmentIndex": 19
                     *                   }
                     *                 ]
                     *               }
                     *             }
                     *           },
                     *           "outOfPocket": {
                     *             "individual": {
                     *               "totalCents": {
                     *                 "value": 600000,
                     *                 "benefitIds": [
                     *                   "eb-22"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 22 EB",
                     *                     "segmentIndex": 22
                     *                   }
                     *                 ]
                     *               },
                     *               "remainingCents": {
                     *                 "value": 420000,
                     *                 "benefitIds": [
                     *                   "eb-23"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 23 EB",
                     *                     "segmentIndex": 23
                     *                   }
                     *                 ]
                     *               },
                     *               "metCents": {
                     *                 "value": 180000,
                     *                 "benefitIds": [
                     *                   "eb-22",
                     *                   "eb-23"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 22 EB",
                     *                     "segmentIndex": 22
                     *                   },
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 23 EB",
                     *                     "segmentIndex": 23
                     *                   }
                     *                 ]
                     *               }
                     *             },
                     *             "family": {
                     *               "totalCents": {
                     *                 "value": 1200000,
                     *                 "benefitIds": [
                     *                   "eb-24"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 24 EB",
                     *                     "segmentIndex": 24
                     *                   }
                     *                 ]
                     *               },
                     *               "remainingCents": {
                     *                 "value": 1020000,
                     *                 "benefitIds": [
                     *                   "eb-25"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 25 EB",
                     *                     "segmentIndex": 25
                     *                   }
                     *                 ]
                     *               },
                     *               "metCents": {
                     *                 "value": 180000,
                     *                 "benefitIds": [
                     *                   "eb-24",
                     *                   "eb-25"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 24 EB",
                     *                     "segmentIndex": 24
                     *                   },
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 25 EB",
                     *                     "segmentIndex": 25
                     *                   }
                     *                 ]
                     *               }
                     *             }
                     *           },
                     *           "authorizationRequired": {
                     *             "value": "yes",
                     *             "benefitIds": [
                     *               "eb-30"
                     *             ],
                     *             "sources": [
                     *               {
                     *                 "format": "x12-271",
                     *                 "pointer": "ST 0001 / 2110C / segment 30 EB",
                     *                 "segmentIndex": 30
                     *               }
                     *             ]
                     *           },
                     *           "referralRequired": {
                     *             "value": "unknown",
                     *             "benefitIds": [],
                     *             "sources": []
                     *           },
                     *           "chosen": {
                     *             "serviceType": "CH",
                     *             "reason": "Most specific service type with cost sharing: CH (Mental Health Facility - Outpatient: IOP is a facility-based outpatient program billed per diem (rev 0905)). Deductible and out-of-pocket came from 30 (plan level), where payers normally report them.",
                     *             "fellBackToPlanLevel": false
                     *           },
                     *           "unknowns": [
                     *             "The payer did not say whether intensive outpatient (mental health) needs a referral."
                     *           ],
                     *           "coinsurancePpm": {
                     *             "value": 200000,
                     *             "benefitIds": [
                     *               "eb-30"
                     *             ],
                     *             "sources": [
                     *               {
                     *                 "format": "x12-271",
                     *                 "pointer": "ST 0001 / 2110C / segment 30 EB",
                     *                 "segmentIndex": 30
                     *               }
                     *             ]
                     *           }
                     *         },
                     *         "outOfNetwork": {
                     *           "network": "out",
                     *           "deductible": {
                     *             "individual": {
                     *               "totalCents": {
                     *                 "value": 300000,
                     *                 "benefitIds": [
                     *                   "eb-20"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 20 EB",
                     *                     "segmentIndex": 20
                     *                   }
                     *                 ]
                     *               },
                     *               "remainingCents": {
                     *                 "value": 300000,
                     *                 "benefitIds": [
                     *                   "eb-21"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 21 EB",
                     *                     "segmentIndex": 21
                     *                   }
                     *                 ]
                     *               },
                     *               "metCents": {
                     *                 "value": 0,
                     *                 "benefitIds": [
                     *                   "eb-20",
                     *                   "eb-21"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 20 EB",
                     *                     "segmentIndex": 20
                     *                   },
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 21 EB",
                     *                     "segmentIndex": 21
                     *                   }
                     *                 ]
                     *               }
                     *             }
                     *           },
                     *           "outOfPocket": {
                     *             "individual": {
                     *               "totalCents": {
                     *                 "value": 1200000,
                     *                 "benefitIds": [
                     *                   "eb-26"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 26 EB",
                     *                     "segmentIndex": 26
                     *                   }
                     *                 ]
                     *               },
                     *               "remainingCents": {
                     *                 "value": 1200000,
                     *                 "benefitIds": [
                     *                   "eb-27"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 27 EB",
                     *                     "segmentIndex": 27
                     *                   }
                     *                 ]
                     *               },
                     *               "metCents": {
                     *                 "value": 0,
                     *                 "benefitIds": [
                     *                   "eb-26",
                     *                   "eb-27"
                     *                 ],
                     *                 "sources": [
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 26 EB",
                     *                     "segmentIndex": 26
                     *                   },
                     *                   {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 27 EB",
                     *                     "segmentIndex": 27
                     *                   }
                     *                 ]
                     *               }
                     *             }
                     *           },
                     *           "authorizationRequired": {
                     *             "value": "yes",
                     *             "benefitIds": [
                     *               "eb-32"
                     *             ],
                     *             "sources": [
                     *               {
                     *                 "format": "x12-271",
                     *                 "pointer": "ST 0001 / 2110C / segment 32 EB",
                     *                 "segmentIndex": 32
                     *               }
                     *             ]
                     *           },
                     *           "referralRequired": {
                     *             "value": "unknown",
                     *             "benefitIds": [],
                     *             "sources": []
                     *           },
                     *           "chosen": {
                     *             "serviceType": "CH",
                     *             "reason": "Most specific service type with cost sharing: CH (Mental Health Facility - Outpatient: IOP is a facility-based outpatient program billed per diem (rev 0905)). Deductible and out-of-pocket came from 30 (plan level), where payers normally report them.",
                     *             "fellBackToPlanLevel": false
                     *           },
                     *           "unknowns": [
                     *             "Family out-of-network deductible was not sent by the payer.",
                     *             "Family out-of-network out-of-pocket maximum was not sent by the payer.",
                     *             "The payer did not say whether intensive outpatient (mental health) needs a referral."
                     *           ],
                     *           "coinsurancePpm": {
                     *             "value": 400000,
                     *             "benefitIds": [
                     *               "eb-32"
                     *             ],
                     *             "sources": [
                     *               {
                     *                 "format": "x12-271",
                     *                 "pointer": "ST 0001 / 2110C / segment 32 EB",
                     *                 "segmentIndex": 32
                     *               }
                     *             ]
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["EligibilityResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    checkEligibilityBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description `no-cache` asks the payer again for every member, even when a fresh answer is cached. */
                "cache-control"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EligibilityBatchRequest"];
            };
        };
        responses: {
            /** @description One result per item (JSON), or a stream of results (NDJSON). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "reference": "row-1",
                     *           "status": "ok",
                     *           "result": {
                     *             "coverage": {
                     *               "format": "x12-271",
                     *               "payer": {
                     *                 "name": "SANDBOX PPO HEALTH PLAN",
                     *                 "id": "99001"
                     *               },
                     *               "plan": {
                     *                 "type": "PPO",
                     *                 "dates": {
                     *                   "planBegin": "2026-01-01",
                     *                   "planEnd": "2026-12-31"
                     *                 },
                     *                 "name": "SANDBOX PPO GOLD",
                     *                 "insuranceTypeCode": "PR"
                     *               },
                     *               "eligibility": {
                     *                 "status": "active",
                     *                 "reason": "The payer reported active coverage (EB01 1).",
                     *                 "source": {
                     *                   "format": "x12-271",
                     *                   "pointer": "ST 0001 / 2110C / segment 15 EB",
                     *                   "segmentIndex": 15
                     *                 }
                     *               },
                     *               "benefits": [
                     *                 {
                     *                   "id": "eb-15",
                     *                   "kind": "active-coverage",
                     *                   "serviceTypes": [
                     *                     "30",
                     *                     "1",
                     *                     "MH",
                     *                     "CF",
                     *                     "CH",
                     *                     "A8",
                     *                     "AI",
                     *                     "CJ"
                     *                   ],
                     *                   "procedureCodes": [],
                     *                   "network": "unknown",
                     *                   "coverageLevel": "individual",
                     *                   "timePeriod": "unknown",
                     *                   "authorizationRequired": "unknown",
                     *                   "referralRequired": "unknown",
                     *                   "relatedEntities": [],
                     *                   "notes": [],
                     *                   "source": {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 15 EB",
                     *                     "segmentIndex": 15
                     *                   },
                     *                   "rawCode": "1",
                     *                   "insuranceType": "PR",
                     *                   "planDescription": "SANDBOX PPO GOLD",
                     *                   "coverageLevelCode": "IND"
                     *                 },
                     *                 {
                     *                   "id": "eb-16",
                     *                   "kind": "deductible",
                     *                   "serviceTypes": [
                     *                     "30"
                     *                   ],
                     *                   "procedureCodes": [],
                     *                   "network": "in",
                     *                   "coverageLevel": "individual",
                     *                   "timePeriod": "calendar-year",
                     *                   "authorizationRequired": "unknown",
                     *                   "referralRequired": "unknown",
                     *                   "relatedEntities": [],
                     *                   "notes": [],
                     *                   "source": {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 16 EB",
                     *                     "segmentIndex": 16
                     *                   },
                     *                   "rawCode": "C",
                     *                   "insuranceType": "PR",
                     *                   "coverageLevelCode": "IND",
                     *                   "amountCents": 150000
                     *                 }
                     *               ],
                     *               "payerErrors": [],
                     *               "actions": [
                     *                 {
                     *                   "kind": "obtain-authorization",
                     *                   "message": "The payer requires prior authorization for service type(s) CH, A8, CJ (in network).",
                     *                   "serviceTypes": [
                     *                     "CH",
                     *                     "A8",
                     *                     "CJ"
                     *                   ],
                     *                   "source": {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 30 EB",
                     *                     "segmentIndex": 30
                     *                   }
                     *                 },
                     *                 {
                     *                   "kind": "obtain-authorization",
                     *                   "message": "The payer requires prior authorization for service type(s) CH, A8, CJ (out of network).",
                     *                   "serviceTypes": [
                     *                     "CH",
                     *                     "A8",
                     *                     "CJ"
                     *                   ],
                     *                   "source": {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 32 EB",
                     *                     "segmentIndex": 32
                     *                   }
                     *                 }
                     *               ],
                     *               "warnings": [],
                     *               "formatVersion": "005010X279A1",
                     *               "provider": {
                     *                 "name": "SANDBOX BEHAVIORAL HEALTH CLINIC",
                     *                 "npi": "1234567893"
                     *               },
                     *               "subscriber": {
                     *                 "relationship": "self",
                     *                 "phi": {
                     *                   "memberId": "SBX-PPO-0001",
                     *                   "firstName": "PPOACTIVE",
                     *                   "lastName": "SANDBOX",
                     *                   "dateOfBirth": "1985-01-01",
                     *                   "gender": "F",
                     *                   "address": {
                     *                     "line1": "100 SANDBOX WAY",
                     *                     "city": "TESTVILLE",
                     *                     "state": "CA",
                     *                     "postalCode": "90000"
                     *                   }
                     *                 }
                     *               },
                     *               "patient": {
                     *                 "relationship": "self",
                     *                 "phi": {
                     *                   "memberId": "SBX-PPO-0001",
                     *                   "firstName": "PPOACTIVE",
                     *                   "lastName": "SANDBOX",
                     *                   "dateOfBirth": "1985-01-01",
                     *                   "gender": "F",
                     *                   "address": {
                     *                     "line1": "100 SANDBOX WAY",
                     *                     "city": "TESTVILLE",
                     *                     "state": "CA",
                     *                     "postalCode": "90000"
                     *                   }
                     *                 }
                     *               }
                     *             },
                     *             "source": {
                     *               "payerId": "sandbox-ppo",
                     *               "format": "x12-271",
                     *               "cache": "miss",
                     *               "asOf": "2026-11-26T17:44:56.784Z",
                     *               "stale": false,
                     *               "ageSeconds": 0
                     *             }
                     *           }
                     *         },
                     *         {
                     *           "reference": "row-2",
                     *           "status": "ok",
                     *           "result": {
                     *             "coverage": {
                     *               "format": "x12-271",
                     *               "payer": {
                     *                 "name": "SANDBOX HMO HEALTH PLAN",
                     *                 "id": "99002"
                     *               },
                     *               "plan": {
                     *                 "type": "HMO",
                     *                 "dates": {
                     *                   "planBegin": "2026-01-01",
                     *                   "planEnd": "2026-12-31"
                     *                 },
                     *                 "name": "SANDBOX HMO SILVER",
                     *                 "insuranceTypeCode": "HM"
                     *               },
                     *               "eligibility": {
                     *                 "status": "active",
                     *                 "reason": "The payer reported active coverage (EB01 1).",
                     *                 "source": {
                     *                   "format": "x12-271",
                     *                   "pointer": "ST 0001 / 2110C / segment 15 EB",
                     *                   "segmentIndex": 15
                     *                 }
                     *               },
                     *               "benefits": [
                     *                 {
                     *                   "id": "eb-15",
                     *                   "kind": "active-coverage",
                     *                   "serviceTypes": [
                     *                     "30",
                     *                     "1",
                     *                     "MH",
                     *                     "CF",
                     *                     "CH",
                     *                     "A8",
                     *                     "AI",
                     *                     "CJ"
                     *                   ],
                     *                   "procedureCodes": [],
                     *                   "network": "unknown",
                     *                   "coverageLevel": "individual",
                     *                   "timePeriod": "unknown",
                     *                   "authorizationRequired": "unknown",
                     *                   "referralRequired": "unknown",
                     *                   "relatedEntities": [],
                     *                   "notes": [],
                     *                   "source": {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 15 EB",
                     *                     "segmentIndex": 15
                     *                   },
                     *                   "rawCode": "1",
                     *                   "insuranceType": "HM",
                     *                   "planDescription": "SANDBOX HMO SILVER",
                     *                   "coverageLevelCode": "IND"
                     *                 },
                     *                 {
                     *                   "id": "eb-16",
                     *                   "kind": "primary-care-provider",
                     *                   "serviceTypes": [],
                     *                   "procedureCodes": [],
                     *                   "network": "unknown",
                     *                   "coverageLevel": "unknown",
                     *                   "timePeriod": "unknown",
                     *                   "authorizationRequired": "unknown",
                     *                   "referralRequired": "unknown",
                     *                   "relatedEntities": [
                     *                     {
                     *                       "role": "primary care provider",
                     *                       "entityCode": "P3",
                     *                       "name": "SANDBOX PRIMARY CARE GROUP",
                     *                       "identifiers": {
                     *                         "XX": "1987654328"
                     *                       },
                     *                       "contacts": [
                     *                         {
                     *                           "kind": "phone",
                     *                           "value": "8005550102"
                     *                         }
                     *                       ]
                     *                     }
                     *                   ],
                     *                   "notes": [],
                     *                   "source": {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 16 EB",
                     *                     "segmentIndex": 16
                     *                   },
                     *                   "rawCode": "L"
                     *                 }
                     *               ],
                     *               "payerErrors": [],
                     *               "actions": [
                     *                 {
                     *                   "kind": "obtain-referral",
                     *                   "message": "The payer's note says a referral is required: \"REFERRAL REQUIRED FROM PCP\"",
                     *                   "serviceTypes": [
                     *                     "MH",
                     *                     "CF",
                     *                     "CH",
                     *                     "A8",
                     *                     "AI",
                     *                     "CJ"
                     *                   ],
                     *                   "source": {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 26 EB",
                     *                     "segmentIndex": 26
                     *                   }
                     *                 },
                     *                 {
                     *                   "kind": "obtain-referral",
                     *                   "message": "The payer's note says a referral is required: \"REFERRAL REQUIRED FROM PCP\"",
                     *                   "serviceTypes": [
                     *                     "98"
                     *                   ],
                     *                   "source": {
                     *                     "format": "x12-271",
                     *                     "pointer": "ST 0001 / 2110C / segment 28 EB",
                     *                     "segmentIndex": 28
                     *                   }
                     *                 }
                     *               ],
                     *               "warnings": [],
                     *               "formatVersion": "005010X279A1",
                     *               "provider": {
                     *                 "name": "SANDBOX BEHAVIORAL HEALTH CLINIC",
                     *                 "npi": "1234567893"
                     *               },
                     *               "subscriber": {
                     *                 "relationship": "self",
                     *                 "phi": {
                     *                   "memberId": "SBX-HMO-0001",
                     *                   "firstName": "HMOREFERRAL",
                     *                   "lastName": "SANDBOX",
                     *                   "dateOfBirth": "1995-07-04",
                     *                   "gender": "M",
                     *                   "address": {
                     *                     "line1": "100 SANDBOX WAY",
                     *                     "city": "TESTVILLE",
                     *                     "state": "CA",
                     *                     "postalCode": "90000"
                     *                   }
                     *                 }
                     *               },
                     *               "patient": {
                     *                 "relationship": "self",
                     *                 "phi": {
                     *                   "memberId": "SBX-HMO-0001",
                     *                   "firstName": "HMOREFERRAL",
                     *                   "lastName": "SANDBOX",
                     *                   "dateOfBirth": "1995-07-04",
                     *                   "gender": "M",
                     *                   "address": {
                     *                     "line1": "100 SANDBOX WAY",
                     *                     "city": "TESTVILLE",
                     *                     "state": "CA",
                     *                     "postalCode": "90000"
                     *                   }
                     *                 }
                     *               }
                     *             },
                     *             "source": {
                     *               "payerId": "sandbox-hmo",
                     *               "format": "x12-271",
                     *               "cache": "miss",
                     *               "asOf": "2026-11-26T17:44:56.785Z",
                     *               "stale": false,
                     *               "ageSeconds": 0
                     *             }
                     *           }
                     *         },
                     *         {
                     *           "reference": "row-3",
                     *           "status": "error",
                     *           "problem": {
                     *             "type": "/reference#problem-payer.rejected",
                     *             "title": "The payer rejected the inquiry",
                     *             "status": 422,
                     *             "code": "payer.rejected",
                     *             "detail": "Invalid/Missing Subscriber/Insured ID. Re-read the member ID from the card; try it with and without the alpha prefix or suffix. Payer follow-up: Please Correct and Resubmit.",
                     *             "meta": {
                     *               "payerId": "sandbox-ppo",
                     *               "aaaCode": "72",
                     *               "retryable": false,
                     *               "cache": "miss"
                     *             }
                     *           }
                     *         }
                     *       ],
                     *       "summary": {
                     *         "total": 3,
                     *         "succeeded": 2,
                     *         "failed": 1,
                     *         "durationMs": 59
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["EligibilityBatchResponse"];
                    "application/ndjson": string;
                    "application/x-ndjson": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            406: components["responses"]["NotAcceptable"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createEstimate: {
        parameters: {
            query?: never;
            header?: {
                /** @description With `eligibility`: `no-cache` asks the payer even when a fresh answer is cached. */
                "cache-control"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EstimateRequest"];
            };
        };
        responses: {
            /** @description The estimate, payment plans, prior-authorization answer and any sliding-scale discount. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "estimate": {
                     *         "levelOfCare": "iop-mental-health",
                     *         "payerId": "sandbox-ppo",
                     *         "asOf": "2026-11-26",
                     *         "networkStatus": "in",
                     *         "planYear": {
                     *           "startMonth": 1,
                     *           "startDay": 1,
                     *           "source": "assumed"
                     *         },
                     *         "schedule": {
                     *           "firstDate": "2026-12-07",
                     *           "lastDate": "2027-02-26",
                     *           "weeks": 12,
                     *           "programDays": 36,
                     *           "daysPerWeek": 3,
                     *           "hoursPerDay": 3,
                     *           "hoursPerWeek": 9,
                     *           "totalProgramHours": 108
                     *         },
                     *         "planWarnings": [],
                     *         "low": {
                     *           "scenario": "low",
                     *           "network": "in",
                     *           "coverage": "covered",
                     *           "assumptionIds": [
                     *             "plan-year-calendar"
                     *           ],
                     *           "lines": [
                     *             {
                     *               "date": "2026-12-07",
                     *               "week": 1,
                     *               "code": "S9480",
                     *               "codeSystem": "HCPCS",
                     *               "units": 1,
                     *               "description": "Intensive outpatient program day (mental health)",
                     *               "chargeCents": 45000,
                     *               "allowedCents": 25000,
                     *               "deductibleCents": 25000,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 0,
                     *               "patientPaysCents": 25000,
                     *               "planPaysCents": 0,
                     *               "balanceBillCents": 0,
                     *               "covered": true,
                     *               "atRisk": false,
                     *               "after": {
                     *                 "deductibleRemainingIndividualCents": 5000,
                     *                 "deductibleRemainingFamilyCents": null,
                     *                 "oopRemainingIndividualCents": 455000,
                     *                 "oopRemainingFamilyCents": null
                     *               },
                     *               "cites": [
                     *                 "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)"
                     *               ],
                     *               "revenueCode": "0905"
                     *             },
                     *             {
                     *               "date": "2026-12-09",
                     *               "week": 1,
                     *               "code": "S9480",
                     *               "codeSystem": "HCPCS",
                     *               "units": 1,
                     *               "description": "Intensive outpatient program day (mental health)",
                     *               "chargeCents": 45000,
                     *               "allowedCents": 25000,
                     *               "deductibleCents": 5000,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 4000,
                     *               "patientPaysCents": 9000,
                     *               "planPaysCents": 16000,
                     *               "balanceBillCents": 0,
                     *               "covered": true,
                     *               "atRisk": false,
                     *               "after": {
                     *                 "deductibleRemainingIndividualCents": 0,
                     *                 "deductibleRemainingFamilyCents": null,
                     *                 "oopRemainingIndividualCents": 446000,
                     *                 "oopRemainingFamilyCents": null
                     *               },
                     *               "cites": [
                     *                 "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                 "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *               ],
                     *               "revenueCode": "0905"
                     *             }
                     *           ],
                     *           "weeks": [
                     *             {
                     *               "week": 1,
                     *               "startDate": "2026-12-07",
                     *               "endDate": "2026-12-13",
                     *               "programDays": 3,
                     *               "hours": 9,
                     *               "chargeCents": 135000,
                     *               "allowedCents": 75000,
                     *               "deductibleCents": 30000,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 9000,
                     *               "patientPaysCents": 39000,
                     *               "planPaysCents": 36000,
                     *               "balanceBillCents": 0,
                     *               "notCoveredCents": 0,
                     *               "patientTotalCents": 39000
                     *             },
                     *             {
                     *               "week": 2,
                     *               "startDate": "2026-12-14",
                     *               "endDate": "2026-12-20",
                     *               "programDays": 3,
                     *               "hours": 9,
                     *               "chargeCents": 135000,
                     *               "allowedCents": 75000,
                     *               "deductibleCents": 0,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 15000,
                     *               "patientPaysCents": 15000,
                     *               "planPaysCents": 60000,
                     *               "balanceBillCents": 0,
                     *               "notCoveredCents": 0,
                     *               "patientTotalCents": 15000
                     *             }
                     *           ],
                     *           "totals": {
                     *             "chargeCents": 1620000,
                     *             "allowedCents": 900000,
                     *             "deductibleCents": 180000,
                     *             "copayCents": 0,
                     *             "coinsuranceCents": 144000,
                     *             "patientPaysCents": 324000,
                     *             "planPaysCents": 576000,
                     *             "balanceBillCents": 0,
                     *             "notCoveredCents": 0,
                     *             "patientTotalCents": 324000
                     *           },
                     *           "deductibleMetBeforeProgram": false,
                     *           "milestones": [
                     *             {
                     *               "date": "2026-12-09",
                     *               "kind": "deductible-met",
                     *               "message": "Deductible met"
                     *             },
                     *             {
                     *               "date": "2027-01-01",
                     *               "kind": "plan-year-reset",
                     *               "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *             },
                     *             {
                     *               "date": "2027-01-13",
                     *               "kind": "deductible-met",
                     *               "message": "Deductible met"
                     *             }
                     *           ],
                     *           "atRiskLines": 0,
                     *           "notCoveredLines": 0,
                     *           "deductibleMetOn": "2026-12-09"
                     *         },
                     *         "expected": {
                     *           "scenario": "expected",
                     *           "network": "in",
                     *           "coverage": "covered",
                     *           "assumptionIds": [
                     *             "plan-year-calendar"
                     *           ],
                     *           "lines": [
                     *             {
                     *               "date": "2026-12-07",
                     *               "week": 1,
                     *               "code": "S9480",
                     *               "codeSystem": "HCPCS",
                     *               "units": 1,
                     *               "description": "Intensive outpatient program day (mental health)",
                     *               "chargeCents": 45000,
                     *               "allowedCents": 25000,
                     *               "deductibleCents": 25000,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 0,
                     *               "patientPaysCents": 25000,
                     *               "planPaysCents": 0,
                     *               "balanceBillCents": 0,
                     *               "covered": true,
                     *               "atRisk": false,
                     *               "after": {
                     *                 "deductibleRemainingIndividualCents": 5000,
                     *                 "deductibleRemainingFamilyCents": null,
                     *                 "oopRemainingIndividualCents": 455000,
                     *                 "oopRemainingFamilyCents": null
                     *               },
                     *               "cites": [
                     *                 "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)"
                     *               ],
                     *               "revenueCode": "0905"
                     *             },
                     *             {
                     *               "date": "2026-12-09",
                     *               "week": 1,
                     *               "code": "S9480",
                     *               "codeSystem": "HCPCS",
                     *               "units": 1,
                     *               "description": "Intensive outpatient program day (mental health)",
                     *               "chargeCents": 45000,
                     *               "allowedCents": 25000,
                     *               "deductibleCents": 5000,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 4000,
                     *               "patientPaysCents": 9000,
                     *               "planPaysCents": 16000,
                     *               "balanceBillCents": 0,
                     *               "covered": true,
                     *               "atRisk": false,
                     *               "after": {
                     *                 "deductibleRemainingIndividualCents": 0,
                     *                 "deductibleRemainingFamilyCents": null,
                     *                 "oopRemainingIndividualCents": 446000,
                     *                 "oopRemainingFamilyCents": null
                     *               },
                     *               "cites": [
                     *                 "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                 "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *               ],
                     *               "revenueCode": "0905"
                     *             }
                     *           ],
                     *           "weeks": [
                     *             {
                     *               "week": 1,
                     *               "startDate": "2026-12-07",
                     *               "endDate": "2026-12-13",
                     *               "programDays": 3,
                     *               "hours": 9,
                     *               "chargeCents": 135000,
                     *               "allowedCents": 75000,
                     *               "deductibleCents": 30000,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 9000,
                     *               "patientPaysCents": 39000,
                     *               "planPaysCents": 36000,
                     *               "balanceBillCents": 0,
                     *               "notCoveredCents": 0,
                     *               "patientTotalCents": 39000
                     *             },
                     *             {
                     *               "week": 2,
                     *               "startDate": "2026-12-14",
                     *               "endDate": "2026-12-20",
                     *               "programDays": 3,
                     *               "hours": 9,
                     *               "chargeCents": 135000,
                     *               "allowedCents": 75000,
                     *               "deductibleCents": 0,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 15000,
                     *               "patientPaysCents": 15000,
                     *               "planPaysCents": 60000,
                     *               "balanceBillCents": 0,
                     *               "notCoveredCents": 0,
                     *               "patientTotalCents": 15000
                     *             }
                     *           ],
                     *           "totals": {
                     *             "chargeCents": 1620000,
                     *             "allowedCents": 900000,
                     *             "deductibleCents": 180000,
                     *             "copayCents": 0,
                     *             "coinsuranceCents": 144000,
                     *             "patientPaysCents": 324000,
                     *             "planPaysCents": 576000,
                     *             "balanceBillCents": 0,
                     *             "notCoveredCents": 0,
                     *             "patientTotalCents": 324000
                     *           },
                     *           "deductibleMetBeforeProgram": false,
                     *           "milestones": [
                     *             {
                     *               "date": "2026-12-09",
                     *               "kind": "deductible-met",
                     *               "message": "Deductible met"
                     *             },
                     *             {
                     *               "date": "2027-01-01",
                     *               "kind": "plan-year-reset",
                     *               "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *             },
                     *             {
                     *               "date": "2027-01-13",
                     *               "kind": "deductible-met",
                     *               "message": "Deductible met"
                     *             }
                     *           ],
                     *           "atRiskLines": 0,
                     *           "notCoveredLines": 0,
                     *           "deductibleMetOn": "2026-12-09"
                     *         },
                     *         "high": {
                     *           "scenario": "high",
                     *           "network": "in",
                     *           "coverage": "covered",
                     *           "assumptionIds": [
                     *             "plan-year-calendar"
                     *           ],
                     *           "lines": [
                     *             {
                     *               "date": "2026-12-07",
                     *               "week": 1,
                     *               "code": "S9480",
                     *               "codeSystem": "HCPCS",
                     *               "units": 1,
                     *               "description": "Intensive outpatient program day (mental health)",
                     *               "chargeCents": 45000,
                     *               "allowedCents": 25000,
                     *               "deductibleCents": 25000,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 0,
                     *               "patientPaysCents": 25000,
                     *               "planPaysCents": 0,
                     *               "balanceBillCents": 0,
                     *               "covered": true,
                     *               "atRisk": false,
                     *               "after": {
                     *                 "deductibleRemainingIndividualCents": 5000,
                     *                 "deductibleRemainingFamilyCents": null,
                     *                 "oopRemainingIndividualCents": 455000,
                     *                 "oopRemainingFamilyCents": null
                     *               },
                     *               "cites": [
                     *                 "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)"
                     *               ],
                     *               "revenueCode": "0905"
                     *             },
                     *             {
                     *               "date": "2026-12-09",
                     *               "week": 1,
                     *               "code": "S9480",
                     *               "codeSystem": "HCPCS",
                     *               "units": 1,
                     *               "description": "Intensive outpatient program day (mental health)",
                     *               "chargeCents": 45000,
                     *               "allowedCents": 25000,
                     *               "deductibleCents": 5000,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 4000,
                     *               "patientPaysCents": 9000,
                     *               "planPaysCents": 16000,
                     *               "balanceBillCents": 0,
                     *               "covered": true,
                     *               "atRisk": false,
                     *               "after": {
                     *                 "deductibleRemainingIndividualCents": 0,
                     *                 "deductibleRemainingFamilyCents": null,
                     *                 "oopRemainingIndividualCents": 446000,
                     *                 "oopRemainingFamilyCents": null
                     *               },
                     *               "cites": [
                     *                 "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                 "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *               ],
                     *               "revenueCode": "0905"
                     *             }
                     *           ],
                     *           "weeks": [
                     *             {
                     *               "week": 1,
                     *               "startDate": "2026-12-07",
                     *               "endDate": "2026-12-13",
                     *               "programDays": 3,
                     *               "hours": 9,
                     *               "chargeCents": 135000,
                     *               "allowedCents": 75000,
                     *               "deductibleCents": 30000,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 9000,
                     *               "patientPaysCents": 39000,
                     *               "planPaysCents": 36000,
                     *               "balanceBillCents": 0,
                     *               "notCoveredCents": 0,
                     *               "patientTotalCents": 39000
                     *             },
                     *             {
                     *               "week": 2,
                     *               "startDate": "2026-12-14",
                     *               "endDate": "2026-12-20",
                     *               "programDays": 3,
                     *               "hours": 9,
                     *               "chargeCents": 135000,
                     *               "allowedCents": 75000,
                     *               "deductibleCents": 0,
                     *               "copayCents": 0,
                     *               "coinsuranceCents": 15000,
                     *               "patientPaysCents": 15000,
                     *               "planPaysCents": 60000,
                     *               "balanceBillCents": 0,
                     *               "notCoveredCents": 0,
                     *               "patientTotalCents": 15000
                     *             }
                     *           ],
                     *           "totals": {
                     *             "chargeCents": 1620000,
                     *             "allowedCents": 900000,
                     *             "deductibleCents": 180000,
                     *             "copayCents": 0,
                     *             "coinsuranceCents": 144000,
                     *             "patientPaysCents": 324000,
                     *             "planPaysCents": 576000,
                     *             "balanceBillCents": 0,
                     *             "notCoveredCents": 0,
                     *             "patientTotalCents": 324000
                     *           },
                     *           "deductibleMetBeforeProgram": false,
                     *           "milestones": [
                     *             {
                     *               "date": "2026-12-09",
                     *               "kind": "deductible-met",
                     *               "message": "Deductible met"
                     *             },
                     *             {
                     *               "date": "2027-01-01",
                     *               "kind": "plan-year-reset",
                     *               "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *             },
                     *             {
                     *               "date": "2027-01-13",
                     *               "kind": "deductible-met",
                     *               "message": "Deductible met"
                     *             }
                     *           ],
                     *           "atRiskLines": 0,
                     *           "notCoveredLines": 0,
                     *           "deductibleMetOn": "2026-12-09"
                     *         },
                     *         "range": {
                     *           "lowCents": 324000,
                     *           "expectedCents": 324000,
                     *           "highCents": 324000
                     *         },
                     *         "confidence": {
                     *           "level": "medium",
                     *           "reasons": [
                     *             "The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset."
                     *           ]
                     *         },
                     *         "assumptions": [
                     *           {
                     *             "id": "plan-year-calendar",
                     *             "text": "The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset.",
                     *             "scenarios": [
                     *               "low",
                     *               "expected",
                     *               "high"
                     *             ],
                     *             "impact": "medium"
                     *           }
                     *         ],
                     *         "notices": [
                     *           "The payer's answer did not say whether prior authorization is required, but this payer's rules say it is: without it the payer may deny every day."
                     *         ],
                     *         "payerUnknowns": [],
                     *         "summary": "You will likely pay about $3,240 over 12 weeks.",
                     *         "balanceBillingDependsOnStateLaw": false
                     *       },
                     *       "paymentPlans": [
                     *         {
                     *           "months": 3,
                     *           "monthlyCents": 108000,
                     *           "firstPaymentCents": 108000,
                     *           "lastPaymentCents": 108000,
                     *           "payments": [
                     *             108000,
                     *             108000,
                     *             108000
                     *           ],
                     *           "totalCents": 324000
                     *         },
                     *         {
                     *           "months": 6,
                     *           "monthlyCents": 54000,
                     *           "firstPaymentCents": 54000,
                     *           "lastPaymentCents": 54000,
                     *           "payments": [
                     *             54000,
                     *             54000,
                     *             54000,
                     *             54000,
                     *             54000,
                     *             54000
                     *           ],
                     *           "totalCents": 324000
                     *         },
                     *         {
                     *           "months": 12,
                     *           "monthlyCents": 27000,
                     *           "firstPaymentCents": 27000,
                     *           "lastPaymentCents": 27000,
                     *           "payments": [
                     *             27000,
                     *             27000,
                     *             27000,
                     *             27000,
                     *             27000,
                     *             27000,
                     *             27000,
                     *             27000,
                     *             27000,
                     *             27000,
                     *             27000,
                     *             27000
                     *           ],
                     *           "totalCents": 324000
                     *         }
                     *       ],
                     *       "priorAuth": {
                     *         "authorization": {
                     *           "required": "required",
                     *           "reasons": [
                     *             {
                     *               "text": "Sandbox PPO requires prior authorization before the first IOP or PHP day.",
                     *               "source": "rule sandbox-ppo-iop-php: Sandbox choice: the common commercial PPO pattern (PA before admission, weekly concurrent review) [illustrative]"
                     *             }
                     *           ],
                     *           "conflict": false
                     *         },
                     *         "referral": {
                     *           "required": "not-required",
                     *           "reasons": [
                     *             {
                     *               "text": "Open-access plan types do not usually require a referral.",
                     *               "source": "rule default-referral-open-access: Service policy: open-access plans need no referral by default [illustrative]"
                     *             }
                     *           ],
                     *           "conflict": false
                     *         },
                     *         "days": [
                     *           {
                     *             "date": "2026-12-07",
                     *             "authorization": "yes",
                     *             "ruleId": "sandbox-ppo-iop-php"
                     *           },
                     *           {
                     *             "date": "2026-12-09",
                     *             "authorization": "yes",
                     *             "ruleId": "sandbox-ppo-iop-php"
                     *           },
                     *           {
                     *             "date": "2026-12-11",
                     *             "authorization": "yes",
                     *             "ruleId": "sandbox-ppo-iop-php"
                     *           }
                     *         ],
                     *         "submission": [
                     *           {
                     *             "method": "portal",
                     *             "text": "Sandbox PPO provider portal: Authorizations > Behavioral health > New request."
                     *           },
                     *           {
                     *             "method": "phone",
                     *             "text": "Sandbox utilization management line (synthetic): 555-0100."
                     *           }
                     *         ],
                     *         "decisionTime": {
                     *           "standardCalendarDays": 15,
                     *           "text": "ERISA group health plans decide pre-service claims within 15 days (29 CFR 2560.503-1(f)(2)(iii)(B)); used as the default when no payer-specific time is known.",
                     *           "ruleId": "erisa-pre-service-decision-time"
                     *         },
                     *         "timeline": {
                     *           "submitBy": "2026-11-20",
                     *           "initialAuthorizationCovers": {
                     *             "from": "2026-12-07",
                     *             "to": "2026-12-28",
                     *             "days": 10
                     *           },
                     *           "reviews": [
                     *             {
                     *               "date": "2026-12-25",
                     *               "coversThrough": "2027-01-04"
                     *             },
                     *             {
                     *               "date": "2027-01-01",
                     *               "coversThrough": "2027-01-11"
                     *             },
                     *             {
                     *               "date": "2027-01-08",
                     *               "coversThrough": "2027-01-18"
                     *             },
                     *             {
                     *               "date": "2027-01-15",
                     *               "coversThrough": "2027-01-25"
                     *             },
                     *             {
                     *               "date": "2027-01-22",
                     *               "coversThrough": "2027-02-01"
                     *             },
                     *             {
                     *               "date": "2027-01-29",
                     *               "coversThrough": "2027-02-08"
                     *             },
                     *             {
                     *               "date": "2027-02-05",
                     *               "coversThrough": "2027-02-15"
                     *             },
                     *             {
                     *               "date": "2027-02-12",
                     *               "coversThrough": "2027-02-22"
                     *             },
                     *             {
                     *               "date": "2027-02-19",
                     *               "coversThrough": "2027-03-01"
                     *             }
                     *           ],
                     *           "daysAtRiskWithoutApproval": [
                     *             "2026-12-07",
                     *             "2026-12-09",
                     *             "2026-12-11"
                     *           ],
                     *           "notes": [
                     *             "Submit by 2026-11-20 so a standard decision (15 calendar days) is due before the first day that needs authorization (2026-12-07).",
                     *             "The submit-by date fell on a Saturday (2026-11-21); moved to the Friday before (2026-11-20), the last working day, so the request does not wait for Monday.",
                     *             "9 concurrent review date(s) fell on a weekend and were moved to the Friday before: payer utilization-review staff and clinic staff work weekdays, and a late review leaves days unapproved.",
                     *             "Concurrent review every 7 days, submitted 2 days before the last covered day (rule sandbox-ppo-iop-php: Sandbox choice: the common commercial PPO pattern (PA before admission, weekly concurrent review) [illustrative]).",
                     *             "Requested on 2026-11-26: the decision may not arrive until 2026-12-11, so 3 program day(s) would be given without approval."
                     *           ],
                     *           "decisionDueBy": "2026-12-11"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["EstimateResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    compareEstimates: {
        parameters: {
            query?: never;
            header?: {
                /** @description With `eligibility`: `no-cache` asks the payer even when a fresh answer is cached. */
                "cache-control"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompareRequest"];
            };
        };
        responses: {
            /** @description One row per level of care. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rows": [
                     *         {
                     *           "levelOfCare": "iop-mental-health",
                     *           "label": "Intensive outpatient (mental health)",
                     *           "schedule": {
                     *             "firstDate": "2026-12-07",
                     *             "lastDate": "2027-01-29",
                     *             "weeks": 8,
                     *             "programDays": 24,
                     *             "daysPerWeek": 3,
                     *             "hoursPerDay": 3,
                     *             "hoursPerWeek": 9,
                     *             "totalProgramHours": 72
                     *           },
                     *           "lowCents": 264000,
                     *           "expectedCents": 264000,
                     *           "highCents": 264000,
                     *           "weeklyExpectedCents": [
                     *             39000,
                     *             15000,
                     *             15000,
                     *             35000,
                     *             75000,
                     *             55000,
                     *             15000,
                     *             15000
                     *           ],
                     *           "perHourExpectedCents": 3667,
                     *           "confidence": {
                     *             "level": "medium",
                     *             "reasons": [
                     *               "The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset."
                     *             ]
                     *           },
                     *           "summary": "You will likely pay about $2,640 over 8 weeks.",
                     *           "estimate": {
                     *             "levelOfCare": "iop-mental-health",
                     *             "payerId": "sandbox-ppo",
                     *             "asOf": "2026-11-26",
                     *             "networkStatus": "in",
                     *             "planYear": {
                     *               "startMonth": 1,
                     *               "startDay": 1,
                     *               "source": "assumed"
                     *             },
                     *             "schedule": {
                     *               "firstDate": "2026-12-07",
                     *               "lastDate": "2027-01-29",
                     *               "weeks": 8,
                     *               "programDays": 24,
                     *               "daysPerWeek": 3,
                     *               "hoursPerDay": 3,
                     *               "hoursPerWeek": 9,
                     *               "totalProgramHours": 72
                     *             },
                     *             "planWarnings": [],
                     *             "low": {
                     *               "scenario": "low",
                     *               "network": "in",
                     *               "coverage": "covered",
                     *               "assumptionIds": [
                     *                 "plan-year-calendar"
                     *               ],
                     *               "lines": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "S9480",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Intensive outpatient program day (mental health)",
                     *                   "chargeCents": 45000,
                     *                   "allowedCents": 25000,
                     *                   "deductibleCents": 25000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 0,
                     *                   "patientPaysCents": 25000,
                     *                   "planPaysCents": 0,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 5000,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 455000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)"
                     *                   ],
                     *                   "revenueCode": "0905"
                     *                 },
                     *                 {
                     *                   "date": "2026-12-09",
                     *                   "week": 1,
                     *                   "code": "S9480",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Intensive outpatient program day (mental health)",
                     *                   "chargeCents": 45000,
                     *                   "allowedCents": 25000,
                     *                   "deductibleCents": 5000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 4000,
                     *                   "patientPaysCents": 9000,
                     *                   "planPaysCents": 16000,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 446000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ],
                     *                   "revenueCode": "0905"
                     *                 }
                     *               ],
                     *               "weeks": [
                     *                 {
                     *                   "week": 1,
                     *                   "startDate": "2026-12-07",
                     *                   "endDate": "2026-12-13",
                     *                   "programDays": 3,
                     *                   "hours": 9,
                     *                   "chargeCents": 135000,
                     *                   "allowedCents": 75000,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 9000,
                     *                   "patientPaysCents": 39000,
                     *                   "planPaysCents": 36000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 39000
                     *                 },
                     *                 {
                     *                   "week": 2,
                     *                   "startDate": "2026-12-14",
                     *                   "endDate": "2026-12-20",
                     *                   "programDays": 3,
                     *                   "hours": 9,
                     *                   "chargeCents": 135000,
                     *                   "allowedCents": 75000,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 15000,
                     *                   "patientPaysCents": 15000,
                     *                   "planPaysCents": 60000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 15000
                     *                 }
                     *               ],
                     *               "totals": {
                     *                 "chargeCents": 1080000,
                     *                 "allowedCents": 600000,
                     *                 "deductibleCents": 180000,
                     *                 "copayCents": 0,
                     *                 "coinsuranceCents": 84000,
                     *                 "patientPaysCents": 264000,
                     *                 "planPaysCents": 336000,
                     *                 "balanceBillCents": 0,
                     *                 "notCoveredCents": 0,
                     *                 "patientTotalCents": 264000
                     *               },
                     *               "deductibleMetBeforeProgram": false,
                     *               "milestones": [
                     *                 {
                     *                   "date": "2026-12-09",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-01",
                     *                   "kind": "plan-year-reset",
                     *                   "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-13",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 }
                     *               ],
                     *               "atRiskLines": 0,
                     *               "notCoveredLines": 0,
                     *               "deductibleMetOn": "2026-12-09"
                     *             },
                     *             "expected": {
                     *               "scenario": "expected",
                     *               "network": "in",
                     *               "coverage": "covered",
                     *               "assumptionIds": [
                     *                 "plan-year-calendar"
                     *               ],
                     *               "lines": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "S9480",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Intensive outpatient program day (mental health)",
                     *                   "chargeCents": 45000,
                     *                   "allowedCents": 25000,
                     *                   "deductibleCents": 25000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 0,
                     *                   "patientPaysCents": 25000,
                     *                   "planPaysCents": 0,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 5000,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 455000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)"
                     *                   ],
                     *                   "revenueCode": "0905"
                     *                 },
                     *                 {
                     *                   "date": "2026-12-09",
                     *                   "week": 1,
                     *                   "code": "S9480",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Intensive outpatient program day (mental health)",
                     *                   "chargeCents": 45000,
                     *                   "allowedCents": 25000,
                     *                   "deductibleCents": 5000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 4000,
                     *                   "patientPaysCents": 9000,
                     *                   "planPaysCents": 16000,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 446000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ],
                     *                   "revenueCode": "0905"
                     *                 }
                     *               ],
                     *               "weeks": [
                     *                 {
                     *                   "week": 1,
                     *                   "startDate": "2026-12-07",
                     *                   "endDate": "2026-12-13",
                     *                   "programDays": 3,
                     *                   "hours": 9,
                     *                   "chargeCents": 135000,
                     *                   "allowedCents": 75000,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 9000,
                     *                   "patientPaysCents": 39000,
                     *                   "planPaysCents": 36000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 39000
                     *                 },
                     *                 {
                     *                   "week": 2,
                     *                   "startDate": "2026-12-14",
                     *                   "endDate": "2026-12-20",
                     *                   "programDays": 3,
                     *                   "hours": 9,
                     *                   "chargeCents": 135000,
                     *                   "allowedCents": 75000,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 15000,
                     *                   "patientPaysCents": 15000,
                     *                   "planPaysCents": 60000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 15000
                     *                 }
                     *               ],
                     *               "totals": {
                     *                 "chargeCents": 1080000,
                     *                 "allowedCents": 600000,
                     *                 "deductibleCents": 180000,
                     *                 "copayCents": 0,
                     *                 "coinsuranceCents": 84000,
                     *                 "patientPaysCents": 264000,
                     *                 "planPaysCents": 336000,
                     *                 "balanceBillCents": 0,
                     *                 "notCoveredCents": 0,
                     *                 "patientTotalCents": 264000
                     *               },
                     *               "deductibleMetBeforeProgram": false,
                     *               "milestones": [
                     *                 {
                     *                   "date": "2026-12-09",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-01",
                     *                   "kind": "plan-year-reset",
                     *                   "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-13",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 }
                     *               ],
                     *               "atRiskLines": 0,
                     *               "notCoveredLines": 0,
                     *               "deductibleMetOn": "2026-12-09"
                     *             },
                     *             "high": {
                     *               "scenario": "high",
                     *               "network": "in",
                     *               "coverage": "covered",
                     *               "assumptionIds": [
                     *                 "plan-year-calendar"
                     *               ],
                     *               "lines": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "S9480",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Intensive outpatient program day (mental health)",
                     *                   "chargeCents": 45000,
                     *                   "allowedCents": 25000,
                     *                   "deductibleCents": 25000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 0,
                     *                   "patientPaysCents": 25000,
                     *                   "planPaysCents": 0,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 5000,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 455000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)"
                     *                   ],
                     *                   "revenueCode": "0905"
                     *                 },
                     *                 {
                     *                   "date": "2026-12-09",
                     *                   "week": 1,
                     *                   "code": "S9480",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Intensive outpatient program day (mental health)",
                     *                   "chargeCents": 45000,
                     *                   "allowedCents": 25000,
                     *                   "deductibleCents": 5000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 4000,
                     *                   "patientPaysCents": 9000,
                     *                   "planPaysCents": 16000,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 446000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ],
                     *                   "revenueCode": "0905"
                     *                 }
                     *               ],
                     *               "weeks": [
                     *                 {
                     *                   "week": 1,
                     *                   "startDate": "2026-12-07",
                     *                   "endDate": "2026-12-13",
                     *                   "programDays": 3,
                     *                   "hours": 9,
                     *                   "chargeCents": 135000,
                     *                   "allowedCents": 75000,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 9000,
                     *                   "patientPaysCents": 39000,
                     *                   "planPaysCents": 36000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 39000
                     *                 },
                     *                 {
                     *                   "week": 2,
                     *                   "startDate": "2026-12-14",
                     *                   "endDate": "2026-12-20",
                     *                   "programDays": 3,
                     *                   "hours": 9,
                     *                   "chargeCents": 135000,
                     *                   "allowedCents": 75000,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 15000,
                     *                   "patientPaysCents": 15000,
                     *                   "planPaysCents": 60000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 15000
                     *                 }
                     *               ],
                     *               "totals": {
                     *                 "chargeCents": 1080000,
                     *                 "allowedCents": 600000,
                     *                 "deductibleCents": 180000,
                     *                 "copayCents": 0,
                     *                 "coinsuranceCents": 84000,
                     *                 "patientPaysCents": 264000,
                     *                 "planPaysCents": 336000,
                     *                 "balanceBillCents": 0,
                     *                 "notCoveredCents": 0,
                     *                 "patientTotalCents": 264000
                     *               },
                     *               "deductibleMetBeforeProgram": false,
                     *               "milestones": [
                     *                 {
                     *                   "date": "2026-12-09",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-01",
                     *                   "kind": "plan-year-reset",
                     *                   "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-13",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 }
                     *               ],
                     *               "atRiskLines": 0,
                     *               "notCoveredLines": 0,
                     *               "deductibleMetOn": "2026-12-09"
                     *             },
                     *             "range": {
                     *               "lowCents": 264000,
                     *               "expectedCents": 264000,
                     *               "highCents": 264000
                     *             },
                     *             "confidence": {
                     *               "level": "medium",
                     *               "reasons": [
                     *                 "The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset."
                     *               ]
                     *             },
                     *             "assumptions": [
                     *               {
                     *                 "id": "plan-year-calendar",
                     *                 "text": "The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset.",
                     *                 "scenarios": [
                     *                   "low",
                     *                   "expected",
                     *                   "high"
                     *                 ],
                     *                 "impact": "medium"
                     *               }
                     *             ],
                     *             "notices": [
                     *               "The payer did not say whether prior authorization is required; ask before the first day."
                     *             ],
                     *             "payerUnknowns": [],
                     *             "summary": "You will likely pay about $2,640 over 8 weeks.",
                     *             "balanceBillingDependsOnStateLaw": false
                     *           }
                     *         },
                     *         {
                     *           "levelOfCare": "partial-hospitalization",
                     *           "label": "Partial hospitalization",
                     *           "schedule": {
                     *             "firstDate": "2026-12-07",
                     *             "lastDate": "2027-01-01",
                     *             "weeks": 4,
                     *             "programDays": 20,
                     *             "daysPerWeek": 5,
                     *             "hoursPerDay": 6,
                     *             "hoursPerWeek": 30,
                     *             "totalProgramHours": 120
                     *           },
                     *           "lowCents": 240000,
                     *           "expectedCents": 240000,
                     *           "highCents": 240000,
                     *           "weeklyExpectedCents": [
                     *             69000,
                     *             45000,
                     *             45000,
                     *             81000
                     *           ],
                     *           "perHourExpectedCents": 2000,
                     *           "confidence": {
                     *             "level": "medium",
                     *             "reasons": [
                     *               "The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset."
                     *             ]
                     *           },
                     *           "summary": "You will likely pay about $2,400 over 4 weeks.",
                     *           "estimate": {
                     *             "levelOfCare": "partial-hospitalization",
                     *             "payerId": "sandbox-ppo",
                     *             "asOf": "2026-11-26",
                     *             "networkStatus": "in",
                     *             "planYear": {
                     *               "startMonth": 1,
                     *               "startDay": 1,
                     *               "source": "assumed"
                     *             },
                     *             "schedule": {
                     *               "firstDate": "2026-12-07",
                     *               "lastDate": "2027-01-01",
                     *               "weeks": 4,
                     *               "programDays": 20,
                     *               "daysPerWeek": 5,
                     *               "hoursPerDay": 6,
                     *               "hoursPerWeek": 30,
                     *               "totalProgramHours": 120
                     *             },
                     *             "planWarnings": [],
                     *             "low": {
                     *               "scenario": "low",
                     *               "network": "in",
                     *               "coverage": "covered",
                     *               "assumptionIds": [
                     *                 "plan-year-calendar"
                     *               ],
                     *               "lines": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "H0035",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Partial hospitalization program day",
                     *                   "chargeCents": 85000,
                     *                   "allowedCents": 45000,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 3000,
                     *                   "patientPaysCents": 33000,
                     *                   "planPaysCents": 12000,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 447000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ],
                     *                   "revenueCode": "0913"
                     *                 },
                     *                 {
                     *                   "date": "2026-12-08",
                     *                   "week": 1,
                     *                   "code": "H0035",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Partial hospitalization program day",
                     *                   "chargeCents": 85000,
                     *                   "allowedCents": 45000,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 9000,
                     *                   "patientPaysCents": 9000,
                     *                   "planPaysCents": 36000,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 438000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ],
                     *                   "revenueCode": "0913"
                     *                 }
                     *               ],
                     *               "weeks": [
                     *                 {
                     *                   "week": 1,
                     *                   "startDate": "2026-12-07",
                     *                   "endDate": "2026-12-13",
                     *                   "programDays": 5,
                     *                   "hours": 30,
                     *                   "chargeCents": 425000,
                     *                   "allowedCents": 225000,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 39000,
                     *                   "patientPaysCents": 69000,
                     *                   "planPaysCents": 156000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 69000
                     *                 },
                     *                 {
                     *                   "week": 2,
                     *                   "startDate": "2026-12-14",
                     *                   "endDate": "2026-12-20",
                     *                   "programDays": 5,
                     *                   "hours": 30,
                     *                   "chargeCents": 425000,
                     *                   "allowedCents": 225000,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 45000,
                     *                   "patientPaysCents": 45000,
                     *                   "planPaysCents": 180000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 45000
                     *                 }
                     *               ],
                     *               "totals": {
                     *                 "chargeCents": 1700000,
                     *                 "allowedCents": 900000,
                     *                 "deductibleCents": 75000,
                     *                 "copayCents": 0,
                     *                 "coinsuranceCents": 165000,
                     *                 "patientPaysCents": 240000,
                     *                 "planPaysCents": 660000,
                     *                 "balanceBillCents": 0,
                     *                 "notCoveredCents": 0,
                     *                 "patientTotalCents": 240000
                     *               },
                     *               "deductibleMetBeforeProgram": false,
                     *               "milestones": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-01",
                     *                   "kind": "plan-year-reset",
                     *                   "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *                 }
                     *               ],
                     *               "atRiskLines": 0,
                     *               "notCoveredLines": 0,
                     *               "deductibleMetOn": "2026-12-07"
                     *             },
                     *             "expected": {
                     *               "scenario": "expected",
                     *               "network": "in",
                     *               "coverage": "covered",
                     *               "assumptionIds": [
                     *                 "plan-year-calendar"
                     *               ],
                     *               "lines": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "H0035",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Partial hospitalization program day",
                     *                   "chargeCents": 85000,
                     *                   "allowedCents": 45000,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 3000,
                     *                   "patientPaysCents": 33000,
                     *                   "planPaysCents": 12000,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 447000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ],
                     *                   "revenueCode": "0913"
                     *                 },
                     *                 {
                     *                   "date": "2026-12-08",
                     *                   "week": 1,
                     *                   "code": "H0035",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Partial hospitalization program day",
                     *                   "chargeCents": 85000,
                     *                   "allowedCents": 45000,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 9000,
                     *                   "patientPaysCents": 9000,
                     *                   "planPaysCents": 36000,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 438000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ],
                     *                   "revenueCode": "0913"
                     *                 }
                     *               ],
                     *               "weeks": [
                     *                 {
                     *                   "week": 1,
                     *                   "startDate": "2026-12-07",
                     *                   "endDate": "2026-12-13",
                     *                   "programDays": 5,
                     *                   "hours": 30,
                     *                   "chargeCents": 425000,
                     *                   "allowedCents": 225000,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 39000,
                     *                   "patientPaysCents": 69000,
                     *                   "planPaysCents": 156000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 69000
                     *                 },
                     *                 {
                     *                   "week": 2,
                     *                   "startDate": "2026-12-14",
                     *                   "endDate": "2026-12-20",
                     *                   "programDays": 5,
                     *                   "hours": 30,
                     *                   "chargeCents": 425000,
                     *                   "allowedCents": 225000,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 45000,
                     *                   "patientPaysCents": 45000,
                     *                   "planPaysCents": 180000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 45000
                     *                 }
                     *               ],
                     *               "totals": {
                     *                 "chargeCents": 1700000,
                     *                 "allowedCents": 900000,
                     *                 "deductibleCents": 75000,
                     *                 "copayCents": 0,
                     *                 "coinsuranceCents": 165000,
                     *                 "patientPaysCents": 240000,
                     *                 "planPaysCents": 660000,
                     *                 "balanceBillCents": 0,
                     *                 "notCoveredCents": 0,
                     *                 "patientTotalCents": 240000
                     *               },
                     *               "deductibleMetBeforeProgram": false,
                     *               "milestones": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-01",
                     *                   "kind": "plan-year-reset",
                     *                   "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *                 }
                     *               ],
                     *               "atRiskLines": 0,
                     *               "notCoveredLines": 0,
                     *               "deductibleMetOn": "2026-12-07"
                     *             },
                     *             "high": {
                     *               "scenario": "high",
                     *               "network": "in",
                     *               "coverage": "covered",
                     *               "assumptionIds": [
                     *                 "plan-year-calendar"
                     *               ],
                     *               "lines": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "H0035",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Partial hospitalization program day",
                     *                   "chargeCents": 85000,
                     *                   "allowedCents": 45000,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 3000,
                     *                   "patientPaysCents": 33000,
                     *                   "planPaysCents": 12000,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 447000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ],
                     *                   "revenueCode": "0913"
                     *                 },
                     *                 {
                     *                   "date": "2026-12-08",
                     *                   "week": 1,
                     *                   "code": "H0035",
                     *                   "codeSystem": "HCPCS",
                     *                   "units": 1,
                     *                   "description": "Partial hospitalization program day",
                     *                   "chargeCents": 85000,
                     *                   "allowedCents": 45000,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 9000,
                     *                   "patientPaysCents": 9000,
                     *                   "planPaysCents": 36000,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 438000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ],
                     *                   "revenueCode": "0913"
                     *                 }
                     *               ],
                     *               "weeks": [
                     *                 {
                     *                   "week": 1,
                     *                   "startDate": "2026-12-07",
                     *                   "endDate": "2026-12-13",
                     *                   "programDays": 5,
                     *                   "hours": 30,
                     *                   "chargeCents": 425000,
                     *                   "allowedCents": 225000,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 39000,
                     *                   "patientPaysCents": 69000,
                     *                   "planPaysCents": 156000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 69000
                     *                 },
                     *                 {
                     *                   "week": 2,
                     *                   "startDate": "2026-12-14",
                     *                   "endDate": "2026-12-20",
                     *                   "programDays": 5,
                     *                   "hours": 30,
                     *                   "chargeCents": 425000,
                     *                   "allowedCents": 225000,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 45000,
                     *                   "patientPaysCents": 45000,
                     *                   "planPaysCents": 180000,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 45000
                     *                 }
                     *               ],
                     *               "totals": {
                     *                 "chargeCents": 1700000,
                     *                 "allowedCents": 900000,
                     *                 "deductibleCents": 75000,
                     *                 "copayCents": 0,
                     *                 "coinsuranceCents": 165000,
                     *                 "patientPaysCents": 240000,
                     *                 "planPaysCents": 660000,
                     *                 "balanceBillCents": 0,
                     *                 "notCoveredCents": 0,
                     *                 "patientTotalCents": 240000
                     *               },
                     *               "deductibleMetBeforeProgram": false,
                     *               "milestones": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-01",
                     *                   "kind": "plan-year-reset",
                     *                   "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *                 }
                     *               ],
                     *               "atRiskLines": 0,
                     *               "notCoveredLines": 0,
                     *               "deductibleMetOn": "2026-12-07"
                     *             },
                     *             "range": {
                     *               "lowCents": 240000,
                     *               "expectedCents": 240000,
                     *               "highCents": 240000
                     *             },
                     *             "confidence": {
                     *               "level": "medium",
                     *               "reasons": [
                     *                 "The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset."
                     *               ]
                     *             },
                     *             "assumptions": [
                     *               {
                     *                 "id": "plan-year-calendar",
                     *                 "text": "The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset.",
                     *                 "scenarios": [
                     *                   "low",
                     *                   "expected",
                     *                   "high"
                     *                 ],
                     *                 "impact": "medium"
                     *               }
                     *             ],
                     *             "notices": [
                     *               "The payer did not say whether prior authorization is required; ask before the first day."
                     *             ],
                     *             "payerUnknowns": [],
                     *             "summary": "You will likely pay about $2,400 over 4 weeks.",
                     *             "balanceBillingDependsOnStateLaw": false
                     *           }
                     *         },
                     *         {
                     *           "levelOfCare": "outpatient-therapy",
                     *           "label": "Outpatient therapy",
                     *           "schedule": {
                     *             "firstDate": "2026-12-07",
                     *             "lastDate": "2027-02-22",
                     *             "weeks": 12,
                     *             "programDays": 12,
                     *             "daysPerWeek": 1,
                     *             "hoursPerDay": 1,
                     *             "hoursPerWeek": 1,
                     *             "totalProgramHours": 12
                     *           },
                     *           "lowCents": 163120,
                     *           "expectedCents": 163120,
                     *           "highCents": 163120,
                     *           "weeklyExpectedCents": [
                     *             30680,
                     *             3080,
                     *             3080,
                     *             3080,
                     *             15400,
                     *             15400,
                     *             15400,
                     *             15400,
                     *             15400,
                     *             15400,
                     *             15400,
                     *             15400
                     *           ],
                     *           "perHourExpectedCents": 13593,
                     *           "confidence": {
                     *             "level": "medium",
                     *             "reasons": [
                     *               "The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset."
                     *             ]
                     *           },
                     *           "summary": "You will likely pay about $1,630 over 12 weeks.",
                     *           "estimate": {
                     *             "levelOfCare": "outpatient-therapy",
                     *             "payerId": "sandbox-ppo",
                     *             "asOf": "2026-11-26",
                     *             "networkStatus": "in",
                     *             "planYear": {
                     *               "startMonth": 1,
                     *               "startDay": 1,
                     *               "source": "assumed"
                     *             },
                     *             "schedule": {
                     *               "firstDate": "2026-12-07",
                     *               "lastDate": "2027-02-22",
                     *               "weeks": 12,
                     *               "programDays": 12,
                     *               "daysPerWeek": 1,
                     *               "hoursPerDay": 1,
                     *               "hoursPerWeek": 1,
                     *               "totalProgramHours": 12
                     *             },
                     *             "planWarnings": [],
                     *             "low": {
                     *               "scenario": "low",
                     *               "network": "in",
                     *               "coverage": "covered",
                     *               "assumptionIds": [
                     *                 "plan-year-calendar"
                     *               ],
                     *               "lines": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "90791",
                     *                   "codeSystem": "CPT",
                     *                   "units": 1,
                     *                   "description": "Psychiatric diagnostic evaluation",
                     *                   "chargeCents": 30000,
                     *                   "allowedCents": 18000,
                     *                   "deductibleCents": 18000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 0,
                     *                   "patientPaysCents": 18000,
                     *                   "planPaysCents": 0,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 12000,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 462000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)"
                     *                   ]
                     *                 },
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "90837",
                     *                   "codeSystem": "CPT",
                     *                   "units": 1,
                     *                   "description": "Individual therapy, 60 minutes",
                     *                   "chargeCents": 25000,
                     *                   "allowedCents": 15400,
                     *                   "deductibleCents": 12000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 680,
                     *                   "patientPaysCents": 12680,
                     *                   "planPaysCents": 2720,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 449320,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ]
                     *                 }
                     *               ],
                     *               "weeks": [
                     *                 {
                     *                   "week": 1,
                     *                   "startDate": "2026-12-07",
                     *                   "endDate": "2026-12-13",
                     *                   "programDays": 1,
                     *                   "hours": 1,
                     *                   "chargeCents": 55000,
                     *                   "allowedCents": 33400,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 680,
                     *                   "patientPaysCents": 30680,
                     *                   "planPaysCents": 2720,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 30680
                     *                 },
                     *                 {
                     *                   "week": 2,
                     *                   "startDate": "2026-12-14",
                     *                   "endDate": "2026-12-20",
                     *                   "programDays": 1,
                     *                   "hours": 1,
                     *                   "chargeCents": 25000,
                     *                   "allowedCents": 15400,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 3080,
                     *                   "patientPaysCents": 3080,
                     *                   "planPaysCents": 12320,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 3080
                     *                 }
                     *               ],
                     *               "totals": {
                     *                 "chargeCents": 330000,
                     *                 "allowedCents": 202800,
                     *                 "deductibleCents": 153200,
                     *                 "copayCents": 0,
                     *                 "coinsuranceCents": 9920,
                     *                 "patientPaysCents": 163120,
                     *                 "planPaysCents": 39680,
                     *                 "balanceBillCents": 0,
                     *                 "notCoveredCents": 0,
                     *                 "patientTotalCents": 163120
                     *               },
                     *               "deductibleMetBeforeProgram": false,
                     *               "milestones": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-04",
                     *                   "kind": "plan-year-reset",
                     *                   "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *                 }
                     *               ],
                     *               "atRiskLines": 0,
                     *               "notCoveredLines": 0,
                     *               "deductibleMetOn": "2026-12-07"
                     *             },
                     *             "expected": {
                     *               "scenario": "expected",
                     *               "network": "in",
                     *               "coverage": "covered",
                     *               "assumptionIds": [
                     *                 "plan-year-calendar"
                     *               ],
                     *               "lines": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "90791",
                     *                   "codeSystem": "CPT",
                     *                   "units": 1,
                     *                   "description": "Psychiatric diagnostic evaluation",
                     *                   "chargeCents": 30000,
                     *                   "allowedCents": 18000,
                     *                   "deductibleCents": 18000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 0,
                     *                   "patientPaysCents": 18000,
                     *                   "planPaysCents": 0,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 12000,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 462000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)"
                     *                   ]
                     *                 },
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "90837",
                     *                   "codeSystem": "CPT",
                     *                   "units": 1,
                     *                   "description": "Individual therapy, 60 minutes",
                     *                   "chargeCents": 25000,
                     *                   "allowedCents": 15400,
                     *                   "deductibleCents": 12000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 680,
                     *                   "patientPaysCents": 12680,
                     *                   "planPaysCents": 2720,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 449320,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ]
                     *                 }
                     *               ],
                     *               "weeks": [
                     *                 {
                     *                   "week": 1,
                     *                   "startDate": "2026-12-07",
                     *                   "endDate": "2026-12-13",
                     *                   "programDays": 1,
                     *                   "hours": 1,
                     *                   "chargeCents": 55000,
                     *                   "allowedCents": 33400,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 680,
                     *                   "patientPaysCents": 30680,
                     *                   "planPaysCents": 2720,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 30680
                     *                 },
                     *                 {
                     *                   "week": 2,
                     *                   "startDate": "2026-12-14",
                     *                   "endDate": "2026-12-20",
                     *                   "programDays": 1,
                     *                   "hours": 1,
                     *                   "chargeCents": 25000,
                     *                   "allowedCents": 15400,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 3080,
                     *                   "patientPaysCents": 3080,
                     *                   "planPaysCents": 12320,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 3080
                     *                 }
                     *               ],
                     *               "totals": {
                     *                 "chargeCents": 330000,
                     *                 "allowedCents": 202800,
                     *                 "deductibleCents": 153200,
                     *                 "copayCents": 0,
                     *                 "coinsuranceCents": 9920,
                     *                 "patientPaysCents": 163120,
                     *                 "planPaysCents": 39680,
                     *                 "balanceBillCents": 0,
                     *                 "notCoveredCents": 0,
                     *                 "patientTotalCents": 163120
                     *               },
                     *               "deductibleMetBeforeProgram": false,
                     *               "milestones": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-04",
                     *                   "kind": "plan-year-reset",
                     *                   "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *                 }
                     *               ],
                     *               "atRiskLines": 0,
                     *               "notCoveredLines": 0,
                     *               "deductibleMetOn": "2026-12-07"
                     *             },
                     *             "high": {
                     *               "scenario": "high",
                     *               "network": "in",
                     *               "coverage": "covered",
                     *               "assumptionIds": [
                     *                 "plan-year-calendar"
                     *               ],
                     *               "lines": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "90791",
                     *                   "codeSystem": "CPT",
                     *                   "units": 1,
                     *                   "description": "Psychiatric diagnostic evaluation",
                     *                   "chargeCents": 30000,
                     *                   "allowedCents": 18000,
                     *                   "deductibleCents": 18000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 0,
                     *                   "patientPaysCents": 18000,
                     *                   "planPaysCents": 0,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 12000,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 462000,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)"
                     *                   ]
                     *                 },
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "week": 1,
                     *                   "code": "90837",
                     *                   "codeSystem": "CPT",
                     *                   "units": 1,
                     *                   "description": "Individual therapy, 60 minutes",
                     *                   "chargeCents": 25000,
                     *                   "allowedCents": 15400,
                     *                   "deductibleCents": 12000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 680,
                     *                   "patientPaysCents": 12680,
                     *                   "planPaysCents": 2720,
                     *                   "balanceBillCents": 0,
                     *                   "covered": true,
                     *                   "atRisk": false,
                     *                   "after": {
                     *                     "deductibleRemainingIndividualCents": 0,
                     *                     "deductibleRemainingFamilyCents": null,
                     *                     "oopRemainingIndividualCents": 449320,
                     *                     "oopRemainingFamilyCents": null
                     *                   },
                     *                   "cites": [
                     *                     "deductible: $300 individual remaining from benefit deductible-individual-remaining (manual:deductible-individual-remaining)",
                     *                     "coinsurance: 20% from benefit coinsurance (manual:coinsurance)"
                     *                   ]
                     *                 }
                     *               ],
                     *               "weeks": [
                     *                 {
                     *                   "week": 1,
                     *                   "startDate": "2026-12-07",
                     *                   "endDate": "2026-12-13",
                     *                   "programDays": 1,
                     *                   "hours": 1,
                     *                   "chargeCents": 55000,
                     *                   "allowedCents": 33400,
                     *                   "deductibleCents": 30000,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 680,
                     *                   "patientPaysCents": 30680,
                     *                   "planPaysCents": 2720,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 30680
                     *                 },
                     *                 {
                     *                   "week": 2,
                     *                   "startDate": "2026-12-14",
                     *                   "endDate": "2026-12-20",
                     *                   "programDays": 1,
                     *                   "hours": 1,
                     *                   "chargeCents": 25000,
                     *                   "allowedCents": 15400,
                     *                   "deductibleCents": 0,
                     *                   "copayCents": 0,
                     *                   "coinsuranceCents": 3080,
                     *                   "patientPaysCents": 3080,
                     *                   "planPaysCents": 12320,
                     *                   "balanceBillCents": 0,
                     *                   "notCoveredCents": 0,
                     *                   "patientTotalCents": 3080
                     *                 }
                     *               ],
                     *               "totals": {
                     *                 "chargeCents": 330000,
                     *                 "allowedCents": 202800,
                     *                 "deductibleCents": 153200,
                     *                 "copayCents": 0,
                     *                 "coinsuranceCents": 9920,
                     *                 "patientPaysCents": 163120,
                     *                 "planPaysCents": 39680,
                     *                 "balanceBillCents": 0,
                     *                 "notCoveredCents": 0,
                     *                 "patientTotalCents": 163120
                     *               },
                     *               "deductibleMetBeforeProgram": false,
                     *               "milestones": [
                     *                 {
                     *                   "date": "2026-12-07",
                     *                   "kind": "deductible-met",
                     *                   "message": "Deductible met"
                     *                 },
                     *                 {
                     *                   "date": "2027-01-04",
                     *                   "kind": "plan-year-reset",
                     *                   "message": "New plan year from January 1, 2027: deductible and out-of-pocket totals start over"
                     *                 }
                     *               ],
                     *               "atRiskLines": 0,
                     *               "notCoveredLines": 0,
                     *               "deductibleMetOn": "2026-12-07"
                     *             },
                     *             "range": {
                     *               "lowCents": 163120,
                     *               "expectedCents": 163120,
                     *               "highCents": 163120
                     *             },
                     *             "confidence": {
                     *               "level": "medium",
                     *               "reasons": [
                     *                 "The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset."
                     *               ]
                     *             },
                     *             "assumptions": [
                     *               {
                     *                 "id": "plan-year-calendar",
                     *                 "text": "The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset.",
                     *                 "scenarios": [
                     *                   "low",
                     *                   "expected",
                     *                   "high"
                     *                 ],
                     *                 "impact": "medium"
                     *               }
                     *             ],
                     *             "notices": [
                     *               "The payer did not say whether prior authorization is required; ask before the first day."
                     *             ],
                     *             "payerUnknowns": [],
                     *             "summary": "You will likely pay about $1,630 over 12 weeks.",
                     *             "balanceBillingDependsOnStateLaw": false
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CompareResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createGoodFaithEstimate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GoodFaithEstimateRequest"];
            };
        };
        responses: {
            /** @description The estimate, as JSON or (Accept text/html) a printable document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "issuedOn": "2026-11-26",
                     *       "patient": {
                     *         "phi": {
                     *           "firstName": "Robin",
                     *           "lastName": "Sandbox",
                     *           "dateOfBirth": "1990-05-05"
                     *         }
                     *       },
                     *       "primaryService": {
                     *         "description": "Intensive outpatient (mental health): 10 weeks, 30 program days, 9 hours a week",
                     *         "scheduledDate": "2026-12-14"
                     *       },
                     *       "providers": [
                     *         {
                     *           "key": "provider-1",
                     *           "role": "convening-provider",
                     *           "name": "Example Behavioral Clinic",
                     *           "npi": "1234567893",
                     *           "tin": "12-3456789",
                     *           "location": {
                     *             "line1": "100 Example Way",
                     *             "city": "Springfield",
                     *             "state": "IL",
                     *             "postalCode": "62701"
                     *           }
                     *         }
                     *       ],
                     *       "items": [
                     *         {
                     *           "id": "item-1",
                     *           "providerKey": "provider-1",
                     *           "period": {
                     *             "from": "2026-12-14",
                     *             "to": "2026-12-14"
                     *           },
                     *           "occurrences": 1,
                     *           "code": "90791",
                     *           "codeSystem": "CPT",
                     *           "description": "Psychiatric diagnostic evaluation",
                     *           "quantity": 1,
                     *           "unitChargeCents": 20000,
                     *           "chargeCents": 20000,
                     *           "estimateCents": 8000,
                     *           "discountCents": 12000,
                     *           "diagnosisCodes": [
                     *             "F33.1"
                     *           ]
                     *         },
                     *         {
                     *           "id": "item-2",
                     *           "providerKey": "provider-1",
                     *           "period": {
                     *             "from": "2026-12-14",
                     *             "to": "2027-02-19"
                     *           },
                     *           "occurrences": 30,
                     *           "code": "S9480",
                     *           "codeSystem": "HCPCS",
                     *           "description": "Intensive outpatient program day (mental health)",
                     *           "quantity": 30,
                     *           "unitChargeCents": 30000,
                     *           "chargeCents": 900000,
                     *           "estimateCents": 360000,
                     *           "discountCents": 540000,
                     *           "diagnosisCodes": [
                     *             "F33.1"
                     *           ]
                     *         }
                     *       ],
                     *       "separatelyScheduled": {
                     *         "items": [
                     *           {
                     *             "description": "Psychiatric medication management visits",
                     *             "code": "99214",
                     *             "codeSystem": "CPT"
                     *           }
                     *         ],
                     *         "note": "These items or services are expected to be scheduled separately, before or after this care. They are not priced in this estimate; ask the provider for a separate Good Faith Estimate for each."
                     *       },
                     *       "totals": {
                     *         "perProvider": [
                     *           {
                     *             "providerKey": "provider-1",
                     *             "name": "Example Behavioral Clinic",
                     *             "chargeCents": 920000,
                     *             "estimateCents": 368000,
                     *             "disputeThresholdCents": 408000
                     *           }
                     *         ],
                     *         "chargeCents": 920000,
                     *         "estimateCents": 368000,
                     *         "discountCents": 552000,
                     *         "perWeekCents": 36800
                     *       },
                     *       "disclaimers": [
                     *         {
                     *           "id": "separate-scheduling",
                     *           "text": "Your provider may recommend other items or services as part of your care that must be scheduled or requested separately. They are not included in this estimate; ask for a separate Good Faith Estimate for them.",
                     *           "source": "45 CFR 149.610(c)(1)(viii)"
                     *         },
                     *         {
                     *           "id": "estimate-only",
                     *           "text": "This Good Faith Estimate shows the items and services reasonably expected for your care at the time it was issued. It is only an estimate: actual items, services or charges may differ.",
                     *           "source": "45 CFR 149.610(c)(1)(ix)"
                     *         },
                     *         {
                     *           "id": "not-a-contract",
                     *           "text": "This Good Faith Estimate is not a contract and does not require you to obtain the items or services from any of the providers or facilities listed.",
                     *           "source": "HHS standard Good Faith Estimate form (CMS-10791)"
                     *         },
                     *         {
                     *           "id": "recurring-scope",
                     *           "text": "One Good Faith Estimate may cover recurring services for up to 12 months; a new estimate is issued for services after that.",
                     *           "source": "Recurring-services scope: 12-month limit not yet verified against the CFR text [U]; change re-issue per 45 CFR 149.610(b)(1)(vii)"
                     *         }
                     *       ],
                     *       "dispute": {
                     *         "thresholdCents": 40000,
                     *         "filingWindowDays": 120,
                     *         "feeCents": 2500,
                     *         "infoUrl": "https://www.cms.gov/nosurprises",
                     *         "phone": "1-800-985-3059",
                     *         "text": "If you are billed at least $400.00 more than this estimate by any provider or facility listed, you have the right to dispute the bill through the federal patient-provider dispute resolution process. You must start the dispute within 120 calendar days of the date on the original bill, and there is a $25.00 fee to use the process. To learn how to start a dispute, visit www.cms.gov/nosurprises or call 1-800-985-3059. Starting a dispute will not affect the quality of the health care you receive. Keep a copy of this Good Faith Estimate.",
                     *         "source": "45 CFR 149.610(c)(1)(x); 45 CFR 149.620"
                     *       },
                     *       "delivery": {
                     *         "rule": "scheduled-10-plus-business-days",
                     *         "note": "Scheduled at least 10 business days ahead: deliver within 3 business days of scheduling.",
                     *         "source": "45 CFR 149.610(b)(1)(vi)(B)",
                     *         "leadBusinessDays": 12,
                     *         "deliverBy": "2026-12-01"
                     *       },
                     *       "contentChecklist": [
                     *         {
                     *           "element": "Patient name and date of birth",
                     *           "cfr": "149.610(c)(1)(i)",
                     *           "present": true
                     *         },
                     *         {
                     *           "element": "Description of the primary item or service (and its scheduled date, if any)",
                     *           "cfr": "149.610(c)(1)(ii)",
                     *           "present": true
                     *         },
                     *         {
                     *           "element": "Itemized list of items or services reasonably expected, with expected charges",
                     *           "cfr": "149.610(c)(1)(iii)",
                     *           "present": true
                     *         },
                     *         {
                     *           "element": "Diagnosis codes, service codes and expected charges for each item",
                     *           "cfr": "149.610(c)(1)(iv)",
                     *           "present": true
                     *         },
                     *         {
                     *           "element": "Name, NPI and TIN of each provider or facility, and the state and location of the services",
                     *           "cfr": "149.610(c)(1)(v)",
                     *           "present": true
                     *         },
                     *         {
                     *           "element": "Items or services expected to be scheduled separately, with how to get an estimate for them",
                     *           "cfr": "149.610(c)(1)(vii)",
                     *           "present": true
                     *         },
                     *         {
                     *           "element": "Disclaimer: additional items or services may be recommended and scheduled separately",
                     *           "cfr": "149.610(c)(1)(viii)",
                     *           "present": true
                     *         },
                     *         {
                     *           "element": "Disclaimer: only an estimate; actual items, services or charges may differ",
                     *           "cfr": "149.610(c)(1)(ix)",
                     *           "present": true
                     *         },
                     *         {
                     *           "element": "Disclaimer: right to dispute, where to learn how, no effect on quality of care",
                     *           "cfr": "149.610(c)(1)(x)",
                     *           "present": true
                     *         },
                     *         {
                     *           "element": "Disclaimer: not a contract; not required to obtain the services",
                     *           "cfr": "HHS standard GFE form (CMS-10791)",
                     *           "present": true
                     *         }
                     *       ],
                     *       "warnings": [],
                     *       "recurring": {
                     *         "from": "2026-12-14",
                     *         "to": "2027-02-19",
                     *         "weeks": 10,
                     *         "note": "This estimate covers a recurring series of services over the period shown. If the series changes in scope, frequency or duration, you will receive a new estimate at least 1 business day before the changed services."
                     *       },
                     *       "slidingScale": {
                     *         "tierLabel": "126% to 150% of the poverty guideline",
                     *         "percentOfPovertyText": "147.8743%",
                     *         "guidelineYear": 2026,
                     *         "note": "A sliding-fee discount based on household income and size (147.8743% of the 2026 HHS poverty guideline) is applied to each item; the charge before the discount is shown beside it."
                     *       },
                     *       "contact": "Billing office, 555-0100"
                     *     }
                     */
                    "application/json": components["schemas"]["GoodFaithEstimate"];
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            406: components["responses"]["NotAcceptable"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getIntakeChecklist: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checklist content. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "iop-intake-fit",
                     *       "version": "2026-11-1",
                     *       "title": "Before offering IOP: intake fit checklist",
                     *       "intro": "Ask each question in your own words. A \"yes\" does not rule anyone out: it marks what a clinician should review before Intensive Outpatient is offered.",
                     *       "levelOfCare": "iop-mental-health",
                     *       "answers": [
                     *         "yes",
                     *         "no",
                     *         "unsure"
                     *       ],
                     *       "unsureGuidance": "Not sure yet: note it and ask the clinician to review this point.",
                     *       "flagLabel": "Needs clinical review before IOP",
                     *       "disclaimer": "This checklist supports a conversation; it is not an assessment and never decides admission. A licensed clinician decides the level of care.",
                     *       "privacy": "Answers stay on this screen only: they are not saved, sent or printed, and they clear when the page is closed.",
                     *       "questions": [
                     *         {
                     *           "id": "constant-monitoring",
                     *           "text": "Does the person need constant monitoring, or are their medications being changed often?",
                     *           "help": "IOP meets a few hours a day; people who need round-the-clock observation or frequent medication adjustment may need a more supervised setting first.",
                     *           "flagWhen": "yes",
                     *           "flag": {
                     *             "kind": "clinical-review",
                     *             "reason": "Needs constant monitoring or frequent medication changes: a clinician should consider partial hospitalization or an inpatient setting first."
                     *           },
                     *           "showsCrisisResources": false
                     *         },
                     *         {
                     *           "id": "risk-of-harm",
                     *           "text": "Is the person at risk of harming themselves or someone else?",
                     *           "help": "Ask directly. If the danger is immediate, stay with the person and call 911 or 988 now.",
                     *           "flagWhen": "yes",
                     *           "flag": {
                     *             "kind": "clinical-review",
                     *             "reason": "Risk of harm to self or others: a clinician must assess safety today, before any scheduling."
                     *           },
                     *           "showsCrisisResources": true
                     *         },
                     *         {
                     *           "id": "medical-condition-first",
                     *           "text": "Does the person have a medical condition that needs treatment first (for example withdrawal that needs medical care)?",
                     *           "help": "Unstable medical conditions, including withdrawal needing medical management, are treated before or alongside a higher level of care.",
                     *           "flagWhen": "yes",
                     *           "flag": {
                     *             "kind": "clinical-review",
                     *             "reason": "A medical condition may need treatment first: a clinician should review medical stability and withdrawal risk."
                     *           },
                     *           "showsCrisisResources": false
                     *         },
                     *         {
                     *           "id": "left-treatment-early",
                     *           "text": "Has the person left treatment early before?",
                     *           "help": "Not a reason to refuse care: it helps the team plan extra support to stay engaged.",
                     *           "flagWhen": "yes",
                     *           "flag": {
                     *             "kind": "clinical-review",
                     *             "reason": "History of leaving treatment early: a clinician should plan engagement supports before IOP starts."
                     *           },
                     *           "showsCrisisResources": false
                     *         },
                     *         {
                     *           "id": "unstable-living-support",
                     *           "text": "Is the person without a stable place to live or without people who support them?",
                     *           "help": "IOP relies on a safe place to return to between sessions; housing and support needs can be addressed with referrals.",
                     *           "flagWhen": "yes",
                     *           "flag": {
                     *             "kind": "clinical-review",
                     *             "reason": "No stable living situation or support: a clinician should review whether a residential setting or added supports come first."
                     *           },
                     *           "showsCrisisResources": false
                     *         }
                     *       ],
                     *       "crisisMessage": "If someone may be in danger right now, do not wait for a review. Stay with them and connect them to help now.",
                     *       "crisisResources": [
                     *         {
                     *           "id": "988",
                     *           "name": "988 Suicide & Crisis Lifeline",
                     *           "howToReach": "Call or text 988, or chat at 988lifeline.org (24/7, free, confidential).",
                     *           "phone": "988",
                     *           "text": "988",
                     *           "url": "https://988lifeline.org",
                     *           "when": "Thoughts of suicide, a mental-health or substance-use crisis, or worry about someone else."
                     *         },
                     *         {
                     *           "id": "911",
                     *           "name": "Emergency services",
                     *           "howToReach": "Call 911.",
                     *           "phone": "911",
                     *           "when": "Immediate danger to life, a medical emergency, or a weapon involved."
                     *         }
                     *       ],
                     *       "sources": [
                     *         {
                     *           "title": "SAMHSA TIP 47: Substance Abuse: Clinical Issues in Intensive Outpatient Treatment",
                     *           "url": "https://store.samhsa.gov/product/tip-47-clinical-issues-intensive-outpatient-treatment/sma13-4182"
                     *         },
                     *         {
                     *           "title": "988 Suicide & Crisis Lifeline",
                     *           "url": "https://988lifeline.org"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["IntakeChecklist"];
                };
            };
            406: components["responses"]["NotAcceptable"];
        };
    };
    listPayers: {
        parameters: {
            query?: {
                /**
                 * @description Case-insensitive filter on id, name and aliases.
                 * @example sandbox
                 */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payer directory. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "payers": [
                     *         {
                     *           "id": "sandbox-ppo",
                     *           "name": "Sandbox PPO Health Plan",
                     *           "aliases": [
                     *             "SBXPPO",
                     *             "99001"
                     *           ],
                     *           "format": "x12-271",
                     *           "transactions": [
                     *             "270/271"
                     *           ],
                     *           "sandbox": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PayerList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPayer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example sandbox-ppo */
                payerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "sandbox-ppo",
                     *       "name": "Sandbox PPO Health Plan",
                     *       "aliases": [
                     *         "SBXPPO",
                     *         "99001"
                     *       ],
                     *       "format": "x12-271",
                     *       "transactions": [
                     *         "270/271"
                     *       ],
                     *       "sandbox": true
                     *     }
                     */
                    "application/json": components["schemas"]["Payer"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    evaluatePriorAuth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PriorAuthRequest"];
            };
        };
        responses: {
            /** @description The authorization and referral answers, with reasons and a timeline. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "authorization": {
                     *         "required": "required",
                     *         "reasons": [
                     *           {
                     *             "text": "The payer says authorization is required.",
                     *             "source": "payer response"
                     *           },
                     *           {
                     *             "text": "Sandbox PPO requires prior authorization before the first IOP or PHP day.",
                     *             "source": "rule sandbox-ppo-iop-php: Sandbox choice: the common commercial PPO pattern (PA before admission, weekly concurrent review) [illustrative]"
                     *           }
                     *         ],
                     *         "conflict": false
                     *       },
                     *       "referral": {
                     *         "required": "not-required",
                     *         "reasons": [
                     *           {
                     *             "text": "Open-access plan types do not usually require a referral.",
                     *             "source": "rule default-referral-open-access: Service policy: open-access plans need no referral by default [illustrative]"
                     *           }
                     *         ],
                     *         "conflict": false
                     *       },
                     *       "days": [
                     *         {
                     *           "date": "2026-12-07",
                     *           "authorization": "yes",
                     *           "ruleId": "sandbox-ppo-iop-php"
                     *         },
                     *         {
                     *           "date": "2026-12-09",
                     *           "authorization": "yes",
                     *           "ruleId": "sandbox-ppo-iop-php"
                     *         },
                     *         {
                     *           "date": "2026-12-11",
                     *           "authorization": "yes",
                     *           "ruleId": "sandbox-ppo-iop-php"
                     *         },
                     *         {
                     *           "date": "2026-12-14",
                     *           "authorization": "yes",
                     *           "ruleId": "sandbox-ppo-iop-php"
                     *         },
                     *         {
                     *           "date": "2026-12-16",
                     *           "authorization": "yes",
                     *           "ruleId": "sandbox-ppo-iop-php"
                     *         },
                     *         {
                     *           "date": "2026-12-18",
                     *           "authorization": "yes",
                     *           "ruleId": "sandbox-ppo-iop-php"
                     *         },
                     *         {
                     *           "date": "2026-12-21",
                     *           "authorization": "yes",
                     *           "ruleId": "sandbox-ppo-iop-php"
                     *         },
                     *         {
                     *           "date": "2026-12-23",
                     *           "authorization": "yes",
                     *           "ruleId": "sandbox-ppo-iop-php"
                     *         }
                     *       ],
                     *       "submission": [
                     *         {
                     *           "method": "portal",
                     *           "text": "Sandbox PPO provider portal: Authorizations > Behavioral health > New request."
                     *         },
                     *         {
                     *           "method": "phone",
                     *           "text": "Sandbox utilization management line (synthetic): 555-0100."
                     *         }
                     *       ],
                     *       "decisionTime": {
                     *         "standardCalendarDays": 15,
                     *         "text": "ERISA group health plans decide pre-service claims within 15 days (29 CFR 2560.503-1(f)(2)(iii)(B)); used as the default when no payer-specific time is known.",
                     *         "ruleId": "erisa-pre-service-decision-time"
                     *       },
                     *       "timeline": {
                     *         "submitBy": "2026-11-20",
                     *         "initialAuthorizationCovers": {
                     *           "from": "2026-12-07",
                     *           "to": "2026-12-23",
                     *           "days": 8
                     *         },
                     *         "reviews": [],
                     *         "daysAtRiskWithoutApproval": [
                     *           "2026-12-07",
                     *           "2026-12-09",
                     *           "2026-12-11"
                     *         ],
                     *         "notes": [
                     *           "Submit by 2026-11-20 so a standard decision (15 calendar days) is due before the first day that needs authorization (2026-12-07).",
                     *           "The submit-by date fell on a Saturday (2026-11-21); moved to the Friday before (2026-11-20), the last working day, so the request does not wait for Monday.",
                     *           "Concurrent review every 7 days, submitted 2 days before the last covered day (rule sandbox-ppo-iop-php: Sandbox choice: the common commercial PPO pattern (PA before admission, weekly concurrent review) [illustrative]).",
                     *           "Requested on 2026-11-26: the decision may not arrive until 2026-12-11, so 3 program day(s) would be given without approval."
                     *         ],
                     *         "decisionDueBy": "2026-12-11"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PriorAuthEvaluation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    evaluateSlidingScale: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SlidingScaleRequest"];
            };
        };
        responses: {
            /** @description The evaluation, with the guideline, tier and charge that produced it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "householdSize": 4,
                     *       "annualIncomeCents": 4950000,
                     *       "incomeBasis": "annual",
                     *       "percentOfPovertyPpm": 1500000,
                     *       "percentOfPovertyText": "150%",
                     *       "rounding": "Percent of poverty is income x 1,000,000 / guideline, rounded down to whole ppm for display; the tier is chosen by exact integer comparison, never from the rounded figure.",
                     *       "guideline": {
                     *         "year": 2026,
                     *         "region": "contiguous",
                     *         "effectiveFrom": "2026-01-13",
                     *         "householdSize": 4,
                     *         "amountCents": 3300000,
                     *         "verified": true,
                     *         "source": {
                     *           "document": "Annual Update of the HHS Poverty Guidelines, 91 FR, FR Doc 2026-00755 (January 15, 2026)",
                     *           "url": "https://www.govinfo.gov/content/pkg/FR-2026-01-15/html/2026-00755.htm"
                     *         }
                     *       },
                     *       "tier": {
                     *         "id": "C",
                     *         "label": "126% to 150% of the poverty guideline",
                     *         "abovePercent": 125,
                     *         "upToPercent": 150
                     *       },
                     *       "charge": {
                     *         "kind": "discount",
                     *         "discountPpm": 600000
                     *       },
                     *       "appliesTo": {
                     *         "selfPay": true,
                     *         "insuredPatientResponsibility": false
                     *       },
                     *       "documents": [
                     *         {
                     *           "code": "proof-of-income",
                     *           "description": "Proof of household income: recent pay stubs, last year's tax return or a benefits letter"
                     *         },
                     *         {
                     *           "code": "household-size-attestation",
                     *           "description": "Signed statement of the number of people in the household"
                     *         }
                     *       ],
                     *       "scheduleId": "example-clinic-sfds-2026",
                     *       "warnings": []
                     *     }
                     */
                    "application/json": components["schemas"]["SlidingScaleEvaluation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            406: components["responses"]["NotAcceptable"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}
