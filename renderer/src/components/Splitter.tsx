/** @jsxRuntime automatic */
// A draggable divider between two panes; also moves with the arrow keys.
import { useRef } from 'react';

export function Splitter(props: { orientation: 'vertical' | 'horizontal'; label: string; value: number; min: number; max: number; onChange(v: number): void; invert?: boolean }) {
  const start = useRef<{ pos: number; value: number } | null>(null);
  const vertical = props.orientation === 'vertical';
  const clamp = (v: number) => Math.max(props.min, Math.min(props.max, v));
  const sign = props.invert ? -1 : 1;

  const onPointerDown = (e: React.PointerEvent) => {
    (e.target as HTMLElement).setPointerCapture(e.pointerId);
    start.current = { pos: vertical ? e.clientX : e.clientY, value: props.value };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    if (!start.current) return;
    const delta = (vertical ? e.clientX : e.clientY) - start.current.pos;
    props.onChange(clamp(start.current.value + sign * delta));
  };
  const onPointerUp = () => { start.current = null; };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 40 : 10;
    const dec = vertical ? 'ArrowLeft' : 'ArrowUp';
    const inc = vertical ? 'ArrowRight' : 'ArrowDown';
    if (e.key === dec) { e.preventDefault(); props.onChange(clamp(props.value - sign * step)); }
    if (e.key === inc) { e.preventDefault(); props.onChange(clamp(props.value + sign * step)); }
  };

  return (
    <div
      className={`splitter splitter-${props.orientation}`}
      role="separator"
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-label={props.label}
      aria-valuenow={Math.round(props.value)}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
