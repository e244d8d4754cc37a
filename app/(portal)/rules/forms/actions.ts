'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runAction, type ActionState } from '@/lib/actions';
import { addFormTemplate } from '@/lib/dal/forms';
import { FORM_KINDS } from '@/lib/forms/kinds';
import { isoDate, optionalText } from '@/lib/validation';

const schema = z.object({
  form: z.enum(FORM_KINDS, { error: 'errors.invalidChoice' }),
  effectiveFrom: isoDate,
  note: optionalText(500),
  // The content is checked by the data layer (type by its bytes, size, a sample render).
  file: z.instanceof(File, { error: 'forms.fileMissing' }).refine((f) => f.size > 0, { error: 'forms.fileMissing' }),
});

/** Add a replacement template of a form (the national administrator; the data layer checks). */
export async function addFormTemplateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await runAction(
    schema,
    formData,
    async (f) => addFormTemplate({ form: f.form, effectiveFrom: f.effectiveFrom, note: f.note, fileName: f.file.name, bytes: new Uint8Array(await f.file.arrayBuffer()) }),
    'forms.admin.done',
  );
  if (state.ok) revalidatePath('/rules/forms');
  return state;
}
