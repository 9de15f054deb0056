import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { DEFAULT_TAG_STRINGS, tagReason, type TagReasonStrings, type UserTag, type UserTagId } from '../../core/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { userTagsStyles } from './user-tags.styles.js';

export interface UserTagsStrings {
  /** Accessible name of the tag list. */
  tagsLabel: string;
  /** Tag labels by id; the backend's label is used for ids not listed here. */
  tagLabels: Record<UserTagId, string>;
  /** Why a tag applies (its tooltip), from the evidence the backend's rule found. */
  tagReasons: TagReasonStrings;
}

export const USER_TAGS_STRINGS: UserTagsStrings = {
  tagsLabel: 'Tags',
  tagLabels: DEFAULT_TAG_STRINGS.labels,
  tagReasons: DEFAULT_TAG_STRINGS.reasons,
};

declare module '../shared/strings.js' {
  interface DozorStrings extends UserTagsStrings {}
}

/**
 * A user's tags (New user, Returning, Longtime, Work info, Contact info, Buyer, Custom attributes) as
 * chips; each chip's tooltip says why it applies. Renders nothing for no tags.
 *
 * @tagname dozor-user-tags
 * @summary User tag chips.
 * @csspart tags - the list.
 * @csspart tag - each chip (also `tag-<id>`, e.g. `tag-buyer`).
 * @cssprop --dozor-accent-soft - chip background.
 */
export class DozorUserTags extends DozorElement {
  static override styles = [tokens, baseStyles, userTagsStyles];

  /** The tags, as served by the backend (`computeTags` in `dozor-elements/core`). */
  @property({ attribute: false }) tags: readonly UserTag[] | undefined;

  override render() {
    const tags = this.tags ?? [];
    if (tags.length === 0) return nothing;
    const s = this.resolveStrings(USER_TAGS_STRINGS);
    return html`<ul part="tags" aria-label=${s.tagsLabel}>
      ${tags.map((tag) => {
        const label = s.tagLabels[tag.id] ?? tag.label;
        const reason = tag.evidence ? tagReason(tag.evidence, s.tagReasons, this.numbers) : tag.reason;
        return html`<li class=${tag.id} part="tag tag-${tag.id}" title=${reason}>
          ${label}<span class="visually-hidden">: ${reason}</span>
        </li>`;
      })}
    </ul>`;
  }
}
