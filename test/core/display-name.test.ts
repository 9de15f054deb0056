import { expect } from '@open-wc/testing';
import { hasOwnTrait, pickTraitValue, resolveDisplayName } from '../../src/core/index.js';

describe('core/display-name', () => {
  describe('resolveDisplayName: the 4 steps', () => {
    const traits = { name: 'Trait Name', fullName: 'Project Name' };
    it('1. a trimmed custom name wins', () => {
      expect(
        resolveDisplayName({
          externalId: 'u1',
          traits,
          customName: '  Custom  ',
          displayNameTraitKey: 'name',
          projectDefaultTraitKey: 'fullName',
        }),
      ).to.equal('Custom');
    });
    it('2. then the user trait key', () => {
      expect(
        resolveDisplayName({ externalId: 'u1', traits, customName: null, displayNameTraitKey: 'name', projectDefaultTraitKey: 'fullName' }),
      ).to.equal('Trait Name');
    });
    it('3. then the project default trait key', () => {
      expect(resolveDisplayName({ externalId: 'u1', traits, displayNameTraitKey: null, projectDefaultTraitKey: 'fullName' })).to.equal(
        'Project Name',
      );
      expect(resolveDisplayName({ externalId: 'u1', traits, displayNameTraitKey: 'missing', projectDefaultTraitKey: 'fullName' })).to.equal(
        'Project Name',
      );
    });
    it('4. then the externalId, untrimmed', () => {
      expect(resolveDisplayName({ externalId: 'u1', traits })).to.equal('u1');
      expect(resolveDisplayName({ externalId: '  spaced id  ', traits: null })).to.equal('  spaced id  ');
      expect(
        resolveDisplayName({ externalId: '  spaced id  ', customName: '   ', displayNameTraitKey: 'x', projectDefaultTraitKey: 'y' }),
      ).to.equal('  spaced id  ');
    });
    it('skips an empty or whitespace-only custom name', () => {
      expect(resolveDisplayName({ externalId: 'u1', traits, customName: '', displayNameTraitKey: 'name' })).to.equal('Trait Name');
      expect(resolveDisplayName({ externalId: 'u1', traits, customName: ' \t\n ', displayNameTraitKey: 'name' })).to.equal('Trait Name');
      expect(resolveDisplayName({ externalId: 'u1', traits, customName: undefined, displayNameTraitKey: 'name' })).to.equal('Trait Name');
    });
    it('skips whitespace-only trait values and falls through', () => {
      expect(
        resolveDisplayName({ externalId: 'u1', traits: { a: '   ', b: '\t' }, displayNameTraitKey: 'a', projectDefaultTraitKey: 'b' }),
      ).to.equal('u1');
      expect(
        resolveDisplayName({ externalId: 'u1', traits: { a: '   ', b: ' B ' }, displayNameTraitKey: 'a', projectDefaultTraitKey: 'b' }),
      ).to.equal('B');
    });
    it('trims trait values', () => {
      expect(resolveDisplayName({ externalId: 'u1', traits: { name: '  Ada  ' }, displayNameTraitKey: 'name' })).to.equal('Ada');
    });
    it('handles missing traits', () => {
      expect(resolveDisplayName({ externalId: 'u1', displayNameTraitKey: 'name', projectDefaultTraitKey: 'name' })).to.equal('u1');
      expect(resolveDisplayName({ externalId: 'u1', traits: null, displayNameTraitKey: 'name' })).to.equal('u1');
      expect(resolveDisplayName({ externalId: 'u1', traits: {}, displayNameTraitKey: 'name' })).to.equal('u1');
    });
    it('reads top-level keys only, no dot paths', () => {
      expect(resolveDisplayName({ externalId: 'u1', traits: { profile: { name: 'Deep' } }, displayNameTraitKey: 'profile.name' })).to.equal(
        'u1',
      );
      expect(resolveDisplayName({ externalId: 'u1', traits: { 'profile.name': 'Flat' }, displayNameTraitKey: 'profile.name' })).to.equal(
        'Flat',
      );
    });
    it('never reads inherited keys (constructor, toString, __proto__, hasOwnProperty)', () => {
      for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
        expect(resolveDisplayName({ externalId: 'u1', traits: {}, displayNameTraitKey: key }), key).to.equal('u1');
        expect(resolveDisplayName({ externalId: 'u1', traits: { name: 'x' }, projectDefaultTraitKey: key }), key).to.equal('u1');
      }
    });
    it('does read an own key literally named constructor or __proto__', () => {
      expect(resolveDisplayName({ externalId: 'u1', traits: { constructor: 'Builder Bob' }, displayNameTraitKey: 'constructor' })).to.equal(
        'Builder Bob',
      );
      const traits = JSON.parse('{"__proto__": "  Proto Pat "}') as Record<string, unknown>;
      expect(resolveDisplayName({ externalId: 'u1', traits, displayNameTraitKey: '__proto__' })).to.equal('Proto Pat');
    });
  });

  describe('pickTraitValue', () => {
    it('returns null for a falsy key or traits', () => {
      expect(pickTraitValue({ a: 'x' }, null)).to.equal(null);
      expect(pickTraitValue({ a: 'x' }, undefined)).to.equal(null);
      expect(pickTraitValue({ '': 'x' }, '')).to.equal(null);
      expect(pickTraitValue(null, 'a')).to.equal(null);
      expect(pickTraitValue(undefined, 'a')).to.equal(null);
    });
    it('returns null for null and undefined values', () => {
      expect(pickTraitValue({ a: null }, 'a')).to.equal(null);
      expect(pickTraitValue({ a: undefined }, 'a')).to.equal(null);
    });
    it('stringifies non-string values with String()', () => {
      expect(pickTraitValue({ a: 42 }, 'a')).to.equal('42');
      expect(pickTraitValue({ a: 0 }, 'a')).to.equal('0');
      expect(pickTraitValue({ a: true }, 'a')).to.equal('true');
      expect(pickTraitValue({ a: false }, 'a')).to.equal('false');
      expect(pickTraitValue({ a: { first: 'Ada' } }, 'a')).to.equal('[object Object]');
      expect(pickTraitValue({ a: ['Ada', 'Lovelace', 3] }, 'a')).to.equal('Ada,Lovelace,3');
      expect(pickTraitValue({ a: [] }, 'a')).to.equal(null);
      expect(pickTraitValue({ a: [' '] }, 'a')).to.equal(null);
      expect(pickTraitValue({ a: 12.5 }, 'a')).to.equal('12.5');
    });
    it('resolves non-string traits through the resolver too', () => {
      expect(resolveDisplayName({ externalId: 'u1', traits: { n: 42 }, displayNameTraitKey: 'n' })).to.equal('42');
      expect(resolveDisplayName({ externalId: 'u1', traits: { n: true }, displayNameTraitKey: 'n' })).to.equal('true');
      expect(resolveDisplayName({ externalId: 'u1', traits: { n: {} }, displayNameTraitKey: 'n' })).to.equal('[object Object]');
      expect(resolveDisplayName({ externalId: 'u1', traits: { n: ['a', 'b'] }, displayNameTraitKey: 'n' })).to.equal('a,b');
    });
    it('hasOwnTrait only sees own properties', () => {
      expect(hasOwnTrait({ a: 1 }, 'a')).to.equal(true);
      expect(hasOwnTrait({}, 'toString')).to.equal(false);
      expect(hasOwnTrait(Object.create({ inherited: 'x' }) as Record<string, unknown>, 'inherited')).to.equal(false);
      expect(hasOwnTrait(null, 'a')).to.equal(false);
      expect(hasOwnTrait(Object.create(null) as Record<string, unknown>, 'a')).to.equal(false);
    });
  });
});
