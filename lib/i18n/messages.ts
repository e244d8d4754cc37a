import { en } from './en';
import { vi, type MessageKey } from './vi';

/** UI text: Vietnamese first (vi.ts), English second (en.ts). */
export { en, vi, type MessageKey };

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = (locale === 'en' ? en : vi)[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`)) : text;
}
