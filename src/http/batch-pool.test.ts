import { Writable } from 'node:stream';
import t from 'tap';
import { drained, runPool } from './batch-pool.js';

/** A stream whose reader is stalled until `release()`: every write is held, as a slow client's socket. */
function stalledStream() {
  let held: (() => void) | undefined;
  let flowing = false;
  const stream = new Writable({
    highWaterMark: 1,
    write: (_chunk, _encoding, done) => (flowing ? done() : (held = () => done())),
  });
  const release = () => {
    flowing = true;
    held?.();
  };
  return { stream, release };
}

t.test('a slow reader holds the batch back: no more items start than the workers already writing', async (t) => {
  const { stream, release } = stalledStream();
  const started: number[] = [];
  const written: number[] = [];
  const controller = new AbortController();
  const done = runPool(Array.from({ length: 50 }, (_, i) => i), 3, controller.signal, async (item) => {
    started.push(item);
    return item;
  }, (item) => {
    written.push(item);
    if (!stream.write(`${item}\n`)) return drained(stream, controller.signal);
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  t.same(started, [0, 1, 2], 'each of the 3 workers wrote one line and is waiting for the reader');
  release();
  await done;
  t.equal(written.length, 50, 'once the reader reads, every item is checked and written');
});

t.test('a client that leaves while the workers wait for it releases them, and no further item starts', async (t) => {
  const { stream } = stalledStream();
  const started: number[] = [];
  const controller = new AbortController();
  const done = runPool(Array.from({ length: 50 }, (_, i) => i), 2, controller.signal, async (item) => {
    started.push(item);
    return item;
  }, (item) => (stream.write(`${item}\n`) ? undefined : drained(stream, controller.signal)));
  await new Promise((resolve) => setTimeout(resolve, 20));
  controller.abort();
  await done;
  t.same(started, [0, 1]);
});
