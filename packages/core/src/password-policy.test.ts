import { describe, expect, it } from 'vitest';
import { checkPassword, generatePassword } from './password-policy.js';

const user = { username: 'zhangsan' };

describe('checkPassword', () => {
  it('accepts a long password of three classes', () => {
    expect(checkPassword('Kq7mWx2pRt9v', user)).toEqual([]);
    expect(checkPassword('kq7m-wx2p.rt', user)).toEqual([]);
  });
  it('names each broken rule', () => {
    expect(checkPassword('Ab1!', user)).toEqual(['密码长度至少10位']);
    expect(checkPassword('abcdefghijk1', user)).toEqual(['密码须包含大写字母、小写字母、数字、符号中的至少3类']);
    expect(checkPassword('Zhangsan2024!', user)).toEqual(['密码不得包含用户名']);
    expect(checkPassword('admin@123456', user)).toEqual(['密码过于常见，请更换']);
    expect(checkPassword('short', user)).toHaveLength(2);
  });
  it('ignores an empty username', () => {
    expect(checkPassword('Kq7mWx2pRt9v', { username: '' })).toEqual([]);
  });
});

describe('generatePassword', () => {
  it('always satisfies the policy and differs each time', () => {
    const passwords = Array.from({ length: 200 }, generatePassword);
    for (const password of passwords) {
      expect(password).toHaveLength(16);
      expect(checkPassword(password, { username: 'admin' })).toEqual([]);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
    }
    expect(new Set(passwords).size).toBe(200);
  });
});
