import { getFormTemplate } from '@/lib/dal/forms';
import { fileResponse } from '@/lib/files/response';
import { DOCX_MIME } from '@/lib/forms/render';
import { orNotFound } from '@/lib/page';
import { param, parseParams } from '@/lib/validation';

/** A form's template: the one in force today, or `?version=<id>` (signed-in users; templates hold no personal data). */
export async function GET(req: Request, { params }: { params: Promise<{ form: string }> }): Promise<Response> {
  const version = new URL(req.url).searchParams.get('version') ?? undefined;
  const { version: versionId } = parseParams({ version }, { version: param.id });
  if (version !== undefined && versionId === undefined) return new Response('Not found', { status: 404 });
  const file = await orNotFound(getFormTemplate((await params).form, versionId));
  return fileResponse(file.bytes, { fileName: file.fileName, mimeType: DOCX_MIME, download: true });
}
