import { useEffect, useMemo, useRef, useState } from 'react';
import { AutoComplete, Input, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { searchOptions } from './search-options';
import './search.css';

const DELAY_MS = 150;

/** The text once typing pauses, so that each keystroke does not ask the service. */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text), DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  return settled;
}

/**
 * The header's one search box, on every page: addresses (also by pinyin initials), compounds,
 * grids, communities and residents (name, or a phone's last four digits), grouped by kind.
 * ↑/↓ move, Enter opens the choice on the map: a building selected, an area fitted into view.
 */
export function SearchBox() {
  const t = useT();
  const input = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const query = useSettled(text.trim());
  const results = useApiQuery('search.all', { text: query }, { enabled: query.length > 0, staleTime: 10_000, placeholderData: keepPreviousData });
  const groups = useMemo(() => (results.data && query ? searchOptions(results.data, t) : []), [results.data, query, t]);
  const hrefs = useMemo(() => new Map(groups.flatMap((g) => g.options.map((o) => [o.value, o.href] as const))), [groups]);

  let notFound: string | null = null;
  if (query && results.isError) notFound = describeError(results.error, t).message;
  else if (query && results.isFetching && groups.length === 0) notFound = t('search.searching');
  else if (query && results.data && groups.length === 0) notFound = t('search.nothing', { text: query });

  const open = (value: string) => {
    const href = hrefs.get(value);
    if (!href) return;
    setText('');
    input.current?.blur();
    window.location.hash = href;
  };

  return (
    <AutoComplete
      className="gd-search"
      value={text}
      onChange={setText}
      onSelect={open}
      options={groups.map((g) => ({ label: g.label, title: g.key, options: g.options.map(({ value, label }) => ({ value, label })) }))}
      notFoundContent={notFound}
      defaultActiveFirstOption
      popupMatchSelectWidth={520}
      classNames={{ popup: { root: 'gd-search-popup' } }}
    >
      <Input
        ref={input}
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        data-testid="search-box"
      />
    </AutoComplete>
  );
}
