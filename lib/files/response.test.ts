import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentDisposition, fileResponse } from './response';

describe('download headers', () => {
  const CASES: [string, string][] = [
    [
      'Quyết định kết nạp đảng viên - Tạ Thị Thanh Tâm.docx',
      `attachment; filename="Quyet dinh ket nap dang vien - Ta Thi Thanh Tam.docx"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20k%E1%BA%BFt%20n%E1%BA%A1p%20%C4%91%E1%BA%A3ng%20vi%C3%AAn%20-%20T%E1%BA%A1%20Th%E1%BB%8B%20Thanh%20T%C3%A2m.docx`,
    ],
    ['Nghị quyết (8-KNĐ).docx', `attachment; filename="Nghi quyet (8-KND).docx"; filename*=UTF-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt%20%288-KN%C4%90%29.docx`],
    ['uu-tien-2026-11-23.xlsx', `attachment; filename="uu-tien-2026-11-23.xlsx"; filename*=UTF-8''uu-tien-2026-11-23.xlsx`],
    [`a"b\r\n'c*.docx`, `attachment; filename="a_b__'c*.docx"; filename*=UTF-8''a%22b%0D%0A%27c%2A.docx`],
  ];
  for (const [name, header] of CASES) test(name, () => assert.equal(contentDisposition('attachment', name), header));

  test('a .docx is saved, never opened inline', () => {
    const res = fileResponse(Buffer.from('x'), { fileName: 'Tâm.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', download: true });
    assert.match(res.headers.get('Content-Disposition')!, /^attachment; /);
    assert.equal(res.headers.get('Cache-Control'), 'private, no-store');
  });
});
