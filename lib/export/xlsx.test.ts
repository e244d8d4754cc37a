import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiFileName, attachmentResponse, DOCX_TYPE } from './xlsx';

describe('download file names', () => {
  const CASES: [string, string][] = [
    ['Quyết định kết nạp đảng viên - Tạ Thị Thanh Tâm.docx', 'Quyet-dinh-ket-nap-dang-vien-Ta-Thi-Thanh-Tam.docx'],
    ['Nghị quyết đảng ủy đề nghị kết nạp (8-KNĐ) - Đỗ Văn Đức.docx', 'Nghi-quyet-dang-uy-de-nghi-ket-nap-8-KND-Do-Van-Duc.docx'],
    ['uu-tien-2026-11-23.xlsx', 'uu-tien-2026-11-23.xlsx'],
    ['"quoted";\r\nname.docx', 'quoted-name.docx'],
    ['Đ', 'D'],
    ['***', 'download'],
  ];
  for (const [name, ascii] of CASES) test(`${name} → ${ascii}`, () => assert.equal(asciiFileName(name), ascii));

  test('the header carries the UTF-8 name and the ASCII fallback', () => {
    const res = attachmentResponse(Buffer.from('x'), 'Quyết định (mẫu) - Tâm.docx', DOCX_TYPE);
    assert.equal(res.headers.get('Content-Type'), DOCX_TYPE);
    assert.equal(
      res.headers.get('Content-Disposition'),
      `attachment; filename="Quyet-dinh-mau-Tam.docx"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20%28m%E1%BA%ABu%29%20-%20T%C3%A2m.docx`,
    );
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
  });
});
