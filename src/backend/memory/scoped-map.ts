/** Lookups scoped by project (users by external id, sessions by SDK session id, …). */

/** A two-level map (project → external id → value): no concatenated keys to build and hash. */
export class ScopedMap<V> {
  private readonly byProject = new Map<string, Map<string, V>>();
  get(projectId: string, externalId: string): V | undefined {
    return this.byProject.get(projectId)?.get(externalId);
  }
  has(projectId: string, externalId: string): boolean {
    return this.byProject.get(projectId)?.has(externalId) ?? false;
  }
  set(projectId: string, externalId: string, value: V): void {
    let inner = this.byProject.get(projectId);
    if (!inner) this.byProject.set(projectId, (inner = new Map<string, V>()));
    inner.set(externalId, value);
  }
  delete(projectId: string, externalId: string): void {
    this.byProject.get(projectId)?.delete(externalId);
  }
}
