import { Menu } from 'antd';
import type { CSSProperties } from 'react';

interface Props {
  items: { key: string; label: string }[];
  selectedKeys: string[];
  onNavigate: (path: string) => void;
  style?: CSSProperties;
}

/**
 * The header's menu of the role's pages on a wide screen. In a chunk of its own (Layout.tsx loads
 * it lazily): a phone shows the bottom bar instead, and antd's Menu is weight on its way.
 */
export function NavMenu({ items, selectedKeys, onNavigate, style }: Props) {
  return (
    <Menu
      theme="dark"
      mode="horizontal"
      selectedKeys={selectedKeys}
      items={items}
      onClick={({ key }) => onNavigate(key)}
      style={style}
    />
  );
}
