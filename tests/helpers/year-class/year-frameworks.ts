/**
 * The frameworks a kindergarten teacher adds to the starter ones over a year, as the app stores them: each
 * imported from a CASE package (ids `case-<CASE identifier>`, CASE identifiers being UUIDs), then some of
 * its targets given items and a rule in the target editor (item sets with UUID v7 ids, item ids as slugs
 * of their labels). With the 36 starter targets this makes 221 targets in 9 frameworks.
 */
import { caseFrameworkId, caseTargetId } from '#protocol/case-package.ts';
import type { Framework, Item, MasteryRule, Target } from '#protocol';

interface StrandSpec {
  readonly strand: string;
  readonly code: string;
  readonly icon: string;
  /** Teacher statements; the kid statement is made from each. */
  readonly statements: readonly string[];
}

interface FrameworkSpec {
  readonly title: string;
  readonly kind: Framework['kind'];
  readonly strands: readonly StrandSpec[];
}

const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

const SPECS: readonly FrameworkSpec[] = [
  {
    title: 'Kindergarten mathematics (CCSS Math K)',
    kind: 'academic',
    strands: [
      {
        strand: 'Counting and Cardinality',
        code: 'K.CC',
        icon: 'star',
        statements: [
          'Count to 10 by ones',
          'Count to 20 by ones',
          'Count to 50 by ones',
          'Count to 100 by ones',
          'Count to 100 by tens',
          'Count forward from a given number',
          'Read numerals 0 to 10',
          'Read numerals 11 to 20',
          'Write numerals 0 to 10',
          'Write numerals 11 to 20',
          'Match a number of objects to a numeral',
          'Say the number names in order when counting objects',
          'Say how many after the last count',
          'Know that each next number is one more',
          'Count up to 20 objects in a line',
          'Count up to 10 scattered objects',
          'Count out a number of objects from 1 to 20',
          'Compare two groups: more, fewer, the same',
          'Compare two numerals between 1 and 10',
          'Recognise small quantities without counting',
        ],
      },
      {
        strand: 'Operations and Algebraic Thinking',
        code: 'K.OA',
        icon: 'puzzle',
        statements: [
          'Show addition with objects and drawings',
          'Show subtraction with objects and drawings',
          'Solve addition word problems within 10',
          'Solve subtraction word problems within 10',
          'Decompose numbers up to 10 in more than one way',
          'Find the number that makes 10',
          'Add fluently within 5',
          'Subtract fluently within 5',
          'Act out joining and taking apart stories',
          'Write an equation for a story',
          'Explain a strategy for adding',
          'Continue a pattern',
        ],
      },
      {
        strand: 'Number and Operations in Base Ten',
        code: 'K.NBT',
        icon: 'blend',
        statements: [
          'Compose numbers 11 to 19 from ten ones and more ones',
          'Decompose numbers 11 to 19 into ten ones and more ones',
          'Show teen numbers with a ten-frame',
          'Record teen numbers with a drawing or equation',
        ],
      },
      {
        strand: 'Measurement and Data',
        code: 'K.MD',
        icon: 'eye',
        statements: [
          'Describe measurable attributes of an object',
          'Compare two objects by length',
          'Compare two objects by weight',
          'Compare two objects by capacity',
          'Sort objects into categories',
          'Count the objects in each category',
          'Order categories by count',
          'Name coins and their values',
        ],
      },
      {
        strand: 'Geometry',
        code: 'K.G',
        icon: 'puzzle',
        statements: [
          'Name flat shapes',
          'Name solid shapes',
          'Describe positions: above, below, beside, in front of, behind, next to',
          'Tell flat shapes from solid shapes',
          'Describe and compare shapes by their sides and corners',
          'Build shapes from sticks and clay',
          'Draw shapes',
          'Compose larger shapes from simple shapes',
          'Find shapes in the classroom',
          'Sort shapes by attributes',
          'Name shapes in any size or orientation',
          'Use shape words in conversation',
          'Make a picture from shapes',
          'Fold a shape in half',
          'Trace and cut out a shape',
          'Tell which shapes roll, stack or slide',
        ],
      },
    ],
  },
  {
    title: 'Kindergarten writing and language (CCSS W.K, L.K)',
    kind: 'academic',
    strands: [
      {
        strand: 'Text Types and Purposes',
        code: 'W.K',
        icon: 'pencil',
        statements: [
          'Draw and tell an opinion about a book',
          'Draw, dictate and write to tell information',
          'Draw, dictate and write a story in order',
          'Tell a reaction to what happened',
          'Add details with help',
          'Take part in shared research',
          'Recall information from experiences',
          'Use digital tools to share writing with help',
        ],
      },
      {
        strand: 'Conventions of English',
        code: 'L.K',
        icon: 'abc',
        statements: [
          'Print many upper- and lowercase letters',
          'Use frequently occurring nouns and verbs',
          'Form plural nouns with /s/ or /es/',
          'Understand question words',
          'Use the most frequent prepositions',
          'Speak in complete sentences',
          'Capitalise the first word and I',
          'Recognise and name end punctuation',
          'Write a letter for most consonant sounds',
          'Spell simple words phonetically',
          'Write my first name',
          'Write my last name',
          'Leave spaces between words',
          'Write a sentence with a capital and a full stop',
          'Sort objects into categories by words',
          'Use words for opposites',
          'Tell shades of meaning among verbs',
          'Use new words from conversations and reading',
          'Hold a pencil with a tripod grip',
          'Write from left to right and top to bottom',
          'Label a drawing',
          'Write a list',
        ],
      },
    ],
  },
  {
    title: 'Kindergarten science (NGSS K)',
    kind: 'academic',
    strands: [
      {
        strand: 'Forces and Interactions',
        code: 'K-PS2',
        icon: 'arrow',
        statements: ['Plan a test of pushes and pulls', 'Tell whether a push or pull changed the speed'],
      },
      {
        strand: 'Weather',
        code: 'K-ESS2',
        icon: 'eye',
        statements: [
          'Describe the weather each day',
          'Find patterns in the weather',
          'Tell how plants and animals change their places',
          'Keep a weather chart',
        ],
      },
      {
        strand: 'Living Things',
        code: 'K-LS1',
        icon: 'heart',
        statements: [
          'Describe what plants need to live',
          'Describe what animals need to live',
          'Observe a plant growing',
          'Sort living and non-living things',
          'Name the parts of a plant',
          'Name body parts and the five senses',
        ],
      },
      {
        strand: 'Earth and Human Activity',
        code: 'K-ESS3',
        icon: 'hand',
        statements: [
          'Tell how people change the land',
          'Share a way to reduce our impact',
          'Tell why we prepare for severe weather',
          'Sort things to reuse and recycle',
        ],
      },
      {
        strand: 'Engineering Design',
        code: 'K-2-ETS1',
        icon: 'puzzle',
        statements: [
          'Ask questions about a problem',
          'Make a sketch of a solution',
          'Build a model of a solution',
          'Test and improve a model',
          'Compare two solutions',
          'Observe with a hand lens',
          'Record an observation with a drawing',
          'Measure with non-standard units',
          'Share what I found with the class',
        ],
      },
    ],
  },
  {
    title: 'Speaking and listening (CCSS SL.K)',
    kind: 'academic',
    strands: [
      {
        strand: 'Comprehension and Collaboration',
        code: 'SL.K',
        icon: 'ear',
        statements: [
          'Follow agreed rules for discussions',
          'Listen to others and take turns speaking',
          'Continue a conversation through several exchanges',
          'Ask and answer questions about a text read aloud',
          'Ask for help when something is not understood',
          'Ask and answer questions to get information',
          'Follow one-step directions',
          'Follow two-step directions',
          'Retell a familiar story',
          'Listen to a story without interrupting',
        ],
      },
      {
        strand: 'Presentation of Knowledge and Ideas',
        code: 'SL.K',
        icon: 'speech',
        statements: [
          'Describe familiar people, places, things and events',
          'Add drawings to descriptions',
          'Speak audibly and express ideas clearly',
          'Share at show and tell',
          'Sing songs and say rhymes with the class',
          'Recite a short poem',
          'Tell about a picture',
          'Speak to a partner about a topic',
          'Use a full sentence to answer',
          'Use describing words',
        ],
      },
    ],
  },
  {
    title: 'Kindergarten social studies',
    kind: 'academic',
    strands: [
      {
        strand: 'Myself and Others',
        code: 'SS.K',
        icon: 'friends',
        statements: [
          'Tell about my family',
          'Name jobs people do in the community',
          'Know my address and phone number',
          'Follow class rules and tell why they matter',
          'Name ways people are alike and different',
          'Tell about a holiday or tradition',
          'Use a simple map of the classroom',
          'Tell the difference between past and present',
          'Name needs and wants',
          'Tell how to be a good citizen',
          'Name the days of the week',
          'Name the months of the year',
          'Name symbols of our country',
          'Know the school rules for safety',
          'Name my teacher and school',
        ],
      },
    ],
  },
  {
    title: 'Fine and gross motor skills',
    kind: 'academic',
    strands: [
      {
        strand: 'Fine Motor',
        code: 'PD.FM',
        icon: 'hand',
        statements: [
          'Cut along a straight line',
          'Cut along a curved line',
          'Glue without a mess',
          'Button and zip',
          'Tie shoes',
          'Trace lines and shapes',
          'Copy a cross and a square',
          'Build a tower of ten blocks',
          'Use a tripod grip with crayons',
          'Open lunch containers',
        ],
      },
      {
        strand: 'Gross Motor',
        code: 'PD.GM',
        icon: 'star',
        statements: [
          'Hop on one foot',
          'Skip',
          'Catch a ball with two hands',
          'Throw a ball overhand',
          'Balance on one foot for five seconds',
          'Jump forward with two feet',
          'Walk on a line',
          'Climb safely',
          'Kick a rolling ball',
          'Gallop',
        ],
      },
    ],
  },
  {
    title: 'Approaches to learning',
    kind: 'socialEmotional',
    strands: [
      {
        strand: 'Initiative and Persistence',
        code: 'ATL',
        icon: 'heart',
        statements: [
          'Start a task without reminders',
          'Keep trying when something is hard',
          'Finish a task',
          'Choose an activity at centre time',
          'Clean up after an activity',
          'Ask questions out of curiosity',
          'Try new things',
          'Make a plan and follow it',
          'Remember and follow routines',
          'Move between activities calmly',
          'Pay attention during a lesson',
          'Work with a partner',
          'Take care of materials',
          'Use materials in new ways',
          'Reflect on my work',
        ],
      },
    ],
  },
];

