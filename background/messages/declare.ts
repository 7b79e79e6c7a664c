/**
 * How a message to the background is declared, once, beside its handler: who may send it, the
 * zod check its request must pass, and the type of its answer. The map of every message
 * (`ToBackground`) is derived from these declarations (see index.ts).
 */
import type { z } from 'zod';
import type { MessageSender } from '../../core/messages';

/**
 * Who may send a message: Waymark's scripts in a CRM page (`page`: the launcher, guidance,
 * observer and authoring panel), its own extension pages (`extension`: popup, options), or both.
 * A page is a hostile neighbourhood: what changes settings, sync, the guide library or the rep's
 * log is asked for from Waymark's own pages only.
 */
export type Sender = 'page' | 'extension' | 'both';

export type { MessageSender };

export interface Declared<Req, Res> {
  from: Sender;
  request: z.ZodType<Req>;
  /**
   * Answered only once the managed policy has been read afresh: what shows or changes settings
   * the organisation may lock (seconds, right after a browser start only). CRM pages are
   * answered at once, with the policy last read.
   */
  fresh: boolean;
  /** Never set: carries the answer's type. */
  readonly answer?: Res;
}

/** Declares a message: `message('extension', schema).answers<Answer>()`. */
export function message<S extends z.ZodType>(
  from: Sender,
  request: S,
  options: { fresh?: boolean } = {},
) {
  return {
    answers: <Res>(): Declared<z.output<S>, Res> => ({
      from,
      request: request as z.ZodType<z.output<S>>,
      fresh: options.fresh ?? false,
    }),
  };
}

/** Request and answer of each declared message, as the `[request, answer]` pairs of a map. */
export type MessagesOf<D> = {
  [K in keyof D]: D[K] extends Declared<infer Req, infer Res> ? [Req, Res] : never;
};

/** The handlers of declared messages: each takes its checked request and the sender. */
export type HandlersOf<D> = {
  [K in keyof D]: D[K] extends Declared<infer Req, infer Res>
    ? (data: Req, sender: MessageSender) => Res | Promise<Res>
    : never;
};
