/** Commander's built-in English help and error texts, in Chinese. */
import type { Command, HelpConfiguration, Option } from 'commander';

const ERRORS: readonly [RegExp, string][] = [
  [/^error: unknown command '(.*)'/, "错误：未知命令 '$1'"],
  [/^error: unknown option '(.*)'/, "错误：未知选项 '$1'"],
  [/^error: missing required argument '(.*)'/, "错误：缺少参数 '$1'"],
  [/^error: option '(.*)' argument missing/, "错误：选项 '$1' 缺少值"],
  [/^error: required option '(.*)' not specified/, "错误：缺少必需的选项 '$1'"],
  [
    /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\./,
    "错误：命令 '$1' 的参数过多（应为 $2 个，实际 $3 个）",
  ],
  [
    /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./,
    '错误：参数过多（应为 $1 个，实际 $2 个）',
  ],
  [/\(Did you mean (.*)\?\)/, '（是否想输入 $1？）'],
];

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

export function translateCommanderMessage(message: string): string {
  return ERRORS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message);
}

const HELP: HelpConfiguration = {
  styleTitle: (title: string): string => TITLES[title] ?? title,
  // Defaults are written into the Chinese descriptions; Commander would add an English "(default: …)".
  optionDescription: (option: Option): string => option.description,
};

/** Chinese help and error texts for `program`; call before adding subcommands, which inherit them. */
export function useChinese(program: Command): Command {
  return program
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .configureHelp(HELP)
    .configureOutput({
      outputError: (text, write) => {
        write(translateCommanderMessage(text));
      },
    });
}
