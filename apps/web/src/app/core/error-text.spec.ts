import type { TranslocoService } from '@jsverse/transloco';
import type { ApiErrorBody } from '@olievlek/shared';
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import { translateFields } from './error-text';

type Tree = { [key: string]: string | Tree };

/** Transloco's translate over the real texts: a key's text with its {{placeholders}} filled. */
function transloco(lang: 'nl' | 'en'): TranslocoService {
  const tree = (lang === 'nl' ? nl : en) as unknown as Tree;
  return {
    getActiveLang: () => lang,
    translate: (key: string, params: Record<string, string> = {}) => {
      let node: string | Tree | undefined = tree;
      for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
      return typeof node === 'string'
        ? node.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => params[name] ?? '')
        : key;
    },
  } as unknown as TranslocoService;
}

const refused: ApiErrorBody = {
  statusCode: 400,
  error: 'Bad Request',
  code: 'VALIDATION_FAILED',
  message:
    'name must be shorter than or equal to 200 characters. headcount must not be less than 0',
  fields: {
    name: 'name must be shorter than or equal to 200 characters',
    headcount: 'headcount must not be greater than 100000',
    colour: 'colour must be one of the following values',
  },
  fieldRules: {
    name: { rule: 'tooLong', limit: 200 },
    headcount: { rule: 'tooLarge', limit: 100000 },
  },
};

describe('the server’s field problems on screen', () => {
  it('says each broken rule with its limit in Dutch, never the API’s English', () => {
    expect(translateFields(transloco('nl'), refused)).toEqual({
      name: 'Gebruik hoogstens 200 tekens.',
      headcount: 'Vul een getal in van hoogstens 100.000.',
      colour: 'Niet alle velden zijn goed ingevuld. Bekijk de meldingen bij de velden.',
    });
  });

  it('says the same in English', () => {
    expect(translateFields(transloco('en'), refused)).toMatchObject({
      name: 'Use at most 200 characters.',
      headcount: 'Enter a number of at most 100,000.',
    });
  });

  it('has nothing to say when the server named no field', () => {
    expect(translateFields(transloco('nl'), { ...refused, fields: undefined })).toEqual({});
  });
});
