'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * Figures open enlarged: every image in the article becomes a button (click,
 * Enter or Space) that shows it in a modal <dialog>; Esc or a click closes it
 * and focus returns to the figure. One small island per page.
 */
export function FigureZoom({ scope = 'article .prose' }: { scope?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [figure, setFigure] = useState<{ src: string; alt: string } | null>(null);

  useEffect(() => {
    const images = [...document.querySelectorAll<HTMLImageElement>(`${scope} img`)];
    let opener: HTMLImageElement | null = null;
    const open = (img: HTMLImageElement) => {
      opener = img;
      setFigure({ src: img.currentSrc || img.src, alt: img.alt });
      dialog.current?.showModal();
    };
    const onClick = (event: Event) => open(event.currentTarget as HTMLImageElement);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      open(event.currentTarget as HTMLImageElement);
    };
    const onClose = () => opener?.focus();
    for (const img of images) {
      img.tabIndex = 0;
      img.setAttribute('role', 'button');
      img.setAttribute('aria-label', img.alt ? `Enlarge figure: ${img.alt}` : 'Enlarge figure');
      img.classList.add('zoomable');
      img.addEventListener('click', onClick);
      img.addEventListener('keydown', onKey);
    }
    const current = dialog.current;
    current?.addEventListener('close', onClose);
    return () => {
      for (const img of images) {
        img.removeEventListener('click', onClick);
        img.removeEventListener('keydown', onKey);
      }
      current?.removeEventListener('close', onClose);
    };
  }, [scope]);

  return (
    <dialog
      ref={dialog}
      aria-label="Enlarged figure"
      onClick={() => dialog.current?.close()}
      className="figure-dialog m-auto max-h-[95dvh] max-w-[95vw] bg-transparent p-0 backdrop:bg-black/80"
    >
      {figure ? (
        // eslint-disable-next-line @next/next/no-img-element -- the same content image, enlarged
        <img src={figure.src} alt={figure.alt} className="max-h-[90dvh] max-w-[95vw] rounded-lg bg-white object-contain" />
      ) : null}
      <form method="dialog" className="mt-2 text-center">
        <button type="submit" className="rounded-md bg-white/90 px-3 py-1 text-sm text-slate-900">
          Close (Esc)
        </button>
      </form>
    </dialog>
  );
}
