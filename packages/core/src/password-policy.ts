/** Minimum length of a password (等保 2.0 三级: 口令具有复杂度要求). */
export const PASSWORD_MIN_LENGTH = 10;

const CHARACTER_CLASSES: [RegExp, string][] = [
  [/[A-Z]/, '大写字母'],
  [/[a-z]/, '小写字母'],
  [/[0-9]/, '数字'],
  [/[^A-Za-z0-9]/, '符号'],
];

/** Passwords that pass the length and class rules yet head every leaked-password list. */
const COMMON_PASSWORDS = new Set(
  [
    'Password123',
    'Password@123',
    'P@ssw0rd123',
    'P@ssword123',
    'Passw0rd!23',
    'Admin@12345',
    'Admin@123456',
    'Admin123456',
    'Abc@123456',
    'Abcd@123456',
    'Aa123456789',
    'Qwer@123456',
    'Qwerty@123',
    '1qaz@WSX3edc',
    '1qaz2wsx3edc',
    'Root@123456',
    'Welcome@123',
    'Huawei@1234',
    'Test@123456',
    'Zxcvbnm@123',
  ].map((p) => p.toLowerCase())
);

/** The rules `password` breaks, in Chinese; empty when it is acceptable. */
export function checkPassword(password: string, context: { username: string }): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码长度至少${PASSWORD_MIN_LENGTH}位`);
  const classes = CHARACTER_CLASSES.filter(([pattern]) => pattern.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少3类');
  const username = context.username.trim().toLowerCase();
  if (username !== '' && password.toLowerCase().includes(username)) problems.push('密码不得包含用户名');
  if (COMMON_PASSWORDS.has(password.toLowerCase())) problems.push('密码过于常见，请更换');
  return problems;
}

/** Characters of generated passwords, without look-alikes (0/O, 1/l/I). */
const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%^&*-_=+?'];
const GENERATED_LENGTH = 16;

/** A uniformly random integer in [0, bound), by rejection so that no value is favoured. */
function randomBelow(bound: number): number {
  const limit = Math.floor(0x1_0000_0000 / bound) * bound;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    const n = buffer[0] ?? 0;
    if (n < limit) return n % bound;
  }
}

function pick(alphabet: string): string {
  return alphabet.charAt(randomBelow(alphabet.length));
}

/** A random 16-character password with all four character classes, e.g. for a new account or a reset. */
export function generatePassword(): string {
  const all = ALPHABETS.join('');
  const chars = ALPHABETS.map(pick);
  while (chars.length < GENERATED_LENGTH) chars.push(pick(all));
  // Fisher–Yates, so the guaranteed characters are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
