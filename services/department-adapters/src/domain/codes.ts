import { DOCUMENT_TYPE_CODES, type Parent } from '@onego/contracts';
import { UntranslatableError } from './errors.ts';

// The national standard code tables the 户政 (household registration) system and the other
// departments key their data on. The canonical form speaks words; departments speak codes.

/** GB/T 2261.1-2003 性别代码: 1 male, 2 female. */
export const SEX_CODES = { male: '1', female: '2' } as const;

/** GB/T 2261.2-2003 婚姻状况代码: 10 未婚, 20 已婚, 30 丧偶, 40 离婚. */
export const MARITAL_STATUS_CODES = {
  unmarried: '10',
  married: '20',
  widowed: '30',
  divorced: '40',
} as const;

/**
 * GB/T 4761-2008 家庭关系代码, the child's relationship to the head of household: 20 子, 30 女,
 * 41 孙子, 42 孙女, 97 其他亲属. The form does not say whether a grandchild is a son's or a
 * daughter's child, so 孙子/孙女 (41/42) stand for 外孙子/外孙女 (43/44) too.
 */
export const RELATIONSHIP_CODES = {
  son: '20',
  daughter: '30',
  grandson: '41',
  granddaughter: '42',
  'other-relative': '97',
} as const;

/** GB 3304-1991 中国各民族名称的罗马字母拼写法和代码: the 56 ethnic groups, numeric codes 01-56. */
export const ETHNICITY_CODES: Readonly<Record<string, string>> = Object.freeze({
  汉族: '01',
  蒙古族: '02',
  回族: '03',
  藏族: '04',
  维吾尔族: '05',
  苗族: '06',
  彝族: '07',
  壮族: '08',
  布依族: '09',
  朝鲜族: '10',
  满族: '11',
  侗族: '12',
  瑶族: '13',
  白族: '14',
  土家族: '15',
  哈尼族: '16',
  哈萨克族: '17',
  傣族: '18',
  黎族: '19',
  傈僳族: '20',
  佤族: '21',
  畲族: '22',
  高山族: '23',
  拉祜族: '24',
  水族: '25',
  东乡族: '26',
  纳西族: '27',
  景颇族: '28',
  柯尔克孜族: '29',
  土族: '30',
  达斡尔族: '31',
  仫佬族: '32',
  羌族: '33',
  布朗族: '34',
  撒拉族: '35',
  毛南族: '36',
  仡佬族: '37',
  锡伯族: '38',
  阿昌族: '39',
  普米族: '40',
  塔吉克族: '41',
  怒族: '42',
  乌孜别克族: '43',
  俄罗斯族: '44',
  鄂温克族: '45',
  德昂族: '46',
  保安族: '47',
  裕固族: '48',
  京族: '49',
  塔塔尔族: '50',
  独龙族: '51',
  鄂伦春族: '52',
  赫哲族: '53',
  门巴族: '54',
  珞巴族: '55',
  基诺族: '56',
});

// Names people still write: the pre-1985 name of the 德昂族, and the pre-1986 spelling of 毛南族.
const FORMER_NAMES: Readonly<Record<string, string>> = { 崩龙族: '德昂族', 毛难族: '毛南族' };

/**
 * The GB 3304 code of an ethnic group written as on the form ("汉族", or "汉" without the
 * suffix). An unknown name cannot be registered by the 户政 system, so it is refused here
 * rather than guessed.
 */
export function ethnicityCode(name: string, whose: string): string {
  const trimmed = name.trim();
  const full = trimmed.endsWith('族') ? trimmed : `${trimmed}族`;
  const known = Object.hasOwn(FORMER_NAMES, full) ? (FORMER_NAMES[full] as string) : full;
  const code = Object.hasOwn(ETHNICITY_CODES, known) ? ETHNICITY_CODES[known] : undefined;
  if (!code) {
    throw new UntranslatableError(
      `${whose} ethnicity "${name}" is not one of the 56 ethnic groups of GB 3304: the household registration system cannot record it`,
    );
  }
  return code;
}

/** Identity document type code (证件类型代码) of a parent's or guardian's document. */
export const documentTypeCode = (idType: Parent['idType']) => DOCUMENT_TYPE_CODES[idType];
