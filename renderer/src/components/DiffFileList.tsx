/** @jsxRuntime automatic */
// The files a diff summary lists, under a disclosure. Its items are rendered only while it is
// open, and not again when only the selection changes: a 1000-app pod compared with an empty
// disk lists thousands of files, which would otherwise be rebuilt on every click.
import { memo, useState } from 'react';
import { shortPath } from '../model/paths';
import type { DiffSummary } from '../model/fileSets';

interface Props {
  summary: DiffSummary;
  onPick(path: string): void;
}

const GROUPS = [
  { key: 'changed', mark: 'M' },
  { key: 'added', mark: 'A' },
  { key: 'removed', mark: 'D' },
] as const;

export const DiffFileList = memo(function DiffFileList({ summary, onPick }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details className="diff-files" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Files</summary>
      {open && (
        <ul onClick={(e) => {
          const path = (e.target as HTMLElement).closest<HTMLElement>('[data-path]')?.dataset.path;
          if (path) onPick(path);
        }}>
          {GROUPS.flatMap(({ key, mark }) => summary[key].map((p) => (
            <li key={p}><button className="link" data-path={p}><span className={`mark-${key}`}>{mark}</span> {shortPath(p)}</button></li>
          )))}
        </ul>
      )}
    </details>
  );
});
