import { getFoundingForm } from '@/lib/dal/forms';
import { fileResponse } from '@/lib/files/response';
import { DOCX_MIME } from '@/lib/forms/render';
import { idParam, orNotFound } from '@/lib/page';

/** A decided founding's decision as an editable Word file (the data layer applies the proposal's scope). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const file = await orNotFound(getFoundingForm(idParam((await params).id)));
  return fileResponse(file.bytes, { fileName: file.fileName, mimeType: DOCX_MIME, download: true });
}
