import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/dal/session';
import { xlsxResponse } from '@/lib/export/xlsx';
import { IMPORT_KINDS, type ImportKind } from '@/lib/registry/import';
import { templateWorkbook } from '@/lib/registry/import-xlsx';

/** The import template for enterprises or members (signed-in users only; it holds no data). */
export async function GET(_req: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  await requireUser();
  const { kind } = await params;
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) notFound();
  return xlsxResponse(await templateWorkbook(kind as ImportKind), `mau-nhap-${({ enterprises: 'doanh-nghiep', members: 'dang-vien', units: 'cay-don-vi' } as const)[kind as ImportKind]}.xlsx`);
}
