/** A 32-hex-digit key derived from a string (FNV-1a over four seeds); deterministic, not secret. */
function hexKey(seed: string): string {
  let out = '';
  for (let round = 0; round < 4; round++) {
    let h = 2166136261 ^ round;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}

/** The public ingest key (`dp_<32 hex>`) of a project created without one. */
export function derivedProjectKey(projectId: string): string {
  return `dp_${hexKey(projectId)}`;
}
