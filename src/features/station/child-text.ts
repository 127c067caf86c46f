import { translate, type Language, type MessageKey, type RichParams } from '#i18n';

/** A translator bound to the signed-in child's language, which may differ from the teacher's. */
export type ChildText = (key: MessageKey, params?: RichParams) => string;

export function childText(language: Language): ChildText {
  return (key, params) => translate(language, key, params);
}
