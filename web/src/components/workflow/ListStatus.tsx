import { Button, Empty, Flex, Spin } from 'antd';
import { QueryError } from '../QueryState';
import { useI18n } from '../../i18n';
import type { KeysetList } from './useKeysetList';

/** Under a paged list: the error with a retry, the empty note, the spinner, or "load more". */
export function ListStatus<T>({ list, emptyText }: { list: KeysetList<T>; emptyText: string }) {
  const { t } = useI18n();
  if (list.error) {
    return <QueryError error={list.error} retry={list.items.length ? list.loadMore : list.reload} />;
  }
  if (list.loading) {
    return (
      <Flex justify="center" style={{ padding: 16 }}>
        <Spin />
      </Flex>
    );
  }
  if (!list.items.length) return <Empty description={emptyText} />;
  if (!list.hasMore) return null;
  return (
    <Button block onClick={list.loadMore}>
      {t('加载更多', 'Load more')}
    </Button>
  );
}
