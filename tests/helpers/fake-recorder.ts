import type { RecorderLike } from '#ui/capture/index.ts';

/** A MediaRecorder stand-in: stopping hands over one small audio chunk, then says it has stopped. */
export function fakeRecorder(mimeType: string): RecorderLike {
  let onData: (chunk: Blob) => void = () => undefined;
  let onStop: () => void = () => undefined;
  return {
    mimeType,
    listen: (data, stop) => {
      onData = data;
      onStop = stop;
    },
    start: () => undefined,
    stop: () => {
      onData(new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'audio/webm' }));
      onStop();
    },
  };
}
