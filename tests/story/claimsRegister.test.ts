import { describe, expect, test } from 'vitest';
import { checkProject } from '../../src/lib/check.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { checkMini, edit, MINI, miniProject } from '../fixtures/mini.ts';

const FIRST = 'content/mini/01-first.md';
const REGISTER = 'content/mini/claims.yaml';
const SENTENCE = 'In March exports reached :value{key=monthly.exports at=2025-03 format=usd_bn}, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.';

/** The mini project with the first section's sentence replaced, and a register if given. */
function check(sentence: string, register = 'claims: []\n'): string[] {
  return checkMini({ ...edit(FIRST, SENTENCE, sentence), [REGISTER]: register });
}

const SOURCED = (text: string) => `claims:\n  - text: ${text}\n    source: { name: Wire, url: "https://example.org/story" }\n`;

describe('claims register: claim words in the prose', () => {
  test('a superlative with nothing behind it is an error at its word, naming the claims that could check it', () => {
    expect(check('March exports were a record, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.')).toEqual([
      `${FIRST}:10:22  claim "record" with nothing behind it — check it with claim=max|record|equalled|highest|highest-since on the :fact it describes, or list the words in ${REGISTER} with their source`,
    ]);
  });

  test('a claim= fact in the same sentence stands behind the word', () => {
    expect(check('Exports were a record, :fact[US$22 billion]{key=monthly.exports at=2025-01/02 claim=record}.')).toEqual([
      `${FIRST}:10:24  fact "US$22 billion": claim=record (the highest of its series up to that period) does not hold for monthly.exports at 2025-01/02 — 2024-03 was higher (US$12.0 billion)`,
    ]);
    expect(check('March exports were a record, :fact[US$15 billion]{key=monthly.exports at=2025-03 claim=record}.')).toEqual([]);
  });

  test('a direction word needs a :fact that moves the same way in its sentence', () => {
    expect(check('Exports rose in March to :value{key=monthly.exports at=2025-03}.')).toEqual([
      `${FIRST}:10:9  claim "rose" with nothing behind it — put a :fact that moves the same way in the sentence, or list the words in ${REGISTER} with their source`,
    ]);
    expect(check('Exports fell in March, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.')).toHaveLength(1);
    expect(check('Exports rose in March, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.')).toEqual([]);
  });

  test('a register entry with a source stands behind the words it quotes', () => {
    expect(check('It was the most since at least 2014, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.', SOURCED('the most since at least 2014'))).toEqual([]);
  });

  test('"first reported" says where a figure comes from and is no claim', () => {
    expect(check('As first reported, exports were :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.')).toEqual([]);
  });
});

describe('claims register: headline, dek, headings and captions', () => {
  test('a claim word in a heading or caption is checked like the body, at its column', () => {
    expect(checkMini({ ...edit(FIRST, 'heading: First\n', 'heading: "A record first step"\n'), [REGISTER]: 'claims: []\n' })).toEqual([
      `${FIRST}:2:13  claim "record" with nothing behind it — check it with claim=max|record|equalled|highest|highest-since on the :fact it describes, or list the words in ${REGISTER} with their source`,
    ]);
    expect(checkMini({ ...edit(FIRST, 'heading: First\n', 'heading: A record first step\n'), [REGISTER]: SOURCED('A record first step') })).toEqual([]);
  });

  test('an index base ("2024 = 100") and a date in a heading are no figures; another number after = is', () => {
    expect(checkMini({ ...edit(FIRST, 'heading: First\n', 'heading: "Exports, March 2024 = 100, to 8 December"\n'), [REGISTER]: 'claims: []\n' })).toEqual([]);
    expect(checkMini({ ...edit(FIRST, 'heading: First\n', 'heading: "Exports, 2024=1"\n'), [REGISTER]: 'claims: []\n' })).toEqual([]);
    expect(checkMini({ ...edit(FIRST, 'heading: First\n', 'heading: "Exports = 250"\n'), [REGISTER]: 'claims: []\n' })).toHaveLength(1);
  });

  test('a heading that is just "First" claims nothing; "the first time" does', () => {
    expect(checkMini({ ...edit(FIRST, 'heading: First\n', 'heading: For the first time\n'), [REGISTER]: 'claims: []\n' })).toHaveLength(1);
  });

  test('a story without a claims register is not held to one', () => {
    expect(checkMini(edit(FIRST, SENTENCE, 'March exports were a record, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.'))).toEqual([]);
  });
});

describe('claims register: figures in the prose', () => {
  test('a figure outside :fact and :value is an error unless the register sources it', () => {
    expect(check('Buyers booked 2.7 million tonnes, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.')).toEqual([
      `${FIRST}:10:15  figure "2.7" in the prose with nothing behind it — write it as :fact[…]{key=… at=…} or :value{…}, or list the words in ${REGISTER} with the source that reports it`,
    ]);
    expect(check('Buyers booked 2.7 million tonnes, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.', SOURCED('Buyers booked 2.7 million tonnes'))).toEqual([]);
  });

  test('years, written-out dates and times of day are not figures', () => {
    expect(check('On 8 December 2025 at 10:30, exports were :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.')).toEqual([]);
  });
});

