/** @jsxRuntime automatic */
// A modal dialog: labelled, closes on Escape, keeps Tab inside, gives focus back on close.
import { useLayoutEffect, useRef, type ReactNode } from 'react';

/** Open modals, innermost last: Escape closes only the innermost one. */
const stack: symbol[] = [];

export function Modal(props: { label: string; onClose(): void; children: ReactNode; wide?: boolean; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  // A layout effect: focus and the Escape handler are in place before the dialog is painted,
  // so a key pressed as soon as it shows is not lost.
  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const el = ref.current;
    const first = el?.querySelector<HTMLElement>('[data-autofocus], input, select, textarea, button');
    (first ?? el)?.focus();
    const id = Symbol('modal');
    stack.push(id);
    // Escape works even when focus has left the dialog (e.g. its focused button was replaced).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || stack[stack.length - 1] !== id || e.defaultPrevented) return;
      e.preventDefault();
      onClose.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      stack.splice(stack.indexOf(id), 1);
      previous?.focus?.();
    };
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
      .filter((x) => !x.hasAttribute('disabled') && x.offsetParent !== null);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) props.onClose(); }}>
      <div
        ref={ref}
        className={`modal ${props.wide ? 'modal-wide' : ''} ${props.className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.label}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {props.children}
      </div>
    </div>
  );
}
