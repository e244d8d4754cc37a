import 'server-only';
import { z } from 'zod';
import { DalError } from '@/lib/dal/errors';
import { getT, type T } from '@/lib/i18n/server';
import { vi, type MessageKey } from '@/lib/i18n/messages';

/** What every form action returns to its `useActionState` form. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed, to put back into the form after a refusal (never passwords). */
  values?: Record<string, string>;
};

/**
 * A schema's message key in the user's language. A message that is no key (zod's own English
 * text, from a schema that forgot to name one) becomes the generic Vietnamese "invalid value":
 * no English or raw code reaches a form.
 */
function translateKey(t: T, raw: string, params?: Record<string, string | number>): string {
  const [key, param] = raw.split('|');
  if (!Object.hasOwn(vi, key)) return t('errors.invalidValue');
  const max = param && /^\d+$/.test(param) ? Number(param).toLocaleString('vi-VN') : param;
  return t(key as MessageKey, { ...(param ? { max: max!, min: max! } : {}), ...params });
}

function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === 'string' && !k.startsWith('$') && !/password/i.test(k)) values[k] = v;
  }
  return values;
}

/** A data-layer refusal in the user's language, its lists of labels translated and joined. */
export function dalMessage(t: T, err: DalError): string {
  const labels = Object.fromEntries(Object.entries(err.labelParams ?? {}).map(([k, keys]) => [k, keys.map((key) => t(key)).join('; ')]));
  return t(err.key, { ...err.params, ...labels });
}

/** Fields forms carry as hidden inputs: an error on one of them is not the user's to fix. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'caseId', 'documentId', 'classId', 'memberId', 'unitId', 'step', 'transition', 'year', 'periodKind']);

/**
 * Parse the form with `schema`, run one data-layer call, and turn the outcome into an
 * ActionState: field errors next to fields, the data layer's refusals as a translated message,
 * anything unexpected as a generic message (logged on the server; the transaction rolled back).
 */
export async function runAction<S extends z.ZodType, R = unknown, X extends ActionState = ActionState>(
  schema: S,
  formData: FormData,
  run: (data: z.output<S>) => Promise<R>,
  /** The success message, or the state built from what the data layer returned (a count in the message, a report of rows). */
  done: MessageKey | ((result: R, t: T) => X),
): Promise<ActionState | X> {
  const t = await getT();
  const values = typedValues(formData);
  const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const fieldErrors: Record<string, string> = {};
    for (const [field, messages] of Object.entries(flat.fieldErrors as Record<string, string[] | undefined>)) {
      if (messages?.[0]) fieldErrors[field] = translateKey(t, messages[0]);
    }
    const formMessage = flat.formErrors[0];
    // Errors only on fields the form keeps hidden (ids, versions, the step): a stale or tampered page, nothing to mark.
    const hiddenOnly = Object.keys(fieldErrors).length > 0 && Object.keys(fieldErrors).every((f) => HIDDEN_FIELDS.has(f));
    return { ok: false, fieldErrors, values, message: formMessage ? translateKey(t, formMessage) : t(hiddenOnly ? 'errors.formStale' : 'form.fixErrors') };
  }
  try {
    const result = await run(parsed.data);
    return typeof done === 'function' ? done(result, t) : { ok: true, message: t(done) };
  } catch (err) {
    if (err instanceof DalError) {
      const fieldErrors = err.fieldErrors ? Object.fromEntries(Object.entries(err.fieldErrors).map(([f, k]) => [f, t(k, err.fieldParams?.[f] ?? err.params)])) : undefined;
      return { ok: false, message: dalMessage(t, err), fieldErrors, values };
    }
    // Next's redirect()/notFound() travel as errors: let them through.
    if (err && typeof err === 'object' && 'digest' in err) throw err;
    console.error('action failed', err);
    return { ok: false, message: t('errors.unexpected'), values };
  }
}
