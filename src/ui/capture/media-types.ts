/**
 * What the capture components hand back: plain bytes and a MIME type. They never store anything; the
 * caller stores the bytes (putBlob) and keeps the returned SHA-256 id. Bytes, not Blobs, because Safari has
 * lost Blobs kept in IndexedDB.
 */
export interface CapturedMedia {
  readonly bytes: ArrayBuffer;
  readonly mime: string;
}

export interface AudioClip extends CapturedMedia {
  readonly durationMs: number;
}

/** The part of MediaRecorder the recorder uses, so tests can stand in a fake without patching globals. */
export interface RecorderLike {
  readonly mimeType: string;
  /** Registers the listeners before start(): chunks as they come, then the end. */
  listen(onData: (chunk: Blob) => void, onStop: () => void): void;
  start(timesliceMs?: number): void;
  stop(): void;
}

export interface AudioDevices {
  getMicrophone(): Promise<MediaStream>;
  createRecorder(stream: MediaStream): RecorderLike;
}

/** Preferred containers, best first: Chromium and Firefox record WebM/Opus, Safari records MP4/AAC. */
const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4', 'audio/ogg;codecs=opus'];

export function isAudioRecordingSupported(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof navigator !== 'undefined' && !!navigator.mediaDevices;
}

export const browserAudioDevices: AudioDevices = {
  getMicrophone: () => navigator.mediaDevices.getUserMedia({ audio: true }),
  createRecorder: (stream) => {
    const mimeType = AUDIO_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    return {
      get mimeType() {
        return recorder.mimeType;
      },
      listen: (onData, onStop) => {
        recorder.addEventListener('dataavailable', (event) => onData(event.data));
        recorder.addEventListener('stop', onStop);
      },
      start: (timesliceMs) => recorder.start(timesliceMs),
      stop: () => {
        if (recorder.state !== 'inactive') recorder.stop();
      },
    };
  },
};

/** An object URL for stored bytes, or null where the platform has none; the caller revokes it (useObjectUrl). */
export function bytesToObjectUrl(media: CapturedMedia): string | null {
  if (typeof URL.createObjectURL !== 'function') return null;
  return URL.createObjectURL(new Blob([media.bytes], { type: media.mime }));
}
