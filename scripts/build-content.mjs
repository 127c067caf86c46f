#!/usr/bin/env node
/**
 * Builds the starter content in src/content from the shared fixtures:
 *
 *   ../shared/fixtures/kindergarten-literacy.json → src/content/kindergarten-literacy.json
 *   ../shared/fixtures/kindergarten-sel.json      → src/content/kindergarten-sel.json
 *
 * Each output is `{ framework, targets, itemSets }` in the domain shapes of src/protocol/domain.ts.
 * Run once by hand (`node scripts/build-content.mjs`); the output is committed, so the app and its tests
 * never read ../shared. Plain Node, no dependencies. Anything it does not recognise is an error, not a guess.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = resolve(root, '../shared/fixtures');
const out = resolve(root, 'src/content');

const LITERACY = 'kindergarten-literacy';
const SEL = 'kindergarten-sel';

const ICONS = new Set([
  'book',
  'arrow',
  'word',
  'space',
  'abc',
  'letter-upper',
  'letter-lower',
  'ear',
  'clap',
  'rhyme',
  'syllable',
  'blend',
  'sound',
  'vowel',
  'eye',
  'pencil',
  'puzzle',
  'star',
  'heart',
  'calm',
  'hand',
  'friends',
  'speech',
  'choice',
]);

function fail(message) {
  throw new Error(`build-content: ${message}`);
}

function readJson(name) {
  return JSON.parse(readFileSync(resolve(fixtures, name), 'utf8'));
}

function slug(text) {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---------------------------------------------------------------------------------------------------------
// Icons, SEL codes and Spanish statements (written for this project).

const TARGET_ICONS = {
  'cp-book-handling': 'book',
  'cp-directionality': 'arrow',
  'cp-print-carries-message': 'word',
  'cp-word-spaces': 'space',
  'cp-one-to-one': 'hand',
  'lt-names-upper': 'letter-upper',
  'lt-names-lower': 'letter-lower',
  'pa-word-awareness': 'clap',
  'pa-rhyme-recognize': 'ear',
  'pa-rhyme-produce': 'rhyme',
  'pa-syllable-blend': 'syllable',
  'pa-syllable-segment': 'clap',
  'pa-onset-rime-blend': 'blend',
  'pa-onset-rime-segment': 'puzzle',
  'pa-initial-sound': 'sound',
  'pa-final-sound': 'sound',
  'pa-medial-vowel': 'vowel',
  'pa-phoneme-blend': 'blend',
  'pa-phoneme-segment': 'puzzle',
  'pa-phoneme-change': 'star',
  'ph-consonant-sounds': 'abc',
  'ph-short-vowels': 'vowel',
  'ph-long-vowels': 'vowel',
  'ph-decode-cvc': 'word',
  'ph-similar-words': 'eye',
  'hf-dolch-pre-primer': 'star',
  'hf-dolch-primer': 'star',
  'fl-emergent-text': 'book',
  'sel-name-feelings': 'heart',
  'sel-ask-for-help': 'speech',
  'sel-calm-down': 'calm',
  'sel-wait-turn': 'hand',
  'sel-notice-others': 'eye',
  'sel-share-take-turns': 'friends',
  'sel-solve-problem': 'puzzle',
  'sel-make-choice': 'choice',
};

/** CASEL competency → code segment (SEL.<segment>.<n>). */
const SEL_COMPETENCY_CODES = {
  'self-awareness': 'SA',
  'self-management': 'SM',
  'social awareness': 'SOA',
  'relationship skills': 'RS',
  'responsible decision-making': 'RDM',
};

/** Short labels for the concepts-of-print tasks (the fixture only has the teacher's prompt). */
const PRINT_TASK_LABELS = {
  'front-cover': 'Front cover',
  title: 'Title',
  'right-way-up': 'Right way up',
  'turn-page': 'Turn the page',
  'start-here': 'Where to start',
  'which-way': 'Left to right',
  'return-sweep': 'Next line',
  'left-page-first': 'Left page first',
  'print-or-picture': 'Words, not the picture',
  'point-to-letter': 'One letter',
  'point-to-word': 'One word',
  'first-last-letter': 'First and last letter',
  'point-to-space': 'A space',
  'count-words-in-line': 'Count the words',
};

