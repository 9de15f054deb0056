import { expect } from '@open-wc/testing';
import {
  computeTags,
  DEFAULT_TAG_STRINGS,
  LONGTIME_USER_DAYS,
  normalizeTraitKey,
  USER_TAG_IDS,
  type TagInput,
} from '../../src/core/index.js';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const DAY = 86_400_000;
const ids = (input: TagInput) => computeTags({ now: NOW, ...input }).map((t) => t.id);

describe('core/tags', () => {
  it('lists the tag ids in display order', () => {
    expect(USER_TAG_IDS).to.deep.equal(['new', 'returning', 'longtime', 'work-info', 'contact-info', 'buyer', 'custom-attributes']);
    expect(LONGTIME_USER_DAYS).to.equal(60);
  });

  it('gives no tags when nothing is known', () => {
    expect(computeTags({ now: NOW })).to.deep.equal([]);
  });

  describe('new / returning', () => {
    it('1 session → New user', () => {
      expect(computeTags({ sessionCount: 1, now: NOW })).to.deep.equal([
        { id: 'new', label: 'New user', reason: '1 session recorded', evidence: { kind: 'sessions', count: 1 } },
      ]);
    });
    it('2 sessions → Returning user', () => {
      expect(computeTags({ sessionCount: 2, now: NOW })).to.deep.equal([
        { id: 'returning', label: 'Returning user', reason: '2 sessions recorded', evidence: { kind: 'sessions', count: 2 } },
      ]);
    });
    it('0 or unknown sessions → neither', () => {
      expect(ids({ sessionCount: 0 })).to.deep.equal([]);
      expect(ids({ sessionCount: undefined })).to.deep.equal([]);
    });
  });

  describe('longtime', () => {
    it('is absent at exactly 60 days', () => {
      expect(ids({ firstSeenAt: NOW - 60 * DAY })).to.deep.equal([]);
    });
    it('is present at 60 days + 1 ms', () => {
      expect(computeTags({ firstSeenAt: NOW - 60 * DAY - 1, now: NOW })).to.deep.equal([
        { id: 'longtime', label: 'Longtime user', reason: 'Tracked for 60 days', evidence: { kind: 'tracked-for', days: 60 } },
      ]);
    });
    it('counts whole days and accepts ISO strings and a Date now', () => {
      expect(computeTags({ firstSeenAt: new Date(NOW - 100.5 * DAY).toISOString(), now: new Date(NOW) })[0]?.reason).to.equal(
        'Tracked for 100 days',
      );
    });
    it('is absent for unknown, null or invalid firstSeenAt', () => {
      expect(ids({ firstSeenAt: undefined })).to.deep.equal([]);
      expect(ids({ firstSeenAt: null })).to.deep.equal([]);
      expect(ids({ firstSeenAt: 'not a date' })).to.deep.equal([]);
      expect(ids({ firstSeenAt: NOW + 100 * DAY })).to.deep.equal([]);
    });
    it('honours a custom longtimeDays', () => {
      expect(computeTags({ firstSeenAt: NOW - 7 * DAY, now: NOW }, { longtimeDays: 7 })).to.deep.equal([]);
      expect(computeTags({ firstSeenAt: NOW - 7 * DAY - 1, now: NOW }, { longtimeDays: 7 }).map((t) => t.id)).to.deep.equal(['longtime']);
    });
  });

  describe('work / contact info', () => {
    it('recognises work keys case- and separator-insensitively, incl. job_title', () => {
      for (const key of [
        'company',
        'Company',
        'company_name',
        'companyName',
        'organization',
        'organisation',
        'employer',
        'job_title',
        'jobTitle',
        'Job Title',
        'job-title',
        'title',
        'department',
        'industry',
        'work_email',
      ]) {
        expect(ids({ traits: { [key]: 'x' } }), key).to.deep.equal(['work-info']);
      }
    });
    it('names the set keys in the reason', () => {
      expect(computeTags({ traits: { company: 'Acme' }, now: NOW })).to.deep.equal([
        { id: 'work-info', label: 'Work info', reason: 'Trait company is set', evidence: { kind: 'traits', keys: ['company'] } },
      ]);
      expect(computeTags({ traits: { company: 'Acme', job_title: 'CTO' }, now: NOW })[0]?.reason).to.equal(
        'Traits company, job_title are set',
      );
    });
    it('recognises contact keys', () => {
      for (const key of ['email', 'Email', 'phone', 'phone_number', 'phoneNumber', 'mobile', 'telephone']) {
        expect(ids({ traits: { [key]: 'x' } }), key).to.deep.equal(['contact-info']);
      }
      expect(computeTags({ traits: { email: 'a@b.c' }, now: NOW })).to.deep.equal([
        { id: 'contact-info', label: 'Contact info', reason: 'Trait email is set', evidence: { kind: 'traits', keys: ['email'] } },
      ]);
    });
    it('ignores blank, null and undefined values', () => {
      expect(ids({ traits: { company: '', email: '   ', phone: null, job_title: undefined } })).to.deep.equal([]);
      expect(ids({ traits: { company: '  ', jobTitle: 'CTO' } })).to.deep.equal(['work-info']);
      expect(computeTags({ traits: { company: '  ', jobTitle: 'CTO' }, now: NOW })[0]?.reason).to.equal('Trait jobTitle is set');
    });
    it('accepts non-string values', () => {
      expect(ids({ traits: { phone: 5551234 } })).to.deep.equal(['contact-info']);
    });
    it('gives anonymous users no work or contact tags', () => {
      expect(ids({ identified: false, traits: { company: 'Acme', email: 'a@b.c' } })).to.deep.equal([]);
      expect(ids({ identified: true, traits: { company: 'Acme', email: 'a@b.c' } })).to.deep.equal(['work-info', 'contact-info']);
    });
    it('still gives anonymous users custom attributes and the other tags', () => {
      expect(ids({ identified: false, sessionCount: 3, traits: { company: 'Acme', utm_source: 'ads' } })).to.deep.equal([
        'returning',
        'custom-attributes',
      ]);
    });
    it('ignores inherited keys', () => {
      const traits = Object.create({ email: 'x@y.z', company: 'Acme' }) as Record<string, unknown>;
      expect(ids({ traits })).to.deep.equal([]);
    });
  });

  describe('buyer', () => {
    it('needs orderCount ≥ 1', () => {
      expect(ids({ orderCount: 0 })).to.deep.equal([]);
      expect(ids({ orderCount: undefined })).to.deep.equal([]);
      expect(computeTags({ orderCount: 1, now: NOW })).to.deep.equal([
        { id: 'buyer', label: 'Buyer', reason: '1 order tracked', evidence: { kind: 'orders', count: 1 } },
      ]);
      expect(computeTags({ orderCount: 3, now: NOW })[0]?.reason).to.equal('3 orders tracked');
    });
  });

  describe('custom attributes', () => {
    it('is set by a key outside the standard set', () => {
      expect(computeTags({ traits: { favoriteColor: 'teal' }, now: NOW })).to.deep.equal([
        {
          id: 'custom-attributes',
          label: 'Custom attributes',
          reason: 'Trait favoriteColor is set',
          evidence: { kind: 'traits', keys: ['favoriteColor'] },
        },
      ]);
      expect(computeTags({ traits: { a: 1, b: 2 }, now: NOW })[0]?.reason).to.equal('Traits a, b are set');
    });
    it('is not set by standard keys only', () => {
      expect(
        ids({
          traits: { name: 'Ada', first_name: 'Ada', plan: 'pro', role: 'admin', country: 'UK', created_at: 1, avatar: 'x', locale: 'en' },
        }),
      ).to.deep.equal([]);
    });
    it('is absent without traits', () => {
      expect(ids({ traits: null })).to.deep.equal([]);
      expect(ids({ traits: {} })).to.deep.equal([]);
    });
  });

  it('orders every tag as USER_TAG_IDS', () => {
    expect(
      ids({
        traits: { favoriteColor: 'teal', email: 'a@b.c', company: 'Acme' },
        orderCount: 2,
        firstSeenAt: NOW - 90 * DAY,
        sessionCount: 5,
      }),
    ).to.deep.equal(['returning', 'longtime', 'work-info', 'contact-info', 'buyer', 'custom-attributes']);
    expect(ids({ sessionCount: 1, firstSeenAt: NOW - 61 * DAY })).to.deep.equal(['new', 'longtime']);
  });

  it('takes localized strings', () => {
    const tags = computeTags(
      { sessionCount: 2, traits: { company: 'Acme' }, now: NOW },
      {
        strings: {
          labels: {
            new: 'Neu',
            returning: 'Wiederkehrend',
            longtime: 'Langjährig',
            'work-info': 'Arbeit',
            'contact-info': 'Kontakt',
            buyer: 'Käufer',
            'custom-attributes': 'Eigene',
          },
          reasons: {
            ...DEFAULT_TAG_STRINGS.reasons,
            sessions: (count, n) => n.plural(count, { one: '# Sitzung', other: '# Sitzungen' }),
            traitSet: (keys) => `Gesetzt: ${keys.join('/')}`,
          },
        },
        locale: 'de',
      },
    );
    expect(tags.map(({ id, label, reason }) => ({ id, label, reason }))).to.deep.equal([
      { id: 'returning', label: 'Wiederkehrend', reason: '2 Sitzungen' },
      { id: 'work-info', label: 'Arbeit', reason: 'Gesetzt: company' },
    ]);
  });

  it('normalizeTraitKey folds case, _, - and spaces', () => {
    expect(normalizeTraitKey('Job_Title')).to.equal('jobtitle');
    expect(normalizeTraitKey('phone-number')).to.equal('phonenumber');
    expect(normalizeTraitKey('Work Email')).to.equal('workemail');
  });
});