/** Item sets the teacher makes in the target editor for some generated targets: [target statement, title, labels]. */
const ITEM_SETS: readonly (readonly [string, string, readonly string[]])[] = [
  ['Read numerals 0 to 10', 'Numerals 0–10', numbers(0, 10)],
  ['Read numerals 11 to 20', 'Numerals 11–20', numbers(11, 20)],
  ['Count to 100 by tens', 'Tens', numbers(1, 10).map((n) => String(Number(n) * 10))],
  ['Name flat shapes', 'Flat shapes', ['circle', 'square', 'triangle', 'rectangle', 'hexagon', 'oval']],
  ['Name solid shapes', 'Solid shapes', ['cube', 'cone', 'cylinder', 'sphere']],
  ['Add fluently within 5', 'Sums within 5', ['0+1', '1+1', '1+2', '2+2', '2+3', '1+3', '1+4', '3+2', '4+1', '0+5']],
  ['Subtract fluently within 5', 'Differences within 5', ['2-1', '3-1', '3-2', '4-1', '4-2', '4-3', '5-1', '5-2']],
  ['Name coins and their values', 'Coins', ['penny', 'nickel', 'dime', 'quarter']],
  ['Name the days of the week', 'Days', ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']],
];

const SCORE_METHODS: readonly MasteryRule[] = [
  { kind: 'score', method: { kind: 'decayingAverage', weight: 65 } },
  { kind: 'score', method: { kind: 'mOfN', m: 3, n: 4 } },
  { kind: 'score', method: { kind: 'nTimes', n: 2 } },
  { kind: 'score', method: { kind: 'decayingAverage', weight: 65 } },
  { kind: 'score', method: { kind: 'inARow', n: 2 } },
  { kind: 'score', method: { kind: 'mostRecent' } },
  { kind: 'score', method: { kind: 'exponentialDecay', weight: 50 } },
  { kind: 'score', method: { kind: 'highest' } },
  { kind: 'score', method: { kind: 'average' } },
];

export interface GeneratedFramework {
  readonly framework: Framework;
  readonly targets: readonly Target[];
}

export interface ItemSetEdit {
  readonly targetId: string;
  readonly title: string;
  readonly items: readonly Item[];
  readonly rule: MasteryRule;
}

const slug = (label: string): string =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'item';

/** "Count to 10 by ones" → "I can count to 10 by ones." */
const kid = (statement: string): string => `I can ${statement.charAt(0).toLowerCase()}${statement.slice(1)}.`;

/**
 * The generated frameworks, their targets as a CASE import writes them (prerequisites from `precedes`:
 * each target follows the one before it in its strand), and the target edits that give some of them items.
 * `uuid` makes each CASE identifier.
 */
export function generatedFrameworks(uuid: () => string): {
  frameworks: GeneratedFramework[];
  itemEdits: ItemSetEdit[];
} {
  let ruleIndex = 0;
  const frameworks = SPECS.map((spec): GeneratedFramework => {
    const docId = uuid();
    const frameworkId = caseFrameworkId(docId);
    const targets: Target[] = [];
    for (const strand of spec.strands) {
      let previous: string | null = null;
      strand.statements.forEach((statement, i) => {
        const id = caseTargetId(uuid());
        targets.push({
          id,
          frameworkId,
          code: `${strand.code}.${i + 1}`,
          sequence: targets.length,
          strand: strand.strand,
          teacherStatement: `${statement}.`,
          kidStatement: kid(statement),
          icon: strand.icon,
          prerequisites: previous ? [previous] : [],
          rule: SCORE_METHODS[ruleIndex++ % SCORE_METHODS.length]!,
          caseIdentifier: id.slice('case-'.length),
        });
        previous = id;
      });
    }
    return {
      framework: {
        id: frameworkId,
        title: spec.title,
        kind: spec.kind,
        version: '1.0',
        notices: ['Generated for Waypoint benchmarks and tests.'],
        caseDocumentIdentifier: docId,
      },
      targets,
    };
  });
  const all = frameworks.flatMap((f) => f.targets);
  const itemEdits = ITEM_SETS.map(([statement, title, labels], i): ItemSetEdit => {
    const target = all.find((t) => t.teacherStatement === `${statement}.`);
    if (!target) throw new Error(`No generated target "${statement}"`);
    return {
      targetId: target.id,
      title,
      items: labels.map((label) => ({ id: slug(label), label })),
      rule:
        i % 3 === 2
          ? { kind: 'itemsInOneCheck', count: Math.max(1, labels.length - 2) }
          : { kind: 'allItemsOnDistinctDays', days: 2 },
    };
  });
  return { frameworks, itemEdits };
}
