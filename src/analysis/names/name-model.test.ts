import { describe, expect, it } from 'vitest';
import { testGazetteer } from '../test-support/test-gazetteer.ts';
import { frontCode } from './front-coding.ts';
import { NameModel, type NameModelData, nameModelVersion, splitFeature } from './name-model.ts';

const model = (data: Partial<NameModelData>): NameModelData => ({
  version: nameModelVersion,
  features: { b: frontCode(['']), 'pw|sh': frontCode(['mr Xx', 'mr X']), w: frontCode(['dong']) },
  weights: btoa(String.fromCharCode(1, 2, 3, 10, 20, 30, 0xff, 0xfe, 0x81, 127, 0, 0x80)),
  scale: 0.5,
  gazetteer: testGazetteer({}),
  ...data,
});

describe('NameModel', () => {
  it('reads each feature’s quantised weights, signed, scaled, by template, value and detail', () => {
    const weights = new NameModel(model({}));
    const scores = new Float64Array(6);
    weights.add(scores, 0, 'b', '');
    expect([...scores.subarray(0, 3)]).toEqual([0.5, 1, 1.5]);
    weights.add(scores, 3, 'pw|sh', 'mr', 'X');
    weights.add(scores, 3, 'w', 'dong');
    expect([...scores.subarray(3)]).toEqual([-0.5 + 63.5, -1, -63.5 - 64]);
  });

  it('adds nothing for a feature it does not know', () => {
    const weights = new NameModel(model({}));
    const scores = new Float64Array(3);
    weights.add(scores, 0, 'w', 'spavor');
    weights.add(scores, 0, 'pw|sh', 'mr', 'x');
    weights.add(scores, 0, 'pw|sh', 'mr');
    weights.add(scores, 0, 'nw', 'said');
    expect([...scores]).toEqual([0, 0, 0]);
  });

  it('refuses weights from another version of the tagger, or that do not match the features', () => {
    expect(() => new NameModel(model({ version: nameModelVersion + 1 }))).toThrow(/version/);
    expect(() => new NameModel(model({ weights: btoa('abc') }))).toThrow(/4 features but 3 weights/);
  });

  it('splits a feature name into its template and value', () => {
    expect(splitFeature('pw|sh=mr Xx')).toEqual(['pw|sh', 'mr Xx']);
    expect(splitFeature('w==')).toEqual(['w', '=']);
    expect(splitFeature('b')).toEqual(['b', '']);
  });
});