/** Spanish statements. English example words stay in English: the checks themselves are in English. */
const ES = {
  'cp-book-handling': {
    kidStatement: 'Puedo sostener un libro bien y encontrar la portada.',
    teacherStatement:
      'Sostiene el libro al derecho, identifica la portada, la contraportada y el título, y pasa las páginas de adelante hacia atrás. El manejo del libro es el punto de partida de los conceptos del texto impreso; no es un subestándar aparte de RF.K.1, por eso se codifica como RF.K.1.',
  },
  'cp-directionality': {
    kidStatement: 'Puedo leer de izquierda a derecha, de arriba abajo y página por página.',
    teacherStatement:
      'Muestra dónde se empieza a leer en una página, desliza el dedo de izquierda a derecha por una línea, regresa al principio de la línea siguiente y lee la página izquierda antes que la derecha.',
  },
  'cp-print-carries-message': {
    kidStatement: 'Sé que las letras de una palabra me dicen qué decir.',
    teacherStatement:
      'Comprende que el texto impreso (no el dibujo) lleva el mensaje y que una palabra hablada se escribe con una secuencia específica de letras; distingue una letra de una palabra y señala la primera y la última letra de una palabra.',
  },
  'cp-word-spaces': {
    kidStatement: 'Puedo encontrar los espacios entre las palabras.',
    teacherStatement:
      'Señala los espacios que separan las palabras en una línea impresa y cuenta las palabras de una oración corta escrita.',
  },
  'cp-one-to-one': {
    kidStatement: 'Puedo señalar cada palabra mientras la digo.',
    teacherStatement:
      'Hace corresponder las palabras habladas con las escritas (correspondencia entre voz y texto) al leer o recitar una oración repetitiva conocida, y se autocorrige cuando el dedo se adelanta o se atrasa. Práctica habitual basada en RF.K.1a y RF.K.1c.',
  },
  'lt-names-upper': {
    kidStatement: 'Puedo nombrar todas las letras mayúsculas.',
    teacherStatement: 'Nombra cada letra mayúscula cuando se le muestran de una en una y en orden aleatorio.',
  },
  'lt-names-lower': {
    kidStatement: 'Puedo nombrar todas las letras minúsculas.',
    teacherStatement:
      'Nombra cada letra minúscula cuando se le muestran de una en una y en orden aleatorio, incluidas las que se confunden con facilidad (b, d, p, q) y las dos formas impresas de la a y la g.',
  },
  'pa-word-awareness': {
    kidStatement: 'Puedo aplaudir cada palabra de una oración que escucho.',
    teacherStatement:
      'Escucha una oración corta y aplaude o da un golpecito por cada palabra. Paso previo habitual al trabajo con sílabas y fonemas; se codifica como RF.K.2.',
  },
  'pa-rhyme-recognize': {
    kidStatement: 'Puedo decir si dos palabras riman.',
    teacherStatement: 'Escucha dos palabras y dice si riman o no.',
  },
  'pa-rhyme-produce': {
    kidStatement: 'Puedo decir una palabra que rima.',
    teacherStatement: 'Dice una palabra real o inventada que rima con una palabra que escucha.',
  },
  'pa-syllable-blend': {
    kidStatement: 'Puedo juntar las partes de una palabra: pen…cil forma pencil.',
    teacherStatement: 'Une sílabas habladas para formar una palabra y la pronuncia.',
  },
  'pa-syllable-segment': {
    kidStatement: 'Puedo aplaudir y contar las partes de una palabra.',
    teacherStatement: 'Separa una palabra hablada en sílabas aplaudiendo y dice cuántas sílabas tiene.',
  },
  'pa-onset-rime-blend': {
    kidStatement: 'Puedo juntar /c/ y /at/ para decir cat.',
    teacherStatement:
      'Une el sonido inicial (onset) y la rima (rime) de una palabra hablada de una sílaba para formar la palabra.',
  },
  'pa-onset-rime-segment': {
    kidStatement: 'Puedo separar cat en /c/ y /at/.',
    teacherStatement: 'Separa una palabra hablada de una sílaba en su sonido inicial (onset) y su rima (rime).',
  },
  'pa-initial-sound': {
    kidStatement: 'Puedo decir el primer sonido de una palabra.',
    teacherStatement:
      'Aísla y pronuncia el primer fonema de una palabra CVC hablada (dice el sonido, no el nombre de la letra).',
  },
  'pa-final-sound': {
    kidStatement: 'Puedo decir el último sonido de una palabra.',
    teacherStatement: 'Aísla y pronuncia el último fonema de una palabra CVC hablada.',
  },
  'pa-medial-vowel': {
    kidStatement: 'Puedo decir el sonido del medio en una palabra como cat.',
    teacherStatement: 'Aísla y pronuncia la vocal corta del medio de una palabra CVC hablada.',
  },
  'pa-phoneme-blend': {
    kidStatement: 'Puedo juntar sonidos para decir una palabra: /m/ /a/ /p/ forma map.',
    teacherStatement:
      'Une tres fonemas dichos por separado para formar una palabra CVC. Es práctica habitual en kínder; los CCSS sitúan la unión completa de fonemas en primer grado (RF.1.2b), por eso aquí se codifica como RF.K.2.',
  },
  'pa-phoneme-segment': {
    kidStatement: 'Puedo separar una palabra en sus sonidos: sun es /s/ /u/ /n/.',
    teacherStatement:
      'Separa una palabra CVC hablada en sus tres fonemas, por ejemplo, dando un golpecito o moviendo una ficha por cada sonido. Es práctica habitual en kínder; los CCSS sitúan la segmentación completa en primer grado (RF.1.2d).',
  },
  'pa-phoneme-change': {
    kidStatement: 'Puedo cambiar un sonido para hacer una palabra nueva: cat se convierte en hat.',
    teacherStatement:
      'Agrega o cambia un fonema en una palabra hablada sencilla de una sílaba para formar una palabra nueva (primero el sonido inicial, luego el final y después el del medio).',
  },
  'ph-consonant-sounds': {
    kidStatement: 'Puedo decir el sonido de cada consonante.',
    teacherStatement:
      'Produce el sonido principal de cada una de las 21 consonantes al ver la letra minúscula en orden aleatorio (se aceptan la c y la g fuertes, /ks/ para la x y /kw/ para qu).',
  },
  'ph-short-vowels': {
    kidStatement: 'Puedo decir el sonido corto de la a, la e, la i, la o y la u.',
    teacherStatement: 'Produce el sonido corto de cada una de las cinco vocales.',
  },
  'ph-long-vowels': {
    kidStatement: 'Sé que el sonido largo de una vocal dice su nombre.',
    teacherStatement:
      'Da el sonido largo (el que coincide con el nombre de la letra) de cada una de las cinco vocales y dice si una palabra que escucha tiene el sonido corto o el largo (por ejemplo, hat y hay).',
  },
  'ph-decode-cvc': {
    kidStatement: 'Puedo leer palabras cortas como cat y sun, sonido por sonido.',
    teacherStatement:
      'Lee palabras CVC impresas diciendo el sonido de cada letra y uniéndolos (o leyendo la palabra completa). Aplica RF.K.3a y RF.K.3b; los CCSS sitúan la decodificación de palabras de una sílaba con ortografía regular en primer grado (RF.1.3b).',
  },
  'ph-similar-words': {
    kidStatement: 'Puedo decir en qué se diferencian palabras como cat y cap.',
    teacherStatement: 'Lee dos palabras que se escriben de forma parecida y nombra la letra y el sonido que cambian.',
  },
  'hf-dolch-pre-primer': {
    kidStatement: 'Puedo leer mis primeras 40 palabras de uso frecuente.',
    teacherStatement:
      'Lee de vista cada palabra de la lista Dolch pre-primer (en unos 3 segundos, sin descifrarla sonido por sonido) cuando se le muestran en orden aleatorio.',
  },
  'hf-dolch-primer': {
    kidStatement: 'Puedo leer las siguientes 52 palabras de uso frecuente.',
    teacherStatement: 'Lee de vista cada palabra de la lista Dolch primer cuando se le muestran en orden aleatorio.',
  },
  'fl-emergent-text': {
    kidStatement: 'Puedo leer un librito y contar de qué se trata.',
    teacherStatement:
      'Lee un texto corto para lectores principiantes (oraciones repetitivas, palabras de uso frecuente y palabras CVC) señalando cada palabra, y vuelve a contar lo que leyó o responde una pregunta para mostrar que comprendió.',
  },
  'sel-name-feelings': {
    kidStatement: 'Puedo decir cómo me siento.',
    teacherStatement:
      'Nombra al menos cuatro sentimientos (alegría, tristeza, enojo, miedo), propios o en una imagen, y usa una palabra de sentimiento para decir cómo se siente.',
  },
  'sel-ask-for-help': {
    kidStatement: 'Puedo pedir ayuda cuando la necesito.',
    teacherStatement: 'Pide ayuda con palabras a un adulto o a un compañero, en lugar de rendirse o portarse mal.',
  },
  'sel-calm-down': {
    kidStatement: 'Puedo usar algo que me ayude a calmarme cuando algo me molesta.',
    teacherStatement:
      'Elige y usa una estrategia (respirar hondo, contar, el rincón de la calma) y vuelve a la actividad.',
  },
  'sel-wait-turn': {
    kidStatement: 'Puedo esperar mi turno.',
    teacherStatement:
      'Espera su turno en un juego o en una conversación sin arrebatar las cosas ni interrumpir, la mayoría de las veces.',
  },
  'sel-notice-others': {
    kidStatement: 'Puedo darme cuenta de cómo se siente un amigo.',
    teacherStatement:
      'Se fija en la cara o el cuerpo de un compañero y nombra lo que siente; muestra interés por cómo está.',
  },
  'sel-share-take-turns': {
    kidStatement: 'Puedo compartir y tomar turnos con un amigo.',
    teacherStatement: 'Comparte los materiales y toma turnos durante el juego sin que un adulto se lo pida.',
  },
  'sel-solve-problem': {
    kidStatement: 'Puedo usar palabras para resolver un problema con un amigo.',
    teacherStatement:
      'Usa palabras (“¿Me das un turno?”, “Vamos a turnarnos”) para resolver un conflicto y acepta una solución justa.',
  },
  'sel-make-choice': {
    kidStatement: 'Puedo tomar una buena decisión y decir por qué.',
    teacherStatement: 'Elige entre dos opciones en una estación o un centro y explica la razón con una oración.',
  },
};

