/**
 * Which stored attachments the app shows, and how: photos and drawings only as <img>, voice only as
 * <audio>, the types the app records (the server's media types). Anything else (an SVG or HTML page
 * someone uploaded) is never turned into an object URL, so it can be neither shown nor opened.
 */
const IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
const AUDIO_TYPES: readonly string[] = ['audio/webm', 'audio/mp4', 'audio/ogg', 'audio/wav'];

export interface Showable {
  readonly as: 'image' | 'audio';
  /** The plain media type the object URL is made with (parameters such as codecs dropped). */
  readonly type: string;
}

export function showableMedia(mime: string): Showable | null {
  const type = mime.split(';')[0]!.trim().toLowerCase();
  if (IMAGE_TYPES.includes(type)) return { as: 'image', type };
  if (AUDIO_TYPES.includes(type)) return { as: 'audio', type };
  return null;
}
