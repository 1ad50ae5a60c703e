import { describe, expect, it } from 'vitest';
import { cleanName, datelinePlace, extractEntities, mergeSurnames, stripHonorifics } from '../../src/load/entities.js';

describe('extractEntities', () => {
  it('finds the people, places and organisations of the seed article, normalised', () => {
    const lede =
      'Russian President Vladimir Putin reaffirmed his country’s commitment to resolving the conflict in Ukraine during a phone call with U.S. President Donald Trump on July 3, 2025. Kremlin aide Yuri Ushakov reported that Putin is not willing to back down from what he terms the “root causes” of the war, citing concerns over Ukraine’s potential NATO membership.';
    expect(extractEntities('', lede, 'Moscow, Russia')).toEqual({
      people: ['Vladimir Putin', 'Donald Trump', 'Yuri Ushakov'],
      places: ['Moscow', 'Ukraine'],
      organizations: ['NATO'],
    });
  });

  it('turns a capitalised dateline into a place name', () => {
    expect(datelinePlace('WASHINGTON')).toBe('Washington');
    expect(datelinePlace('Portland, Ore.')).toBe('Portland');
    expect(datelinePlace('St. Petersburg, Fla.')).toBe('St. Petersburg');
  });
});

describe('name normalisation', () => {
  it('drops possessives and stray punctuation but keeps dotted initials', () => {
    expect(cleanName('Ukraine’s')).toBe('Ukraine');
    expect(cleanName('Kyiv,')).toBe('Kyiv');
    expect(cleanName('(NATO)')).toBe('NATO');
    expect(cleanName('Putin.')).toBe('Putin');
    expect(cleanName('U.S.')).toBe('U.S.');
  });

  it('drops honorifics, and a name that is only a title', () => {
    expect(stripHonorifics('President Vladimir Putin')).toBe('Vladimir Putin');
    expect(stripHonorifics('Foreign Minister Sergei Lavrov')).toBe('Sergei Lavrov');
    expect(stripHonorifics('Gen. Mark Milley')).toBe('Mark Milley');
    expect(stripHonorifics('President')).toBe('');
  });

  it('merges a lone surname into the full name seen in the same article', () => {
    expect(mergeSurnames(['Vladimir Putin', 'Putin', 'Ushakov', 'Yuri Ushakov', 'Zelenskyy'])).toEqual([
      'Vladimir Putin',
      'Yuri Ushakov',
      'Zelenskyy',
    ]);
  });
});