describe('claims register: the file itself', () => {
  test('an entry whose words have left the prose is an error at the entry', () => {
    expect(check(SENTENCE, SOURCED('the biggest since 1999'))).toEqual([
      `${REGISTER}:2:11  claim "the biggest since 1999" is no longer in the prose — copy the words as the story now reads them, or delete the entry if the claim was cut`,
    ]);
  });

  test('an entry must name a source or a fact, and a fact it names must exist', () => {
    expect(check('Exports were a record, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.', 'claims:\n  - text: Exports were a record\n')).toEqual([
      `${REGISTER}:2:5  claim "Exports were a record" names nothing behind it — add source: { name: …, url: … } for the report that supports it, or fact: "key at=…" for the figure`,
    ]);
    expect(check('Exports were a record, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.', 'claims:\n  - text: Exports were a record\n    fact: monthly.exports at=2023-05\n')).toEqual([
      `${REGISTER}:3:11  no monthly.exports for 2023-05 — monthly runs from 2024-01 to 2025-04`,
    ]);
    expect(check('Exports were a record, :fact[up 10 per cent]{key=monthly.exports_yoy at=2025-01/02}.', 'claims:\n  - text: Exports were a record\n    fact: monthly.exports at=2025-01/02\n')).toEqual([]);
  });

  test('a malformed or misspelt register is reported at its line', () => {
    expect(check(SENTENCE, 'claims:\n  - txt: record\n')[0]).toMatch(new RegExp(`^${REGISTER}:2:5  unknown field "claims.0.txt" — did you mean "text"\\?`));
    expect(check(SENTENCE, 'claims:\n  - text: x\n    source: { name: W, url: "javascript:alert(1)" }\n')[0]).toMatch(new RegExp(`^${REGISTER}:3:`));
  });

  test('the story model carries each entry where it stands, for the fact ledger', () => {
    const root = miniProject({ ...edit(FIRST, SENTENCE, 'It was the most since at least 2014, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.'), [REGISTER]: SOURCED('the most since at least 2014') });
    const { stories, problems } = checkProject(root);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(stories[0].claims).toEqual([
      { text: 'the most since at least 2014', file: FIRST, line: 10, column: 8, source: { name: 'Wire', url: 'https://example.org/story' }, words: ['the most', 'since'] },
    ]);
    expect(MINI[REGISTER]).toBeUndefined();
  });
});

describe('claims register: entries that would back too much or the wrong way', () => {
  const SLUMP = 'Exports slumped in March after a strong start, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.';

  test.each([
    ['record', 'one word'],
    ['e', 'one character'],
    ['a record', '2 words'],
  ])('an entry quoting %j is refused as too short, and backs nothing', (text, size) => {
    const problems = check('Exports were a record, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.', SOURCED(text));
    expect(problems).toEqual([
      `${FIRST}:10:16  claim "record" with nothing behind it — check it with claim=max|record|equalled|highest|highest-since on the :fact it describes, or list the words in ${REGISTER} with their source`,
      `${REGISTER}:2:11  claim "${text}" is ${size}: too short to say which words it backs — quote the whole phrase the source supports, at least 3 words ("the most since at least 2014"): a short quote would also cover the same words anywhere else in the story`,
    ]);
  });

  test('an entry whose direction word disagrees with the change it cites is refused at its text', () => {
    const register = 'claims:\n  - text: Exports slumped in March\n    fact: monthly.exports_yoy at=2025-03\n';
    expect(check(SLUMP, register)).toEqual([
      `${REGISTER}:2:11  claim "Exports slumped in March" says "slumped", but monthly.exports_yoy at=2025-03 is +25% — the figure moved the other way: correct the words, or cite the figure they describe`,
    ]);
    expect(check(SLUMP.replace('slumped', 'surged'), register.replace('slumped', 'surged'))).toEqual([]);
    // A level (not a change) has no direction: "rose" on a positive total is the copy desk's to judge.
    expect(check(SLUMP, 'claims:\n  - text: Exports slumped in March\n    fact: monthly.exports at=2025-03\n')).toEqual([]);
  });

  test('CRLF line endings in a section and in the register still match the entry', () => {
    const crlf = (text: string) => text.replaceAll('\n', '\r\n');
    // A quoted value closing the frontmatter left a lone CR that YAML refused.
    const section = MINI[FIRST].replace('title: Monthly balance', 'title: "Monthly balance"').replace(SENTENCE, 'It was the most since at least\n2014, :fact[up 25 per cent]{key=monthly.exports_yoy at=2025-03}.');
    expect(checkMini({ [FIRST]: crlf(section), [REGISTER]: crlf(SOURCED('the most since at least 2014')) })).toEqual([]);
  });
});

