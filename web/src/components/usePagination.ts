import type { TablePaginationConfig } from 'antd';
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { useI18n } from '../i18n';

type ItemType = 'page' | 'prev' | 'next' | 'jump-prev' | 'jump-next';

/**
 * A table's pager whose buttons are named in the page's language. antd's pager puts its words
 * (上一页, 向前 5 页 …) only in tooltips: its arrow buttons are named by their icons, in English
 * ("left", "double-right"), and its page numbers are bare numbers. This names each one (上一页,
 * 第 2 页, 向后 5 页) in Chinese or English, and leaves out the page-size picker, which no list here
 * needs. Every table with a pager takes its `pagination` from here.
 */
export function usePagination(options: TablePaginationConfig): TablePaginationConfig {
  const { t } = useI18n();
  const size = options.showLessItems ? 3 : 5;
  const names: Record<ItemType, (page: number) => string> = {
    page: (page) => t(`第 ${page} 页`, `Page ${page}`),
    prev: () => t('上一页', 'Previous page'),
    next: () => t('下一页', 'Next page'),
    'jump-prev': () => t(`向前 ${size} 页`, `Back ${size} pages`),
    'jump-next': () => t(`向后 ${size} 页`, `Forward ${size} pages`),
  };
  return {
    showSizeChanger: false,
    ...options,
    itemRender: (page: number, type: ItemType, element: ReactNode) => {
      if (!isValidElement(element)) return element;
      const name = names[type](page);
      // The arrows are <button>s; the numbers and the jumps plain <a>s, which take a name only
      // with a role. The list item around each is what takes the focus and the keys.
      const role = element.type === 'button' ? undefined : 'button';
      return cloneElement(element as ReactElement<Record<string, unknown>>, { 'aria-label': name, role });
    },
  };
}
