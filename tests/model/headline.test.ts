import { describe, expect, it } from 'vitest';
import { deriveHeadline } from '../../src/model/headline.js';
import { firstSentence } from '../../src/model/sentences.js';

describe('firstSentence', () => {
  it('does not end a sentence at an abbreviation', () => {
    expect(firstSentence('Talks with U.S. officials ended. Then more.')).toBe('Talks with U.S. officials ended.');
    expect(firstSentence('Gen. Lee and Sen. Ortiz met Dr. Chan in Washington, D.C. on Monday. Later, nothing.')).toBe(
      'Gen. Lee and Sen. Ortiz met Dr. Chan in Washington, D.C. on Monday.',
    );
    expect(firstSentence('It rose approx. five percent. Next.')).toBe('It rose approx. five percent.');
    expect(firstSentence('Is it over? Nobody knows.')).toBe('Is it over?');
  });
});

describe('deriveHeadline', () => {
  it('shortens the seed lede at a clause boundary, never inside "U.S."', () => {
    expect(
      deriveHeadline(
        'Russian President Vladimir Putin reaffirmed his country’s commitment to resolving the conflict in Ukraine during a phone call with U.S. President Donald Trump on July 3, 2025. Kremlin aide Yuri Ushakov reported.',
      ),
    ).toBe('Russian President Vladimir Putin reaffirmed his country’s commitment to resolving the conflict in Ukraine');
  });

  it('keeps a short first sentence whole, without its period', () => {
    expect(deriveHeadline('The U.K. raised interest rates. Markets fell.')).toBe('The U.K. raised interest rates');
  });

  it('prefers a comma boundary near twelve words', () => {
    expect(
      deriveHeadline(
        'Fire crews contained a wildfire that burned 2,000 acres north of the city, officials said on Sunday as residents began returning home.',
      ),
    ).toBe('Fire crews contained a wildfire that burned 2,000 acres north of the city');
  });

  it('cuts a sentence with no boundary at about twelve words and not on a dangling word', () => {
    const h = deriveHeadline('One two three four five six seven eight nine ten eleven the thirteen fourteen fifteen sixteen seventeen eighteen.');
    expect(h).toBe('One two three four five six seven eight nine ten eleven');
  });
});
