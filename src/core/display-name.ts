/** Longest custom name and display-name trait key the server accepts (reference §1.11, §1.12), after trimming. */
export const MAX_CUSTOM_NAME_LENGTH = 120;
export const MAX_TRAIT_KEY_LENGTH = 60;

export interface DisplayNameInput {
  externalId: string;
  traits?: Record<string, unknown> | null | undefined;
  customName?: string | null | undefined;
  displayNameTraitKey?: string | null | undefined;
  projectDefaultTraitKey?: string | null | undefined;
}

/** True when `traits` has `key` as an own property (never an inherited one such as `constructor`). */
export function hasOwnTrait(traits: Record<string, unknown> | null | undefined, key: string): boolean {
  return traits !== null && traits !== undefined && Object.prototype.hasOwnProperty.call(traits, key);
}

/** A top-level trait as trimmed text, or null when missing or blank. Non-strings go through `String()`. */
export function pickTraitValue(traits: Record<string, unknown> | null | undefined, key: string | null | undefined): string | null {
  if (!key || !traits || !hasOwnTrait(traits, key)) return null;
  const raw = traits[key];
  if (raw === null || raw === undefined) return null;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Dozor's server turns any trait value into text with String() (SPEC)
  const text = (typeof raw === 'string' ? raw : String(raw)).trim();
  return text === '' ? null : text;
}

/** The first non-empty of: custom name, the user's trait key, the project's default trait key, externalId. */
export function resolveDisplayName(input: DisplayNameInput): string {
  const custom = input.customName?.trim();
  if (custom) return custom;
  return (
    pickTraitValue(input.traits, input.displayNameTraitKey) ??
    pickTraitValue(input.traits, input.projectDefaultTraitKey) ??
    input.externalId
  );
}
