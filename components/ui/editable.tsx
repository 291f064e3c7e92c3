"use client";
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "./button";

/**
 * Inline editing: a read-only view with an "Edit" toggle that opens a form in place. The form
 * (a client component) calls `useCloseEditor()` after it saves, which closes the panel and
 * returns focus to the toggle. The view and the form are passed in as elements, so a server
 * component can compose them.
 */
const CloseEditor = createContext<(() => void) | null>(null);

/** Inside an editor panel: closes it. Outside one: null. */
export function useCloseEditor(): (() => void) | null {
  return useContext(CloseEditor);
}

function useEditor() {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  const panelId = useId();

  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea")?.focus();
    else if (wasOpen.current) toggleRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const toggle = (label: string, editLabel: string) => (
    <Button
      ref={toggleRef}
      variant={open ? "secondary" : "ghost"}
      size="sm"
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      aria-label={open ? `Close editing ${label}` : `${editLabel} ${label}`}
      onClick={() => setOpen((o) => !o)}
    >
      {open ? "Close" : editLabel}
    </Button>
  );
  return { open, close: () => setOpen(false), toggle, panelRef, panelId };
}

/** A block (a card header, a list item) whose edit form opens beneath it. */
export function EditableBlock({ label, editLabel = "Edit", view, form }: { label: string; editLabel?: string; view: ReactNode; form: ReactNode }) {
  const editor = useEditor();
  return (
    <div>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0 flex-1">{view}</div>
        <div className="shrink-0">{editor.toggle(label, editLabel)}</div>
      </div>
      {editor.open ? (
        <div ref={editor.panelRef} id={editor.panelId} className="mt-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
          <CloseEditor.Provider value={editor.close}>{form}</CloseEditor.Provider>
        </div>
      ) : null}
    </div>
  );
}

/**
 * A table row whose edit form opens in a full-width row beneath it. `cells` are its <td>s, the
 * toggle gets the last one. Without a `form` (the member may not edit) it is a plain row.
 */
export function EditableRow({ label, editLabel = "Edit", cells, form, colSpan, className }: { label: string; editLabel?: string; cells: ReactNode; form: ReactNode; colSpan: number; className?: string }) {
  const editor = useEditor();
  if (form == null) return <tr className={className}>{cells}</tr>;
  return (
    <>
      <tr className={className}>
        {cells}
        <td className="px-3 py-2 text-right">{editor.toggle(label, editLabel)}</td>
      </tr>
      {editor.open ? (
        <tr>
          <td colSpan={colSpan} className="bg-slate-50 px-3 py-4">
            <div ref={editor.panelRef} id={editor.panelId}>
              <CloseEditor.Provider value={editor.close}>{form}</CloseEditor.Provider>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
