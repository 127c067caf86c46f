/**
 * Runs `task` once the frame now being prepared is painted: a requestAnimationFrame callback runs just
 * before the frame's style, layout and paint, and a message posted from it is handled just after them.
 * For work a screen's first paint does not need (a photo's bytes, say): it then neither holds that frame
 * back nor competes with the reads the frame waits on. The tasks of one frame run together, in one task
 * (so React renders their updates once). Returns a canceller.
 */
export function afterFirstPaint(task: () => void): () => void {
  const entry = { task };
  waiting.add(entry);
  if (!isScheduled) {
    isScheduled = true;
    schedule(runWaiting);
  }
  return () => void waiting.delete(entry);
}

const waiting = new Set<{ readonly task: () => void }>();
let isScheduled = false;

function runWaiting(): void {
  isScheduled = false;
  const tasks = [...waiting];
  waiting.clear();
  for (const { task } of tasks) task();
}

function schedule(run: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') {
    setTimeout(run, 0);
    return;
  }
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      run();
    };
    channel.port2.postMessage(null);
  });
}
