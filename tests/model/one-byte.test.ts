import { expect, it } from 'vitest';
import { compactText, oneByte, textOf } from '../../src/model/one-byte.js';

it('keeps the characters of a headline cut from a body with an em dash, and of Latin-1 text', () => {
  const body = 'Storm hits the coast of Maine — officials say the damage is wide';
  const headline = body.slice(0, body.indexOf(' —'));
  expect(oneByte(headline)).toBe('Storm hits the coast of Maine');
  expect(oneByte('Café society reopens in Zürich')).toBe('Café society reopens in Zürich');
  expect(oneByte('/2025/07/04/storm-hits-the-coast/')).toBe('/2025/07/04/storm-hits-the-coast/');
});

it('leaves text with characters past Latin-1 as it is', () => {
  expect(oneByte('Talks resume — “at last”, says the mayor')).toBe('Talks resume — “at last”, says the mayor');
  expect(oneByte('Москва, Россия')).toBe('Москва, Россия');
  expect(oneByte('')).toBe('');
});

it('keeps a summary as its UTF-8 bytes, one character each, and gives back the same text', () => {
  const summary = 'Talks resume — “at last”, says the mayor…';
  const bytes = compactText(summary) as unknown as string;
  expect(bytes).toBe('Talks resume â\x80\x94 â\x80\x9cat lastâ\x80\x9d, says the mayorâ\x80¦');
  expect(textOf(compactText(summary))).toBe(summary);
  for (const text of ['Москва, Россия 🌍', 'Café society reopens in Zürich', 'Plain ASCII stays as it is', '']) {
    expect(textOf(compactText(text))).toBe(text);
  }
  expect(compactText('Plain ASCII stays as it is') as unknown as string).toBe('Plain ASCII stays as it is');
});

it('keeps a summary cut in the middle of an emoji as it is, half the emoji included', () => {
  const cut = 'Fans cheered 🎉 then left \uD83C';
  expect(compactText(cut) as unknown as string).toBe(cut);
  expect(textOf(compactText(cut))).toBe(cut);
  expect(textOf(compactText('\uDC00 stray low half'))).toBe('\uDC00 stray low half');
});
