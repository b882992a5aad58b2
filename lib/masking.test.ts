import { describe, expect, it } from '@jest/globals';
import { maskIdNumber, maskName, maskPhone } from './masking.js';

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
});
