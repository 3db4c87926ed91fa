/**
 * A large set of words in a few bits per word: a Golomb-coded set (Putze, Sanders and Singler,
 * "Cache-, hash- and space-efficient Bloom filters", 2007). Each word is hashed into the range
 * count × 2^bits; the sorted hashes' gaps are written in Rice code (the gap's high part in unary,
 * its low `bits` bits as they are). Asking for a word not in the set answers yes with a chance of
 * about 1 in 2^bits: the name tagger can afford that for its English word list, where the trained
 * weights, not the list, have the last word, and it could not afford the list written out.
 */

export interface EncodedWordSet {
  /** How many distinct hashes the set holds. */
  count: number;
  /** Low bits of each gap written as they are; the false-positive rate is about 2^-bits. */
  bits: number;
  /** The Rice-coded gaps, most significant bit first, in base64. */
  data: string;
}

/**
 * FNV-1a over the word's UTF-16 code units, then MurmurHash3's finaliser: FNV alone leaves words
 * that share an ending ("-ing", "-tion") too close together once reduced to the set's range. The
 * same on every machine and in every browser.
 */
export function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

const range = (count: number, bits: number) => count * 2 ** bits;

function sortedHashes(words: Iterable<string>, modulus: number): number[] {
  return [...new Set([...words].map((word) => wordHash(word) % modulus))].sort((a, b) => a - b);
}

/** Encodes a set of words; the same words give the same encoding in any order. */
export function encodeWordSet(words: Iterable<string>, bits: number): EncodedWordSet {
  const distinct = new Set(words);
  const hashes = sortedHashes(distinct, range(distinct.size, bits));
  const bytes: number[] = [];
  let current = 0;
  let filled = 0;
  const writeBit = (bit: number) => {
    current = (current << 1) | bit;
    if (++filled === 8) {
      bytes.push(current);
      current = 0;
      filled = 0;
    }
  };
  let previous = 0;
  for (const hash of hashes) {
    const gap = hash - previous;
    previous = hash;
    for (let quotient = Math.floor(gap / 2 ** bits); quotient > 0; quotient--) writeBit(1);
    writeBit(0);
    for (let bit = bits - 1; bit >= 0; bit--) writeBit(Math.floor(gap / 2 ** bit) % 2);
  }
  if (filled > 0) bytes.push(current << (8 - filled));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  // The modulus is fixed by the word count before duplicates among the hashes are dropped.
  return { count: distinct.size, bits, data: btoa(binary) };
}

export class WordSet {
  readonly #hashes = new Set<number>();
  readonly #modulus: number;

  constructor({ count, bits, data }: EncodedWordSet) {
    this.#modulus = range(count, bits);
    const bytes = atob(data);
    const totalBits = bytes.length * 8;
    let position = 0;
    const readBit = () => {
      const byte = bytes.charCodeAt(position >> 3);
      const bit = (byte >> (7 - (position & 7))) & 1;
      position++;
      return bit;
    };
    let value = 0;
    while (position + bits < totalBits) {
      let quotient = 0;
      while (position < totalBits && readBit() === 1) quotient++;
      if (position + bits > totalBits) break;
      let remainder = 0;
      for (let bit = 0; bit < bits; bit++) remainder = remainder * 2 + readBit();
      value += quotient * 2 ** bits + remainder;
      this.#hashes.add(value);
    }
  }

  has(word: string): boolean {
    return this.#hashes.has(wordHash(word) % this.#modulus);
  }
}
