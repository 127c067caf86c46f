/** English strings of the conference screens. Every key must exist in conference.es.ts (the type checks it). */
export const conferenceEn = {
  // Capture components (src/ui/capture), shared with the station.
  'capture.audio.title': 'Audio',
  'capture.audio.record': 'Record',
  'capture.audio.stop': 'Stop',
  'capture.audio.keep': 'Keep this recording',
  'capture.audio.again': 'Record again',
  'capture.audio.playback': 'Listen to the recording',
  'capture.audio.recording': 'Recording… {seconds} s',
  'capture.audio.review': 'Recorded {seconds} s. Listen, then keep it or record again.',
  'capture.audio.unsupported': 'This device cannot record audio here.',
  'capture.audio.denied': 'Could not use the microphone: {reason}',
  'capture.photo.title': 'Photos',
  'capture.photo.take': 'Take or choose a photo',
  'capture.photo.working': 'Preparing the photo…',
  'capture.photo.ready': 'Photo ready ({size}).',
  'capture.photo.failed': 'Could not read this photo: {reason}',
  'capture.photo.preview': 'Photo preview',
  'capture.drawing.title': 'Drawing',
  'capture.drawing.canvas': 'Drawing area: draw with a finger, pen or mouse',
  'capture.drawing.clear': 'Clear',
  'capture.drawing.keep': 'Keep this drawing',
  'capture.drawing.kept': 'Drawing kept.',
  'capture.drawing.colour': 'Colour',
  'capture.colour.ink': 'Black',
  'capture.colour.blue': 'Blue',
  'capture.colour.red': 'Red',
  'capture.colour.green': 'Green',
} as const;

export type ConferenceMessageKey = keyof typeof conferenceEn;
