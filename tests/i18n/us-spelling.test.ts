import { describe, expect, it } from 'vitest';
import { loadedCatalog } from '#i18n';
import { usSpellingProblems } from './us-spelling.ts';

describe('English messages are in US spelling', () => {
  it('finds no British spelling in any English message', () => {
    const en = loadedCatalog('en');
    const problems = Object.entries(en).flatMap(([key, text]) =>
      usSpellingProblems(text).map((word) => `${key}: “${word}” in “${text}”`),
    );
    expect(problems).toEqual([]);
  });

  it.each([
    ['Practise at home', ['Practise']],
    ["Let's practise d and p.", ['practise']],
    ['Keep practising', ['practising']],
    ['Choose a colour', ['colour']],
    ['The centre of the page', ['centre']],
    ['Organise the groups; it was organised', ['Organise', 'organised']],
    ['My favourite book', ['favourite']],
    ['Good behaviour', ['behaviour']],
    ['The reading programme', ['programme']],
    ['Restore cancelled', ['cancelled']],
    ['The licence and the catalogue', ['licence', 'catalogue']],
    ['She recognised and memorised it', ['recognised', 'memorised']],
    ['Personalisation', ['Personalisation']],
    ['Enrolment in the grey room', ['Enrolment', 'grey']],
  ])('catches “%s”', (text, words) => {
    expect(usSpellingProblems(text)).toEqual(words);
  });

  it.each([
    'Practice at home, practicing every day',
    'Choose a color; the center; organize; favorite; behavior; program; canceled',
    'A surprise exercise: revise, advise, promise, otherwise, raise the noise, precise and wise',
    'Enterprise expertise; devise, comprise, compromise, supervise, improvise, televise',
    'The license for the catalog; the learning target',
  ])('lets US spelling and -ise words that are US English too pass: “%s”', (text) => {
    expect(usSpellingProblems(text)).toEqual([]);
  });
});
