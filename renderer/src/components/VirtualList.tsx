// A virtualised list (TanStack Virtual) for long lists: only visible rows are in the page.
import { Box } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  items: T[];
  estimateSize: number;
  renderItem: (item: T, index: number) => ReactNode;
  getKey: (item: T) => string;
  /** Height of the scrolling area. */
  height?: number | string;
  label: string;
}

export function VirtualList<T>({ items, estimateSize, renderItem, getKey, height = 'calc(100vh - 260px)', label }: VirtualListProps<T>) {
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => estimateSize,
    overscan: 8,
    getItemKey: (index) => getKey(items[index]!),
  });
  return (
    <Box ref={parentRef} style={{ height, overflowY: 'auto' }} role="list" aria-label={label} tabIndex={-1}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            role="listitem"
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
          >
            {renderItem(items[row.index]!, row.index)}
          </div>
        ))}
      </div>
    </Box>
  );
}
