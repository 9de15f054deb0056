import { expect } from '@open-wc/testing';
import { avatarModel } from '../../src/core/index.js';
import { renderAvatar } from '../../src/elements/shared/avatar.js';

describe('renderAvatar', () => {
  it('draws the core model with DOM calls: decorative by default, an image when named', () => {
    const model = avatarModel('prj:ada');
    const plain = renderAvatar('prj:ada', { size: 32 });
    expect(plain.getAttribute('part')).to.equal('avatar');
    expect([plain.getAttribute('width'), plain.getAttribute('viewBox')]).to.deep.equal(['32', `0 0 ${model.size} ${model.size}`]);
    expect([plain.getAttribute('role'), plain.getAttribute('aria-hidden'), plain.hasAttribute('aria-label')]).to.deep.equal([
      'presentation',
      'true',
      false,
    ]);
    // The background, then one element per shape, in the model's order and kinds.
    expect([...plain.children].map((node) => node.localName)).to.deep.equal(['rect', ...model.shapes.map((shape) => shape.kind)]);
    expect(plain.children[0]!.getAttribute('fill')).to.equal(model.background);
    const named = renderAvatar('prj:ada', { size: 32, label: 'Ada' });
    expect([named.getAttribute('role'), named.getAttribute('aria-hidden'), named.getAttribute('aria-label')]).to.deep.equal([
      'img',
      'false',
      'Ada',
    ]);
  });

  it('hands out a copy per call, so a label on one never reaches another', () => {
    const first = renderAvatar('prj:bob', { size: 48, label: 'Bob' });
    const second = renderAvatar('prj:bob', { size: 48 });
    expect(first === second).to.equal(false);
    expect(second.getAttribute('role')).to.equal('presentation');
    expect(second.outerHTML).to.equal(renderAvatar('prj:bob', { size: 48 }).outerHTML);
    expect(renderAvatar('prj:bob', { size: 32 }).getAttribute('width')).to.equal('32');
  });

  it('keeps drawing the right avatar past its memory of seeds', () => {
    const seeds = Array.from({ length: 1100 }, (_, i) => `prj:user-${i}`);
    for (const seed of seeds) renderAvatar(seed);
    const early = renderAvatar(seeds[0]!);
    expect(early.children[0]!.getAttribute('fill')).to.equal(avatarModel(seeds[0]!).background);
  });
});
