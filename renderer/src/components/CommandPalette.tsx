/** @jsxRuntime automatic */
// The command palette: every action by name, with its shortcut.
import { useMemo, useState } from 'react';
import { filterCommands, type Command } from '../app/commands';
import { Modal } from './Modal';

export function CommandPalette({ commands, onClose }: { commands: Command[]; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const list = useMemo(() => filterCommands(commands.filter((c) => c.id !== 'palette'), query), [commands, query]);

  const run = (cmd: Command | undefined) => {
    if (!cmd || (cmd.enabled && !cmd.enabled())) return;
    onClose();
    // Let the palette close (and give focus back) before the command opens its own UI.
    setTimeout(() => cmd.run(), 0);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setIndex((i) => Math.min(list.length - 1, i + 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setIndex((i) => Math.max(0, i - 1)); }
    else if (e.key === 'Enter') { e.preventDefault(); run(list[index]); }
  };

  return (
    <Modal label="Command palette" onClose={onClose} className="palette">
      <input
        data-autofocus
        className="palette-input"
        placeholder="Type a command"
        value={query}
        onChange={(e) => { setQuery(e.target.value); setIndex(0); }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={list[index] ? `cmd-${list[index].id}` : undefined}
        aria-label="Command"
      />
      <ul id="palette-list" className="palette-list" role="listbox" aria-label="Commands">
        {list.map((cmd, i) => {
          const disabled = cmd.enabled ? !cmd.enabled() : false;
          return (
            <li
              key={cmd.id}
              id={`cmd-${cmd.id}`}
              role="option"
              aria-selected={i === index}
              aria-disabled={disabled}
              className={`palette-item ${i === index ? 'active' : ''} ${disabled ? 'disabled' : ''}`}
              onMouseEnter={() => setIndex(i)}
              onClick={() => run(cmd)}
            >
              <span>{cmd.title}</span>
              {cmd.shortcut && <kbd>{cmd.shortcut}</kbd>}
            </li>
          );
        })}
        {list.length === 0 && <li className="muted palette-item">No matching command</li>}
      </ul>
    </Modal>
  );
}
