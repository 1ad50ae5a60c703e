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

  it('leaves out an introductory phrase, which says when or why but not who did what', () => {
    expect(deriveHeadline('After three days of negotiations in Geneva, the two sides agreed to a ceasefire that will take effect on Monday morning.')).toBe(
      'The two sides agreed to a ceasefire that will take effect on Monday morning',
    );
    expect(deriveHeadline('Once the largest employer in the town, the mill closed its doors for the last time on Friday.')).toBe(
      'The mill closed its doors for the last time on Friday',
    );
    // A name written in its own capitals keeps them.
    expect(deriveHeadline('Since January, iPhone sales have fallen in every region, the company said.')).toBe('iPhone sales have fallen in every region, the company said');
    // Kept when too little would be left after it, when its comma is a list's, and when the first
    // word may as well begin the subject ("At least 12 people", "In 2019").
    expect(deriveHeadline('Since Monday, markets fell.')).toBe('Since Monday, markets fell');
    expect(deriveHeadline('After talks in Paris, Berlin and Rome, the ministers signed the accord.')).toBe('After talks in Paris, Berlin and Rome, the ministers signed the accord');
    expect(deriveHeadline('At least 12 people were killed, officials said Tuesday, after floods swept through villages in northern Pakistan.')).toBe(
      'At least 12 people were killed, officials said Tuesday',
    );
    expect(deriveHeadline('In 2019, the council voted to demolish the old bridge and replace it with a wider one.')).toBe(
      'In 2019, the council voted to demolish the old bridge and replace it',
    );
  });

  it('leaves out an aside between the subject and its verb, instead of cutting the subject off alone', () => {
    expect(deriveHeadline('The company, which employs about 1,200 people in the region, said on Tuesday it would close the plant by the end of the year.')).toBe(
      'The company said on Tuesday it would close the plant by the end of the year',
    );
    expect(
      deriveHeadline('Prime Minister Anna Kowalski, speaking after an emergency cabinet meeting late on Wednesday, announced a state of emergency in three regions hit by flooding.'),
    ).toBe('Prime Minister Anna Kowalski announced a state of emergency in three regions hit by flooding');
    // An aside ends at its first comma that is not a list's; a "where" clause after the verb is no aside.
    expect(deriveHeadline('The company, which makes cars, trucks and buses, said it would cut 2,000 jobs.')).toBe('The company said it would cut 2,000 jobs');
    expect(deriveHeadline('The hurricane hit Florida, where it destroyed homes, businesses and roads across three counties.')).toBe(
      'The hurricane hit Florida, where it destroyed homes, businesses and roads across three counties',
    );
    // A list is not an aside, nor is an apposition that the reader needs.
    expect(deriveHeadline('Apples, pears and plums rose sharply in price across the region this week after a late frost damaged orchards.')).toBe(
      'Apples, pears and plums rose sharply in price across the region this week',
    );
    expect(deriveHeadline('John Smith, the mayor of Springfield, said the bridge would reopen next month after repairs.')).toBe(
      'John Smith, the mayor of Springfield, said the bridge would reopen next month after repairs',
    );
  });

  it('cuts a sentence with no boundary at about twelve words and not on a dangling word', () => {
    const h = deriveHeadline('One two three four five six seven eight nine ten eleven the thirteen fourteen fifteen sixteen seventeen eighteen.');
    expect(h).toBe('One two three four five six seven eight nine ten eleven');
  });
});
