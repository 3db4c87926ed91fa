import type { AnyRequest, Reply, Responses } from './contract.ts';

/** One handler per request type, typed by what that request is answered with. */
export type Handlers<R extends AnyRequest, Context> = {
  [K in R['type']]: (request: Extract<R, { type: K }>, context: Context) => Promise<Responses[K]> | Responses[K];
};

/** Runs the handler for an already validated request and wraps its outcome as a Reply. */
export async function dispatch<R extends AnyRequest, Context>(
  handlers: Handlers<R, Context>,
  request: R,
  context: Context,
): Promise<Reply<unknown>> {
  const handler = handlers[request.type as R['type']] as (request: R, context: Context) => unknown;
  try {
    return { ok: true, value: await handler(request, context) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
