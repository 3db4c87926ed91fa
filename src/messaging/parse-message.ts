import * as v from 'valibot';

/** Parses an incoming message, or explains in one line why it does not fit. */
export function parseMessage<S extends v.GenericSchema>(
  schema: S,
  message: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; error: string } {
  const result = v.safeParse(schema, message);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, error: `malformed message: ${v.summarize(result.issues)}` };
}
