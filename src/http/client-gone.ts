/**
 * An AbortSignal that fires when the client goes away before the answer is sent, so payer calls
 * stop when an intake coordinator hangs up. It listens on the response, not the request: a request
 * stream closes as soon as its body has been read, which is not a disconnect.
 */
import type { FastifyReply } from 'fastify';

/** Returns a signal aborted when the response closes unfinished (the client disconnected). */
export function abortWhenClientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new Error('client disconnected'));
  });
  return controller.signal;
}
