import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS, type Caller } from '../auth/caller.js';
import { maskDateToYear, maskIdNumber, maskName, maskPersonalDataInText, maskPhone, maskPhoneToTail, personalDataFor } from './masking.js';

describe('masking of personal data', () => {
  it.each([
    ['张明', '张*'],
    ['张建明', '张*明'],
    ['欧阳晓东', '欧**东'],
    ['王', '王'],
  ])('masks the name %s as %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('keeps the region code and the last four characters of an ID number', () => {
    expect(maskIdNumber('32068419800101123X')).toBe('320684********123X');
  });

  it('keeps only the last four digits of a sensitive phone number, and only the year of a date', () => {
    expect(maskPhoneToTail('13812341234')).toBe('*******1234');
    expect(maskPhoneToTail('123')).toBe('***');
    expect(maskDateToYear('1998-07-01')).toBe('1998-**-**');
    expect(maskDateToYear('not a date')).toBe('****-**-**');
  });
});

describe('personal data in free text', () => {
  it.each([
    // mobile numbers, as residents write them
    ['请联系王阿姨13812345678，下午在家', '请联系王阿姨138****5678，下午在家'],
    ['电话：138 1234 5678', '电话：138****5678'],
    ['电话：138-1234-5678。', '电话：138****5678。'],
    ['手机 +86 139 0513 2468 或微信同号', '手机 +86 139****2468 或微信同号'],
    ['联系人李先生１３９１２３４５６７８（白天）', '联系人李先生139****5678（白天）'],
    ['全角带空格：１５０　１２３４　５６７８', '全角带空格：150****5678'],
    ['两个号码 13812345678 15912345678', '两个号码 138****5678 159****5678'],
    // landlines
    ['预约电话0513-85551234', '预约电话0513-****1234'],
    ['预约电话 0513 8555 1234（工作日）', '预约电话 0513-****1234（工作日）'],
    ['（0513）85551234', '0513-****1234'],
    ['北京热线010-12345678', '北京热线010-****5678'],
    ['座机０５１３－８５５５１２３', '座机0513-***5123'],
    ['社区服务站电话：85551234', '社区服务站电话：****1234'],
    // resident ID numbers
    ['身份证号32068419800101123X，需本人到场', '身份证号320684********123X，需本人到场'],
    ['身份证 320684 19800101 1234', '身份证 320684********1234'],
    ['证件号码３２０６８４１９８００１０１１２３ｘ', '证件号码320684********123X'],
  ])('masks %s', (text, masked) => expect(maskPersonalDataInText(text)).toBe(masked));

  it.each([
    '2026-11-01 上午 9:30 在东港社区活动室',
    '每月200人次，每季度开展1次志愿服务',
    '事件编号 incident-000042，订单 demand-20261101-000001',
    '资金 50000 元，覆盖 1200 户',
    '楼栋 12 幢 1201 室，门禁 8888',
    '坐标 32.0123, 121.1789',
    '每名党员每年认领2个微心愿',
  ])('leaves %s alone', (text) => expect(maskPersonalDataInText(text)).toBe(text));

  it('is idempotent: masked text stays as it is', () => {
    const once = maskPersonalDataInText('王阿姨 138-1234-5678，身份证32068419800101123X，座机0513-85551234');
    expect(maskPersonalDataInText(once)).toBe(once);
  });
});

describe('personalDataFor', () => {
  const withPii: Caller = { ...ANONYMOUS, subject: 'w', role: 'GRID_WORKER', gridId: 'grid-001', communityId: 'community-01', scopes: ['pii:read'] };
  const withoutPii: Caller = { ...withPii, scopes: [] };

  it('shows personal data in clear only with pii:read and only for a record in the caller’s own scope', () => {
    expect(personalDataFor(withPii, true).phone('13812345678')).toBe('13812345678');
    expect(personalDataFor(withPii, true).text('电话13812345678')).toBe('电话13812345678');
    expect(personalDataFor(withPii, false).phone('13812345678')).toBe('138****5678');
    expect(personalDataFor(withPii, false).text('电话13812345678')).toBe('电话138****5678');
    expect(personalDataFor(withoutPii, true).name('张建明')).toBe('张*明');
    expect(personalDataFor(ANONYMOUS, true).text('电话13812345678')).toBe('电话138****5678');
  });
});
