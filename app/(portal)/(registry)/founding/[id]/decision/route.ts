import { getFoundingForm } from '@/lib/dal/forms';
import { attachmentResponse, DOCX_TYPE } from '@/lib/export/xlsx';
import { idParam, orNotFound } from '@/lib/page';

/** A decided founding's decision as an editable Word file (the data layer applies the proposal's scope). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const file = await orNotFound(getFoundingForm(idParam((await params).id)));
  return attachmentResponse(file.bytes, file.fileName, DOCX_TYPE);
}
