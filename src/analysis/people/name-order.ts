/**
 * Whether a name puts the family name first, as Chinese names do ("Meng Wanzhou": family name Meng).
 * It matters for what a titled single name is: "Ms Wanzhou" uses the given name as if it were the
 * surname, "Mr Meng" uses the family name. A story does not say which order a name is in, so this
 * goes by what a reader goes by: a common Chinese family name first, and either a given name that is
 * unmistakably one (two pinyin syllables, "Wanzhou", "Wenbin") or a description that makes the
 * person Chinese ("China's consul-general … Han Tao"). "Canadian MP Han Dong" stays in Western order.
 */
import { foldName } from './name-text.ts';

const chineseFamilyNames = new Set(
  (
    'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang ' +
    'han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng wei su lu ding ren shen yao jin ' +
    'meng qin bai yan xiong lei hou long duan hao kong shao shi mao wan gu lai wen qian fang dai fan kang jia zou ' +
    'xia fu zhong tan lu cui qiu qi xue yin ou zhan mo geng guan'
  ).split(' '),
);

const initials = [
  'zh',
  'ch',
  'sh',
  'b',
  'p',
  'm',
  'f',
  'd',
  't',
  'n',
  'l',
  'g',
  'k',
  'h',
  'j',
  'q',
  'x',
  'r',
  'z',
  'c',
  's',
  'y',
  'w',
  '',
];
const finals = new Set(
  (
    'a o e ai ei ao ou an en ang eng ong er i ia ie iao iu ian in iang ing iong u ua uo uai ui uan un uang ueng ' +
    'v ve van vn ue yu'
  ).split(' '),
);

/**
 * Whether a word reads as exactly `count` pinyin syllables: "wanzhou" (wan-zhou), "wenbin" (wen-bin).
 * Only the first syllable may lack an initial consonant: pinyin writes "Xi'an", never "Xian", for two.
 */
function isPinyin(word: string, count: number, first = true): boolean {
  if (count === 0) return word.length === 0;
  for (const initial of initials) {
    if (!word.startsWith(initial) || (initial === '' && !first)) continue;
    for (let end = initial.length + 1; end <= Math.min(word.length, initial.length + 4); end++) {
      if (finals.has(word.slice(initial.length, end)) && isPinyin(word.slice(end), count - 1, false)) return true;
    }
  }
  return false;
}

const chineseContext = /\b(?:china|chinese|beijing|prc|shanghai|hong kong|taiwan|taiwanese)\b/;

/**
 * Whether a two-part name is family name first. `descriptions` are the words the story puts before
 * or beside the name to say who the person is.
 */
export function isFamilyNameFirst(name: string, descriptions: readonly string[]): boolean {
  const words = foldName(name).split(' ');
  if (words.length !== 2) return false;
  const [family, given] = words as [string, string];
  if (!chineseFamilyNames.has(family)) return false;
  if (isPinyin(given, 2) && !chineseFamilyNames.has(given)) return true;
  return isPinyin(given, 1) && descriptions.some((description) => chineseContext.test(foldName(description)));
}
