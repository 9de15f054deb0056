// `dozor-elements/provider`: registers <dozor-provider> only (the configuration every element reads).
import '../elements/provider/define.js';
export * from '../elements/provider/provider.js';
export type { DozorConfig, ThemeSetting } from '../elements/shared/context.js';
export type { DozorStrings } from '../elements/shared/strings.js';
export type * from '../elements/shared/events.js';
