/**
 * DO NOT EDIT. Generated from openapi.yaml and schemas/ by `npm run openapi:generate`.
 * CI runs `npm run openapi:check` and fails when this file drifts from the contract.
 */
/* eslint-disable */
export interface paths {
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        DependencyCheck: {
            /** @description When true, `down` makes the instance not ready. */
            critical: boolean;
            detail?: string;
            /** @description The dependency, e.g. `cache`, `payer-directory`. */
            name: string;
            /** @enum {string} */
            status: "ok" | "degraded" | "down";
        };
        FieldError: {
            message: string;
            /** @description JSON pointer to the failing field (RFC 6901), e.g. `/subscriber/dateOfBirth`. */
            pointer: string;
        };
        Liveness: {
            /** @enum {string} */
            status: "ok";
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
        PayerList: {
            payers: components["schemas"]["Payer"][];
        };
        /** @description An RFC 9457 problem detail. `code` is stable and is what clients branch on; `type` links to the problem catalog on the reference page. Validation failures list every failing field in `errors`. Details never contain member identifiers, names or dates of birth. */
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
        /** @description Whether this instance can serve. `status` is `ready` even when an optional dependency such as the cache is degraded (requests then go straight to payers); it is `not-ready` only when the service cannot serve, and then the HTTP status is 503. */
        Readiness: {
            checks: components["schemas"]["DependencyCheck"][];
            /** @enum {string} */
            status: "ready" | "not-ready";
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
        /** @description The request is not valid; `errors` lists each failing field. */
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
        /** @description A payer did not answer in time. */
        GatewayTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
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
        /** @description A payer could not be reached, or its circuit is open. */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
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
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
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
            404: components["responses"]["NotFound"];
        };
    };
}
