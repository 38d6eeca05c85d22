/**
 * The application logger: pino with PHI redaction as a safety net. The first defence is never
 * logging PHI at all (request bodies and payer payloads are not logged; URLs are logged without
 * their query string). Redaction catches the mistakes.
 */
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/** Keys that carry PHI or secrets wherever they appear in a logged object (checked 1-3 levels deep). */
export const PHI_KEYS = [
  'memberId', 'member_id', 'subscriberId', 'firstName', 'lastName', 'middleName', 'name', 'fullName',
  'dateOfBirth', 'dob', 'birthDate', 'birthdate', 'gender', 'address', 'ssn', 'phi', 'subscriber', 'dependent',
  'dependents', 'patient', 'body', 'rawBody', 'payload', 'raw', 'document', 'identity',
] as const;

/** Every redaction path: request secrets plus PHI keys at depth 1 to 3. */
export const REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  ...PHI_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** Creates the logger. Pretty output only when asked (on a TTY by default); JSON lines otherwise. */
export function createLogger(
  options: { level: string; pretty: boolean },
  destination?: DestinationStream,
): Logger {
  const base: LoggerOptions = {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    base: { service: 'coverage-estimator' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: {
      // Log the matched route pattern, never the raw URL: a careless client could put PHI in a
      // path segment or a query string, and patterns keep log cardinality low as well.
      req: (req: { method?: string; ip?: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? '(no matching route)',
        remoteAddress: req.ip,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
  if (destination) return pino(base, destination);
  if (options.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:standard' } } });
  }
  return pino(base);
}
