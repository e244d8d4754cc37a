import { getCaseForm } from '@/lib/dal/forms';
import { fileResponse } from '@/lib/files/response';
import { DOCX_MIME } from '@/lib/forms/render';
import { idParam, orNotFound } from '@/lib/page';

/** A case's official form as an editable Word file (the data layer applies the case's scope and stage). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; form: string }> }): Promise<Response> {
  const { id, form } = await params;
  const file = await orNotFound(getCaseForm(idParam(id), form));
  return fileResponse(file.bytes, { fileName: file.fileName, mimeType: DOCX_MIME, download: true });
}
