/** A deep copy of a JSON value (traits): records never alias what callers hand in or get back. */
export function cloneJson<T>(value: T): T {
  return value === null || value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
