/**
 * Run `task` once the frame being prepared has been drawn: work that the screen does not wait for
 * (sending an edit to the service) then does not delay the frame that shows the edit. A hidden page
 * draws no frames, so a timer runs the task anyway after `fallbackMs`. Without animation frames
 * (tests in Node) it runs on the next turn of the event loop.
 */
export function afterFrame(task: () => void, fallbackMs = 100): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(run, 0);
    return;
  }
  const fallback = setTimeout(run, fallbackMs);
  requestAnimationFrame(() => {
    // rAF callbacks run just before the frame is drawn; a timer set here runs after it.
    setTimeout(() => {
      clearTimeout(fallback);
      run();
    }, 0);
  });
}
