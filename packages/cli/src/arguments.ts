/** Checks of command-line values: each failure is a usage error (exit code 2) with a Chinese message. */
import { CliError } from './cli-error.js';

export function parseCountyCode(text: string): string {
  const code = text.trim();
  if (!/^\d{6}$/.test(code)) {
    throw new CliError(`县级行政区划代码“${text}”无效：应为 6 位数字，如 640221`, 2);
  }
  return code;
}

export function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text.trim())) {
    throw new CliError(`年份“${text}”无效：应为四位数字，如 2023`, 2);
  }
  return Number(text);
}

/** `value` if it is one of `choices`; `option` names the option in the message, e.g. "--format". */
export function parseChoice<T extends string>(value: string, choices: readonly T[], option: string): T {
  const found = choices.find((choice) => choice === value);
  if (found === undefined) {
    throw new CliError(`${option} 的值“${value}”无效：应为 ${choices.join('、')} 之一`, 2);
  }
  return found;
}
