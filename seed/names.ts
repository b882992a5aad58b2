import type { Random } from './random.js';

const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏顾施季茅瞿倪',
);
const GIVEN = Array.from('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红梅志海燕玲鹏辉晨宇浩然欣怡佳琪子轩梓涵一诺雨泽晓东春生文斌丹凤');
const PLACE = Array.from('东西南北中新和平安福兴宁光明秀锦文华德正通港桥湖园林山江滨海临长永乐富民康泰丰盛嘉瑞祥云');

/** A plausible Chinese personal name of two or three characters. */
export function personName(random: Random): string {
  const given = random.chance(0.7) ? random.pick(GIVEN) + random.pick(GIVEN) : random.pick(GIVEN);
  return random.pick(SURNAMES) + given;
}

/** A mainland mobile number (11 digits, 13x–19x). */
export function mobilePhone(random: Random): string {
  let digits = '1' + random.int(3, 9) + random.int(0, 9);
  for (let i = 0; i < 8; i++) digits += random.int(0, 9);
  return digits;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-character resident ID number (GB 11643) with a valid check character; 320684 is Haimen. */
export function residentIdNumber(random: Random, birthYear: number): string {
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const sequence = String(random.int(1, 999)).padStart(3, '0');
  const body = `320684${birthYear}${month}${day}${sequence}`;
  const sum = Array.from(body).reduce((total, digit, i) => total + Number(digit) * ID_WEIGHTS[i]!, 0);
  return body + ID_CHECK[sum % 11];
}

/** A two-character place-like name ("东滨", "锦华"), unique within `taken`. */
export function placeName(random: Random, taken: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = random.pick(PLACE) + random.pick(PLACE);
    if (name[0] !== name[1] && !taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  // Only reached at large scale factors, when two-character names run out.
  const name = random.pick(PLACE) + random.pick(PLACE) + random.pick(PLACE);
  if (taken.has(name)) return placeName(random, taken);
  taken.add(name);
  return name;
}
