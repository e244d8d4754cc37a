import 'server-only';
import type { T } from '@/lib/i18n/server';

/** The words of a log's filter line (both views). */
export function logFilterText(t: T) {
  return {
    from: t('audit.filter.from'),
    to: t('audit.filter.to'),
    placeholder: t('audit.filter.datePlaceholder'),
    apply: t('enterprises.filter.apply'),
    clear: t('enterprises.filter.clear'),
    unread: (text: string) => t('audit.filter.badDate', { text }),
  };
}
