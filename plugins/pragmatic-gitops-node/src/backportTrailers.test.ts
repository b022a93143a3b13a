import { commitSubject, parseBackportTrailers } from './backportTrailers';

describe('parseBackportTrailers', () => {
  it.each([
    [
      'trailer after the body',
      'Raise memory\n\nBack-port of the incident fix.\n\nBackport-Of: HF-12',
      ['HF-12'],
    ],
    [
      'trailer among other trailers',
      'Fix\n\nSigned-off-by: A <a@x>\nBackport-Of: HF-3\nCo-authored-by: B <b@x>',
      ['HF-3'],
    ],
    [
      'trailer in the body of a squash merge',
      'Squash (#40)\n\n* raise memory\n\nBackport-Of: HF-7\n\n* docs',
      ['HF-7'],
    ],
    [
      'several ids, comma separated',
      'Fix\n\nBackport-Of: HF-1, HF-2,HF-3',
      ['HF-1', 'HF-2', 'HF-3'],
    ],
    [
      'several trailers',
      'Fix\n\nBackport-Of: HF-1\nBackport-Of: HF-9',
      ['HF-1', 'HF-9'],
    ],
    [
      'duplicates once',
      'Fix\n\nBackport-Of: HF-1\nBackport-Of: HF-1, hf-01',
      ['HF-1'],
    ],
    [
      'key in any case',
      'Fix\n\nbackport-of: HF-5\nBACKPORT-OF: HF-6',
      ['HF-5', 'HF-6'],
    ],
    ['id in any case, normalised', 'Fix\n\nBackport-Of: hf-0042', ['HF-42']],
    ['spaces around the colon', 'Fix\n\n  Backport-Of :  HF-8  ', ['HF-8']],
    ['CRLF line ends', 'Fix\r\n\r\nBackport-Of: HF-4\r\n', ['HF-4']],
    [
      'not a trailer mid-sentence',
      'Fix\n\nThis is the Backport-Of: HF-12 we discussed',
      [],
    ],
    ['not a trailer in the subject line', 'Backport-Of: HF-12', []],
    [
      'other keys do not count',
      'Fix\n\nBackported-Of: HF-1\nRefs: HF-2\nX-Backport-Of: HF-3',
      [],
    ],
    [
      'malformed ids are skipped',
      'Fix\n\nBackport-Of: HF-, HF-x1, INC-3, HF-15',
      ['HF-15'],
    ],
    [
      'HF-0 and ids past 15 digits name no hotfix',
      'Fix\n\nBackport-Of: HF-0, HF-1000000000000000, HF-2',
      ['HF-2'],
    ],
    ['no trailer', 'Fix typo\n\nNothing to see.', []],
    ['empty message', '', []],
  ])('%s', (_title, message, expected) => {
    expect(parseBackportTrailers(message)).toEqual(expected);
  });

  it('never throws on a non-string', () => {
    expect(parseBackportTrailers(undefined as unknown as string)).toEqual([]);
  });
});

describe('commitSubject', () => {
  it.each([
    ['Raise memory\n\nBody', 'Raise memory'],
    ['One line', 'One line'],
    ['CRLF\r\nbody', 'CRLF'],
    ['', ''],
  ])('%j → %j', (message, subject) => {
    expect(commitSubject(message)).toBe(subject);
  });
});
