import { useEffect, useRef, type RefObject } from 'react';

/** A `<dialog>` shown as a modal while the component is mounted (focus trapped, the page inert). */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  return ref;
}
