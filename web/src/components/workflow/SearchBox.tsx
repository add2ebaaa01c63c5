import { Input } from 'antd';
import { useEffect, useState, type CSSProperties } from 'react';

/** Waits this long after the last keystroke before searching (Enter searches at once). */
const DEBOUNCE_MS = 400;

interface Props {
  onSearch: (text: string) => void;
  placeholder: string;
  testId?: string;
  style?: CSSProperties;
}

/** A search field that searches as one types, without a request per keystroke. */
export function SearchBox({ onSearch, placeholder, testId, style }: Props) {
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => onSearch(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <Input
      type="search"
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => onSearch(text.trim())}
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid={testId}
      style={style}
    />
  );
}
