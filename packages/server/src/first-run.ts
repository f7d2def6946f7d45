/**
 * First start of an installation: creates the administrator (and demo planner/approver accounts) with
 * generated one-time passwords, then loads the shipped county plans via initializePlatform.
 */
import type { Role } from '@chp/core';
import { generatePassword } from '@chp/core';
import type { Db, IdCipher } from '@chp/db';
import {
  PLATFORM_SCOPE,
  countUsers,
  createUser,
  findUserByUsername,
  initializePlatform,
  listInstalledCountyCodes,
} from '@chp/db';
import { hashPassword } from './auth/passwords.js';
import type { HashCost } from './auth/passwords.js';

export interface InitialAccount {
  username: string;
  password: string;
  description: string;
}

const SYSTEM_ACTOR = { userId: null, username: 'system', ip: null };

async function createAccount(
  db: Db,
  username: string,
  displayName: string,
  roles: { role: Role; orgUnitCode: string }[],
  hashCost: HashCost | undefined
): Promise<{ id: number; password: string }> {
  const password = generatePassword();
  const user = await createUser(db, SYSTEM_ACTOR, {
    username,
    displayName,
    passwordHash: await hashPassword(password, hashCost),
    mustChangePassword: true,
    roles,
  });
  return { id: user.id, password };
}

export interface FirstRunResult {
  accounts: InitialAccount[];
  counties: string[];
  seeded: boolean;
}

export async function initializeOnFirstRun(
  db: Db,
  idCipher: IdCipher,
  demo: boolean,
  hashCost?: HashCost
): Promise<FirstRunResult> {
  const accounts: InitialAccount[] = [];
  const firstRun = (await countUsers(db)) === 0;
  let adminId = (await findUserByUsername(db, 'admin'))?.id;
  if (firstRun) {
    const admin = await createAccount(
      db,
      'admin',
      '系统管理员',
      [{ role: 'admin', orgUnitCode: PLATFORM_SCOPE }],
      hashCost
    );
    adminId = admin.id;
    accounts.push({
      username: 'admin',
      password: admin.password,
      description: '系统管理员（全平台） / platform administrator',
    });
  }
  const result = await initializePlatform(db, { demo, adminUserId: adminId ?? 1, idCipher });
  if (firstRun) {
    // Org units exist only now, so the county-scoped accounts come after the counties are loaded.
    const counties = await listInstalledCountyCodes(db);
    for (const [username, displayName, role, description] of [
      ['planner', '规划填报员（示例）', 'planner', '规划数据填报（五个县） / planner for the five counties'],
      ['approver', '数据审核员（示例）', 'approver', '规划数据审核（五个县） / approver for the five counties'],
    ] as const) {
      const account = await createAccount(
        db,
        username,
        displayName,
        counties.map((orgUnitCode) => ({ role, orgUnitCode })),
        hashCost
      );
      accounts.push({ username, password: account.password, description });
    }
  }
  return { accounts, counties: result.counties, seeded: result.seeded };
}

/** The one-time passwords in a box, printed once to stdout. */
export function formatAccounts(accounts: InitialAccount[]): string {
  const lines = [
    '首次启动：已创建以下账户，密码只显示这一次，首次登录后必须修改。',
    'First start: these accounts were created. The passwords are shown only once',
    'and must be changed at first login.',
    '',
    ...accounts.flatMap((a) => [`  ${a.username} / ${a.password}`, `    ${a.description}`]),
  ];
  const width = Math.max(...lines.map(displayWidth)) + 2;
  const bar = '═'.repeat(width);
  return [`╔${bar}╗`, ...lines.map((l) => `║ ${l}${' '.repeat(width - 1 - displayWidth(l))}║`), `╚${bar}╝`].join('\n');
}

/** Terminal columns of a string: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += /[\u2e80-\uffef]/.test(char) ? 2 : 1;
  }
  return width;
}
