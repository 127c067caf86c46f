/**
 * British spellings a US-English interface must not use: the -our, -re, -ogue, doubled-l and other
 * word forms, and the -ise/-isation verbs (US -ize), less the words that end in -ise in US English too.
 */
const BRITISH = [
  /^practis(e|es|ed|ing)$/,
  /^(colour|favour|behaviour|honour|humour|labour|neighbour|harbour|rumour|vapour|flavour|savour|armour)/,
  /^favourit/,
  /^(centre|centres|centred|metre|metres|litre|litres|theatre|fibre|calibre|sombre|spectre)$/,
  /^(catalogue|catalogues|dialogue|dialogues|analogue|monologue|prologue)$/,
  /^(cancell|travell|labell|modell|signall|fuell|counsell|jewell|marvell)(ed|ing|er|ers)$/,
  /^(programme|programmes|licence|licences|defence|offence|pretence|cheque|grey|greys|whilst|amongst)$/,
  /^(enrol|enrols|enrolment|enrolments|learnt|spelt|judgement|judgements|ageing|artefact|artefacts|maths)$/,
  /^(analys|paralys|catalys)(e|es|ed|ing)$/,
];

/** Words that end in -ise (or -ised, -ising) in US English as well. */
const ISE_IN_US_ENGLISH =
  /^(advis|advertis|apprais|aris|chastis|circumcis|compris|compromis|concis|demis|despis|devis|disguis|enterpris|excis|exercis|expertis|franchis|improvis|incis|likewis|merchandis|noi|otherwis|paradis|pois|prais|precis|premis|promis|rais|revis|ris|supervis|surmis|surpris|televis|treatis|wis|clockwis|bruis|cruis|guis|reprise|anis|cerise|mortis)(e|es|ed|ing)?$/;

/** The British spellings in `text`, as written, in order. */
export function usSpellingProblems(text: string): string[] {
  const words = text.match(/[A-Za-z]+/g) ?? [];
  return words.filter((word) => {
    const lower = word.toLowerCase();
    if (BRITISH.some((pattern) => pattern.test(lower))) return true;
    if (/isation(s)?$/.test(lower)) return true;
    return /i(se|ses|sed|sing)$/.test(lower) && lower.length > 5 && !ISE_IN_US_ENGLISH.test(lower);
  });
}
