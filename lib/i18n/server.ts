import 'server-only';
import { cookies } from 'next/headers';
import { LOCALES, translate, type Locale, type MessageKey } from './messages';

export const LOCALE_COOKIE = 'lang';

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'vi';
}

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export async function getT(): Promise<T> {
  const locale = await getLocale();
  return (key, params) => translate(locale, key, params);
}
