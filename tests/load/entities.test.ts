import { describe, expect, it } from 'vitest';
import { cleanName, datelinePlace, extractEntities } from '../../src/load/entities.js';
import { findNames } from '../../src/load/name-finder.js';
import { readFixture } from '../helpers.js';

describe('extractEntities', () => {
  it('finds the people, places and organisations of the seed article, most mentioned first, normalised', () => {
    const seed = readFixture('basic/seed.txt').replace(/^ date \S+ Moscow, Russia — /, '');
    const headline = 'Russian President Vladimir Putin reaffirmed his country’s commitment to resolving the conflict in Ukraine';
    expect(extractEntities(headline, seed, 'Moscow, Russia')).toEqual({
      people: ['Vladimir Putin', 'Donald Trump', 'Yuri Ushakov', 'Volodymyr Zelenskyy'],
      places: ['Moscow', 'Ukraine', 'Russia', 'Kyiv'],
      organizations: ['NATO'],
    });
  });

  it('turns a capitalised dateline into a place name', () => {
    expect(datelinePlace('WASHINGTON')).toBe('Washington');
    expect(datelinePlace('Portland, Ore.')).toBe('Portland');
    expect(datelinePlace('St. Petersburg, Fla.')).toBe('St. Petersburg');
  });
});

describe('findNames', () => {
  it('strips titles and demonyms, splits a place from a title, and merges lone surnames', () => {
    expect(findNames('U.S. President Donald Trump met Foreign Minister Sergei Lavrov. Lavrov said Trump’s plan was new.')).toEqual({
      people: ['Donald Trump', 'Sergei Lavrov'],
      places: [],
      organizations: [],
    });
  });

  it('recognises institutions by their last word and acronyms as organisations', () => {
    expect(findNames('The Bank of England and NATO met at the New Tretyakov Gallery in Lisbon on Tuesday.')).toEqual({
      people: [],
      places: ['Lisbon'],
      organizations: ['Bank of England', 'NATO', 'New Tretyakov Gallery'],
    });
  });

  it('keeps St., Mt. and Ft. with the name they begin, known by the lexicon spelled out', () => {
    expect(findNames('The council met visitors from St. Louis on Tuesday, and fans of the St. Louis Cardinals cheered.')).toEqual({
      people: [],
      places: ['St. Louis'],
      organizations: ['St. Louis Cardinals'],
    });
    // Never a place called "Mt" or "St" of its own.
    expect(findNames('Climbers returned from Mt. Everest on Sunday.').places).toEqual([]);
    // Only those three get the period back: not a word that names an object's own property.
    expect(findNames('Officials said the Constructor Group met on Monday.').organizations).toEqual(['Constructor Group']);
  });

  it("splits a person's full name from the institution after \"of\", and keeps an institution's own \"of\"", () => {
    expect(findNames('Officials met Dr. Jane Smith of Johns Hopkins University and the Bank of England on Friday.')).toEqual({
      people: ['Jane Smith'],
      places: [],
      organizations: ['Johns Hopkins University', 'Bank of England'],
    });
  });

  it('does not make topics of sentence-initial words, months, weekdays or lone titles', () => {
    expect(findNames('Despite the rain, Officials met in July. President said nothing on Monday. Authorities agreed.')).toEqual({
      people: [],
      places: [],
      organizations: [],
    });
  });
});

describe('cleanName', () => {
  it('drops possessives and stray punctuation but keeps dotted initials', () => {
    expect(cleanName('Ukraine’s')).toBe('Ukraine');
    expect(cleanName('Kyiv,')).toBe('Kyiv');
    expect(cleanName('(NATO)')).toBe('NATO');
    expect(cleanName('Putin.')).toBe('Putin');
    expect(cleanName('U.S.')).toBe('U.S.');
  });
});

describe('findNames on possessives, lone titles and honorifics', () => {
  it('reads Ukraine’s as Ukraine and drops honorifics before a name', () => {
    expect(findNames('Ukraine’s army said Gen. Mark Milley and Mr. Ortiz met Dr. Jane Smith in Kyiv.')).toEqual({
      people: ['Mark Milley', 'Ortiz', 'Jane Smith'],
      places: ['Ukraine', 'Kyiv'],
      organizations: [],
    });
  });
});
