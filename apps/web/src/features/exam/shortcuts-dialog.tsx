import { Dialog } from '../../components/dialog.tsx';

const SHORTCUTS: [keys: string[], action: string][] = [
  [['1', '2', '3', '4', '5', '6'], 'Choose or clear option A to F'],
  [['←'], 'Previous question'],
  [['→'], 'Next question'],
  [['F'], 'Flag or unflag for review'],
  [['S', 'U', 'G'], 'Say you are sure, unsure or guessing (again to take it back)'],
  [['?'], 'Show this list'],
  [['Esc'], 'Close a dialog'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      actions={
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      <p className="muted">Shortcuts work anywhere on the exam page except while typing in a text field.</p>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={action}>
            <dt>
              {keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
