import type { Locale } from '@olievlek/shared';
import { en } from './en';
import { nl } from './nl';

/** A text function as Transloco's `translate`, for pure functions that write sentences. */
export type TestTranslate = (key: string, params?: Record<string, unknown>) => string;

type Tree = { [key: string]: string | Tree };

/** The real texts of a language, with Transloco's `{{name}}` placeholders filled in (tests only). */
function translator(texts: Tree): TestTranslate {
  return (key, params = {}) => {
    let node: string | Tree | undefined = texts;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`no text for ${key}`);
    return node.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(params[name]));
  };
}

export const TEXTS: Record<Locale, TestTranslate> = {
  nl: translator(nl as unknown as Tree),
  en: translator(en as unknown as Tree),
};
