/** A pino destination that keeps every log line in memory, so tests can read what was logged. */
import { Writable } from 'node:stream';

/** Collects log lines; `text()` returns everything written so far. */
export function createLogCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  return {
    stream,
    lines,
    text: () => lines.join('\n'),
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