// ---------------------------------------------------------------------------------------------------------
// Items: { id, label, prompt? }. Ids are stable, url-safe and unique within their set.

function itemsFor(set) {
  const items = set.items.map((raw) => itemFor(set.id, raw));
  const ids = new Set();
  for (const item of items) {
    if (!/^[A-Za-z0-9-]+$/.test(item.id)) fail(`item id "${item.id}" in ${set.id} is not url-safe`);
    if (ids.has(item.id)) fail(`duplicate item id "${item.id}" in ${set.id}`);
    ids.add(item.id);
  }
  return items;
}

function itemFor(setId, raw) {
  switch (setId) {
    case 'letters-uppercase':
    case 'letters-lowercase':
    case 'dolch-pre-primer':
    case 'dolch-primer':
    case 'cvc-words':
      return { id: raw, label: raw };
    case 'letter-sounds': {
      const short = raw.type === 'vowel' ? ' (short sound)' : '';
      return { id: `sound-${raw.letter}`, label: raw.letter, prompt: `${raw.sound} as in ${raw.keyword}${short}` };
    }
    case 'long-vowels':
      return { id: `long-${raw.letter}`, label: raw.letter, prompt: `${raw.sound} as in ${raw.keyword}` };
    case 'print-concepts-tasks': {
      const label = PRINT_TASK_LABELS[raw.id] ?? fail(`no label for print task ${raw.id}`);
      return { id: raw.id, label, prompt: raw.prompt };
    }
    case 'spoken-sentences':
      return { id: slug(raw.sentence), label: raw.sentence, prompt: `Clap each word (${raw.words} words).` };
    case 'rhyme-pairs':
      return {
        id: `${raw.a}-${raw.b}`,
        label: `${raw.a} / ${raw.b}`,
        prompt: `Do ${raw.a} and ${raw.b} rhyme? (${raw.rhymes ? 'yes' : 'no'})`,
      };
    case 'rhyme-prompts':
      return { id: raw, label: raw, prompt: `Tell me a word that rhymes with ${raw}.` };
    case 'syllable-words':
      return {
        id: raw.word,
        label: raw.word,
        prompt: `${raw.parts.join(' … ')} (${raw.syllables} ${raw.syllables === 1 ? 'part' : 'parts'})`,
      };
    case 'onset-rime-words':
      return { id: raw.word, label: raw.word, prompt: `/${raw.onset}/ … /${raw.rime}/` };
    case 'phoneme-changes': {
      const change =
        raw.position === 'add-first'
          ? `Add ${raw.to} at the start.`
          : `Change the ${raw.position} sound ${raw.from} to ${raw.to}.`;
      return {
        id: `${raw.start}-to-${raw.result}`,
        label: `${raw.start} → ${raw.result}`,
        prompt: `Say ${raw.start}. ${change} What word? (${raw.result})`,
      };
    }
    case 'similar-word-pairs': {
      const i = [...raw.a].findIndex((ch, k) => ch !== raw.b[k]);
      return {
        id: `${raw.a}-${raw.b}`,
        label: `${raw.a} / ${raw.b}`,
        prompt: `Read both words. What is different? (${raw.a[i]} / ${raw.b[i]})`,
      };
    }
    default:
      return fail(`unknown item set ${setId}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Suggested mastery (prose) → MasteryRule.

function ruleFrom(text, hasItemSet) {
  let m;
  if ((m = /^(\d+)\/(\d+) .*on (\d+) different days/i.exec(text)))
    return { kind: 'allItemsOnDistinctDays', days: Number(m[3]) };
  if ((m = /^(All listed tasks|Each word) .*on (\d+) different days/i.exec(text)))
    return { kind: 'allItemsOnDistinctDays', days: Number(m[2]) };
  if ((m = /^(\d+) of (\d+) /.exec(text))) return { kind: 'itemsInOneCheck', count: Number(m[1]) };
  // "Correct on 3 different short sentences", "Accurate pointing … on 2 different days": scored occasions.
  if ((m = /^Correct on (\d+) different/i.exec(text)))
    return { kind: 'score', method: { kind: 'nTimes', n: Number(m[1]) } };
  if (!hasItemSet && (m = /on (\d+) different days/i.exec(text)))
    return { kind: 'score', method: { kind: 'nTimes', n: Number(m[1]) } };
  // Observation-only with a qualitative criterion: the project default, 3 of the last 4 at Proficient.
  if (!hasItemSet) return { kind: 'score', method: { kind: 'mOfN', m: 3, n: 4 } };
  return fail(`cannot translate suggestedMastery "${text}"`);
}

function translation(id) {
  const es = ES[id] ?? fail(`no Spanish statements for ${id}`);
  if (!es.kidStatement || !es.teacherStatement) fail(`incomplete Spanish statements for ${id}`);
  return { es };
}

function icon(id) {
  const value = TARGET_ICONS[id] ?? fail(`no icon for ${id}`);
  if (!ICONS.has(value)) fail(`unknown icon ${value} for ${id}`);
  return value;
}

// ---------------------------------------------------------------------------------------------------------

function buildLiteracy() {
  const src = readJson('kindergarten-literacy.json');
  const source = (id) => src.sources.find((s) => s.id === id) ?? fail(`no source ${id}`);

  const ccss = source('ccss-ela-rf-k');
  const required = /Required notice: (.+)$/.exec(ccss.license)?.[1] ?? fail('no CCSS required notice');
  const licence = ccss.license.slice(0, ccss.license.indexOf('Required notice:')).trim();
  const dolch = source('dolch');
  const project = source('project');
  const notices = [
    `${ccss.title}. ${ccss.url}. Used under the ${licence} ${required}`,
    `${dolch.title}. ${dolch.citation} ${dolch.license}`,
    `${project.title}: ${project.license}`,
  ];

  const framework = {
    id: LITERACY,
    title: src.title,
    kind: 'academic',
    version: src.version,
    notices,
    caseDocumentIdentifier: src.caseDocumentIdentifier,
  };

  const itemSets = src.itemSets.map((set) => ({
    id: set.id,
    frameworkId: LITERACY,
    title: set.title,
    items: itemsFor(set),
  }));
  const setById = new Map(src.itemSets.map((s) => [s.id, s]));
  const builtById = new Map(itemSets.map((s) => [s.id, s]));

  const targets = [...src.targets]
    .sort((a, b) => a.sequence - b.sequence)
    .map((t) => {
      const { check } = t;
      const target = {
        id: t.id,
        frameworkId: LITERACY,
        code: t.standardCode,
        sequence: t.sequence,
        strand: t.strand,
        teacherStatement: t.teacherDescription,
        kidStatement: t.iCan,
        icon: icon(t.id),
      };
      if (check.itemSet) {
        const built = builtById.get(check.itemSet) ?? fail(`${t.id}: unknown item set ${check.itemSet}`);
        target.itemSetId = check.itemSet;
        if (check.items) {
          const known = new Set(built.items.map((i) => i.id));
          for (const id of check.items) if (!known.has(id)) fail(`${t.id}: unknown item ${id}`);
          target.itemIds = [...check.items];
        } else if (check.filter) {
          const raw = setById.get(check.itemSet).items;
          target.itemIds = built.items
            .filter((_, k) => Object.entries(check.filter).every(([key, value]) => raw[k][key] === value))
            .map((i) => i.id);
          if (target.itemIds.length === 0) fail(`${t.id}: filter matches no items`);
        }
      }
      target.prerequisites = [...t.prerequisites];
      target.rule = ruleFrom(check.suggestedMastery, Boolean(check.itemSet));
      target.caseIdentifier = t.caseIdentifier;
      target.translations = translation(t.id);
      return target;
    });

  return { framework, targets, itemSets };
}

function buildSel() {
  const src = readJson('kindergarten-sel.json');
  const notices = src.sources.map((s) =>
    [`${s.title}${s.license ? ':' : '.'}`, s.license, s.url].filter(Boolean).join(' '),
  );
  const framework = { id: SEL, title: src.title, kind: 'socialEmotional', version: src.version, notices };
  const counters = new Map();
  const targets = [...src.targets]
    .sort((a, b) => a.sequence - b.sequence)
    .map((t) => {
      const segment = SEL_COMPETENCY_CODES[t.competency] ?? fail(`unknown competency ${t.competency}`);
      const n = (counters.get(segment) ?? 0) + 1;
      counters.set(segment, n);
      const sm = t.suggestedMastery;
      if (sm?.kind !== 'mOfN') fail(`${t.id}: unexpected suggestedMastery ${JSON.stringify(sm)}`);
      return {
        id: t.id,
        frameworkId: SEL,
        code: `SEL.${segment}.${n}`,
        sequence: t.sequence,
        strand: t.competency,
        teacherStatement: t.teacherDescription,
        kidStatement: t.iCan,
        icon: icon(t.id),
        prerequisites: [...t.prerequisites],
        rule: { kind: 'score', method: { kind: 'mOfN', m: sm.m, n: sm.n } },
        translations: translation(t.id),
      };
    });
  return { framework, targets, itemSets: [] };
}

function write(name, content) {
  writeFileSync(resolve(out, name), `${JSON.stringify(content, null, 2)}\n`);
  console.log(`wrote src/content/${name}: ${content.targets.length} targets, ${content.itemSets.length} item sets`);
}

write(`${LITERACY}.json`, buildLiteracy());
write(`${SEL}.json`, buildSel());
