import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Files made the way officials make them, for tests: a PDF saved by LibreOffice, a phone photo (JPEG with camera EXIF), a .docx saved by LibreOffice. */
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(process.cwd(), 'e2e', 'fixtures', name)));

export const SCAN_PDF = { name: 'Đơn xin vào Đảng.pdf', bytes: fixture('don-xin-vao-dang.pdf') };
export const PHONE_PHOTO = { name: 'IMG_20261130_081522.jpg', bytes: fixture('anh-chup-ly-lich.jpg') };
export const DRAFT_DOCX = { name: 'Bản nháp nghị quyết.docx', bytes: fixture('ban-nhap-nghi-quyet.docx') };
/** A Windows program (an "MZ" executable header) renamed to look like a scan. */
export const EXE_AS_PDF = { name: 'scan.pdf', bytes: new Uint8Array(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(200)])) };
