import { expect } from '@open-wc/testing';
import { isRealSession, MIN_REAL_SESSION_DURATION_SECONDS, MIN_REAL_SESSION_EVENTS, SESSION_RETENTION_DAYS } from '../../src/core/index.js';

describe('core/sessions', () => {
  it('has the floors and retention of reference §0', () => {
    expect(MIN_REAL_SESSION_EVENTS).to.equal(10);
    expect(MIN_REAL_SESSION_DURATION_SECONDS).to.equal(1);
    expect(SESSION_RETENTION_DAYS).to.equal(90);
  });
  it('needs at least 10 events', () => {
    expect(isRealSession({ eventCount: 9, duration: 100 })).to.equal(false);
    expect(isRealSession({ eventCount: 10, duration: 100 })).to.equal(true);
    expect(isRealSession({ eventCount: 0, duration: 100 })).to.equal(false);
  });
  it('needs at least 1 second', () => {
    expect(isRealSession({ eventCount: 100, duration: 0.99 })).to.equal(false);
    expect(isRealSession({ eventCount: 100, duration: 1 })).to.equal(true);
    expect(isRealSession({ eventCount: 100, duration: 0 })).to.equal(false);
  });
  it('needs both floors at once', () => {
    expect(isRealSession({ eventCount: 10, duration: 1 })).to.equal(true);
    expect(isRealSession({ eventCount: 9, duration: 0.99 })).to.equal(false);
    expect(isRealSession({ eventCount: 10, duration: 0.99 })).to.equal(false);
    expect(isRealSession({ eventCount: 9, duration: 1 })).to.equal(false);
  });
});
