import { openCaseFile } from '@/lib/dal/papers';
import { fileResponse } from '@/lib/files/response';
import { idParam, orNotFound } from '@/lib/page';

/** One file of a case's paper: PDF and images open in the browser, the rest (and `?download=1`) are saved. The data layer applies the scope and logs the opening. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string; fileId: string }> }): Promise<Response> {
  const { id, fileId } = await params;
  const file = await orNotFound(openCaseFile(idParam(id), idParam(fileId)));
  return fileResponse(file.bytes, { fileName: file.fileName, mimeType: file.mimeType, download: new URL(req.url).searchParams.has('download') });
}
