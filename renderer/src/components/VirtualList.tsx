/** @jsxRuntime automatic */
// A fixed-row-height virtualized list: only the rows in view (plus a margin) are in the DOM,
// so thousands of rows scroll as fast as thirty.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  overscan?: number;
  render(item: T, index: number): ReactNode;
  /** Index to keep in view (keyboard focus, reveal). */
  scrollToIndex?: number | null;
  className?: string;
  onKeyDown?: React.KeyboardEventHandler<HTMLDivElement>;
  role?: string;
  label?: string;
  activeDescendant?: string;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, overscan = 8 } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // A hidden list measures 0; render a screenful anyway so it is not empty when shown.
    const measure = () => setHeight(el.clientHeight || 400);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = ref.current;
    const index = props.scrollToIndex;
    if (!el || index === null || index === undefined || index < 0) return;
    // scrollTop and height are the state's copies: reading the element's own would force a
    // layout of the whole page in the middle of a commit.
    const top = index * rowHeight;
    if (top < scrollTop) el.scrollTop = top;
    else if (top + rowHeight > scrollTop + height) el.scrollTop = top + rowHeight - height;
  }, [props.scrollToIndex, rowHeight]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (el) setScrollTop(el.scrollTop);
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(props.render(items[i], i));

  return (
    <div
      ref={ref}
      className={`vlist ${props.className ?? ''}`}
      onScroll={onScroll}
      tabIndex={0}
      role={props.role}
      aria-label={props.label}
      aria-activedescendant={props.activeDescendant}
      onKeyDown={props.onKeyDown}
    >
      <div className="vlist-inner" style={{ height: items.length * rowHeight }}>
        <div className="vlist-window" style={{ transform: `translateY(${first * rowHeight}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
