// Runs `update` once now and once per batch of DOM changes (at most once per animation frame).
export function observe(update: () => void, signal: AbortSignal): void {
  let scheduled = false;
  const run = () => {
    scheduled = false;
    if (!signal.aborted) update();
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(run);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect());
  update();
}
