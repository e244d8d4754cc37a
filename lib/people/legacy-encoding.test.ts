import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fromTcvn3, fromVni, legacyVietnamese } from './legacy-encoding';

describe('Vietnamese typed in TCVN3 (.VnTime) and VNI, pasted into Unicode', () => {
  const cases: [legacy: string, charset: 'TCVN3' | 'VNI', unicode: string][] = [
    ['NguyÔn V¨n Hïng', 'TCVN3', 'Nguyễn Văn Hùng'],
    ['TrÇn ThÞ Lan', 'TCVN3', 'Trần Thị Lan'],
    ['Ph¹m Minh §øc', 'TCVN3', 'Phạm Minh Đức'],
    ['Hoµng Ngäc Anh', 'TCVN3', 'Hoàng Ngọc Anh'],
    ['C«ng ty TNHH May Ph\u00ad¬ng Nam', 'TCVN3', 'Công ty TNHH May Phương Nam'],
    ['15 §inh Bé LÜnh, Ph\u00adêng 4', 'TCVN3', '15 Đinh Bộ Lĩnh, Phường 4'],
    ['Nguyeãn Vaên Huøng', 'VNI', 'Nguyễn Văn Hùng'],
    ['Ñaëng Vaên Ñöùc', 'VNI', 'Đặng Văn Đức'],
    ['Tröông Thò Myõ Dung', 'VNI', 'Trương Thị Mỹ Dung'],
    ['Coâng ty TNHH', 'VNI', 'Công ty TNHH'],
    ['LEÂ THÒ HOÀNG', 'VNI', 'LÊ THỊ HỒNG'],
  ];
  for (const [legacy, charset, unicode] of cases)
    test(`${JSON.stringify(legacy)} is ${charset} for "${unicode}"`, () => assert.deepEqual(legacyVietnamese(legacy.normalize('NFC')), { charset, unicode }));

  const unicode = ['Nguyễn Văn Hùng', 'Đặng Ngọc Ánh', 'Nguyen Van Hung', 'Công ty TNHH Thủy sản Việt', 'Số 2 × 3', 'Phường 4, TP. Mỹ Tho', 'Lê Thị Hoà', 'Trương Thị Mỹ Dung'];
  for (const s of unicode) test(`${JSON.stringify(s)} is Unicode already`, () => assert.equal(legacyVietnamese(s), null));

  test('every letter of the TCVN3 table converts to one Vietnamese letter, and every VNI letter round-trips', () => {
    assert.equal(fromTcvn3('µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦'), 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ');
    assert.equal(fromVni('aù aø aû aõ aï aê aé aè aú aü aë aâ aá aà aå aã aä'), 'á à ả ã ạ ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ');
    assert.equal(fromVni('í ì æ ó ò ô ôù ö öï yù î ñ Ñ'), 'í ì ỉ ĩ ị ơ ớ ư ự ý ỵ đ Đ');
  });
});
